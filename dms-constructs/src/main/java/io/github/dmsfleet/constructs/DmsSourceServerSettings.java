package io.github.dmsfleet.constructs;

import io.github.dmsfleet.rules.Defaults;
import io.github.dmsfleet.rules.MigrationType;
import io.github.dmsfleet.rules.S3Compression;
import io.github.dmsfleet.rules.S3DataFormat;
import io.github.dmsfleet.rules.SourceEngine;
import io.github.dmsfleet.rules.SslMode;
import java.util.List;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import software.amazon.awscdk.Size;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.s3.IBucket;

/**
 * What every kind of source server is given once for all its databases: the engine, where its
 * databases are written, the roles DMS uses, and the defaults of its databases. {@link
 * DmsSourceServerProps} adds the instance the replications run on, {@link
 * DmsServerlessSourceServerProps} the network and capacity of DMS Serverless.
 */
public abstract class DmsSourceServerSettings {
  DmsSourceServerSettings() {}

  /**
   * The source server's name, the first part of its databases' identifiers and folder. Default: the
   * construct id.
   */
  public abstract @Nullable String getServerName();

  /** The database engine of the source server. Required. */
  public abstract SourceEngine getEngine();

  /**
   * The port the replications reach the source on, which their security groups open. The endpoints
   * take the port from the secret. Default: the engine's usual port ({@link
   * SourceEngine#defaultPort()}).
   */
  public abstract @Nullable Integer getSourcePort();

  /**
   * The networks the source server is in (IPv4 CIDR blocks), the only ones the replications may
   * reach on the source port.
   *
   * <p>Default: any IPv4 address on the source port.
   */
  public abstract @Nullable List<String> getSourceCidrs();

  /** The S3 bucket the databases are written to. Required. */
  public abstract IBucket getTargetBucket();

  /**
   * The KMS key the target endpoints write with (SSE-KMS). Default: the bucket's key; required when
   * the {@code IBucket} does not know it.
   */
  public abstract @Nullable IKey getTargetEncryptionKey();

  /**
   * The folder of the bucket this server's databases are written under, each in a folder of its
   * own; the S3 role may write only below it. Letters, digits and {@code ! _ . ' ( ) -}, parts
   * joined by single {@code /}. Default: the server name, with other characters replaced by {@code
   * _}.
   */
  public abstract @Nullable String getBucketFolder();

  /**
   * The role DMS assumes to read the databases' secrets; each database grants it read access to its
   * secret. Default: a new role, trusting DMS of this account only.
   */
  public abstract @Nullable IRole getSecretsAccessRole();

  /**
   * The role DMS assumes to write to the bucket; the server grants it writing under its folder.
   * Default: a new role, trusting DMS of this account only.
   */
  public abstract @Nullable IRole getS3TargetRole();

  /**
   * The customer managed KMS key the secrets named by {@code secretName} are encrypted with; the
   * secrets role may decrypt with it through Secrets Manager only. Default: none, as secrets under
   * the {@code aws/secretsmanager} key need none.
   */
  public abstract @Nullable IKey getSecretsEncryptionKey();

  /** How source connections are encrypted, unless a database says otherwise. Default: require. */
  @Value.Default
  public SslMode getSslMode() {
    return Defaults.SSL_MODE;
  }

  /**
   * The DMS certificate of the source's CA, which {@code verify-ca} and {@code verify-full} need
   * and no other mode takes. Default: none.
   */
  public abstract @Nullable String getCertificateArn();

  /**
   * What the databases' replications do, unless a database says otherwise. Default: full load and
   * CDC.
   */
  @Value.Default
  public MigrationType getMigrationType() {
    return Defaults.MIGRATION_TYPE;
  }

  /**
   * Task settings (a JSON object) merged over the logging defaults of every database: objects merge
   * key by key, other values replace. Default: the logging defaults alone.
   */
  public abstract @Nullable String getTaskSettings();

  /** The files the target writes. Default: Parquet 2.0. */
  @Value.Default
  public S3DataFormat getDataFormat() {
    return Defaults.DATA_FORMAT;
  }

  /** How the target compresses its files. Default: GZIP. */
  @Value.Default
  public S3Compression getCompression() {
    return Defaults.COMPRESSION;
  }

  /** The largest file the target writes, 1 KiB to 1 GiB in whole KiB. Default: DMS's 1 GiB. */
  public abstract @Nullable Size getMaxFileSize();

  /**
   * The column with the commit time (CDC) or load time (full load) of each row. Default: {@code
   * dms_timestamp}.
   */
  @Value.Default
  public String getTimestampColumnName() {
    return "dms_timestamp";
  }

  /** Whether full-load rows carry the {@code I} operation column as CDC rows do. Default: true. */
  @Value.Default
  public boolean getIncludeOpForFullLoad() {
    return true;
  }

  /** Whether CDC folders are partitioned by transaction date. Default: false. */
  @Value.Default
  public boolean getDatePartitionEnabled() {
    return false;
  }
}
