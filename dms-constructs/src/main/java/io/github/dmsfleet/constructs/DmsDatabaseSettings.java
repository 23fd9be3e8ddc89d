package io.github.dmsfleet.constructs;

import io.github.dmsfleet.rules.MigrationType;
import io.github.dmsfleet.rules.SslMode;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import software.amazon.awscdk.services.secretsmanager.ISecret;

/**
 * What a database may set for itself; anything left out comes from its source server. Shared by
 * {@link DmsDatabaseOptions} (for {@code addDatabase}) and {@link DmsDatabaseMigrationProps}.
 */
public abstract class DmsDatabaseSettings {
  DmsDatabaseSettings() {}

  /**
   * The database's name on the source (for Oracle, the SID or service name). Default: the construct
   * id.
   */
  public abstract @Nullable String getDatabaseName();

  /**
   * The Secrets Manager secret with the database's {@code username}, {@code password}, {@code host}
   * and {@code port}; the secrets role may read it. This or {@code secretName} is required.
   */
  public abstract @Nullable ISecret getSecret();

  /**
   * The name of that secret, for secrets made outside CloudFormation; the role may read {@code
   * <name>-??????} of this account and Region. This or {@code secret} is required.
   */
  public abstract @Nullable String getSecretName();

  /**
   * The port the replication reaches this database on, which the security groups that run the
   * server's replications open too; the endpoint takes the port from the secret, so keep the two
   * the same. Default: the server's {@code sourcePort}.
   */
  public abstract @Nullable Integer getSourcePort();

  /** How the source connection is encrypted. Default: the server's. */
  public abstract @Nullable SslMode getSslMode();

  /** The DMS certificate for {@code verify-ca} or {@code verify-full}. Default: the server's. */
  public abstract @Nullable String getCertificateArn();

  /** What the replication does. Default: the server's. */
  public abstract @Nullable MigrationType getMigrationType();

  /**
   * The DMS table mappings (JSON), checked as the config's mapping files are. Default: every table
   * of the database: for MySQL, MariaDB and Aurora MySQL, where a database is a schema, the schema
   * named as the database; for other engines every schema of the database.
   */
  public abstract @Nullable String getTableMappings();

  /** Task settings (a JSON object) merged over the server's. Default: the server's. */
  public abstract @Nullable String getTaskSettings();

  /**
   * The database's folder under its server's folder, letters, digits and {@code ! _ . ' ( ) -}
   * joined by single {@code /}. Default: the database name, with other characters replaced by
   * {@code _}.
   */
  public abstract @Nullable String getSubfolder();

  /**
   * The identifier of the replication (the task's, on an instance). Default: {@code
   * <server>-<database>-all} by the naming rule of {@code DmsNames}.
   */
  public abstract @Nullable String getReplicationIdentifier();

  /** Default: {@code <server>-<database>-<engine>-source-endpoint}. */
  public abstract @Nullable String getSourceEndpointIdentifier();

  /** Default: {@code <server>-<database>-s3-target-endpoint}. */
  public abstract @Nullable String getTargetEndpointIdentifier();

  /** Extra connection attributes of the source endpoint. Default: none. */
  public abstract @Nullable String getSourceExtraConnectionAttributes();

  /**
   * Where CDC starts, as DMS takes it (a checkpoint, LSN or SCN). CDC only; not with {@code
   * cdcStartTime}; not on DMS Serverless, whose config takes none. Default: when the task starts.
   */
  public abstract @Nullable String getCdcStartPosition();

  /**
   * When CDC starts. CDC only; not with {@code cdcStartPosition}; not on DMS Serverless. Default:
   * when the task starts.
   */
  public abstract @Nullable Instant getCdcStartTime();
}
