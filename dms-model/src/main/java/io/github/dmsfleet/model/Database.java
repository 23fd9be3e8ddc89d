package io.github.dmsfleet.model;

import io.github.dmsfleet.rules.SourceEngine;
import org.immutables.value.Value;

/**
 * One source database: it becomes a source endpoint, an S3 target endpoint and a replication task.
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

  /** {@code <server>-<dbname>-all}, made legal by {@link Identifiers}. */
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
}
