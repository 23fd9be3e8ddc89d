package io.github.dmsfleet.model;

import io.github.dmsfleet.rules.MigrationType;
import io.github.dmsfleet.rules.SourceEngine;
import io.github.dmsfleet.rules.SslMode;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One source database: it becomes a source endpoint, an S3 target endpoint and a replication task
 * (or, on a serverless server, a replication config). Its settings are the effective ones: its
 * row's over the fleet's.
 */
@Value.Immutable
public interface Database {
  /** The server name as the config writes it. */
  String serverName();

  /** The database name as the config writes it. */
  String name();

  SourceEngine engine();

  /** Its line in {@code dms_config_details.txt}. */
  int line();

  /**
   * {@code <server>-<dbname>-all}, made legal by {@link Identifiers}: its replication task's
   * identifier, or its replication config's when its server runs serverless.
   */
  String taskIdentifier();

  /** {@code <server>-<dbname>-<engine>-source-endpoint}, made legal by {@link Identifiers}. */
  String sourceEndpointIdentifier();

  /** {@code <server>-<dbname>-s3-target-endpoint}, made legal by {@link Identifiers}. */
  String targetEndpointIdentifier();

  /** The Secrets Manager secret holding its credentials. */
  String secretName();

  /**
   * The S3 folder its data goes to, {@code <s3_prefix>/<server>/<dbname>}, with no slash at either
   * end.
   */
  String s3Prefix();

  TableMapping tableMapping();

  /** Its row's {@code migration_type}, or the fleet's {@code task_migration_type}. */
  MigrationType migrationType();

  /** Its row's {@code ssl_mode}, or the fleet's; always one its engine supports. */
  SslMode sslMode();

  /**
   * The DMS certificate its {@code verify-ca} or {@code verify-full} mode checks against: its row's
   * {@code certificate_arn}, or the fleet's; empty for the other modes.
   */
  Optional<String> certificateArn();

  /** Its row's {@code task_settings}, merged over the fleet's; empty when it names none. */
  Optional<TaskSettingsOverride> taskSettings();

  /**
   * The port its source listens on: its row's {@code port}, or its engine's usual port. The
   * replication instances may reach it there; the endpoint itself takes the port from the secret.
   */
  int port();
}
