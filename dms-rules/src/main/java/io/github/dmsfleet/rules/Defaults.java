package io.github.dmsfleet.rules;

/**
 * What a fleet gets when neither the config nor the construct props say otherwise; both take their
 * defaults from here, so that a fleet built from the config and one built from the constructs alone
 * are alike.
 */
public final class Defaults {
  /**
   * A memory-optimized class with 4 vCPUs and 32 GiB: an instance runs up to {@value
   * Quotas#DATABASES_PER_INSTANCE} full-load-and-CDC tasks and caches their changes, where the
   * burstable T classes suit moderate use with short spikes.
   */
  public static final String INSTANCE_CLASS = "dms.r5.xlarge";

  public static final int ALLOCATED_STORAGE_GIB = 50;

  /** DMS's own default: 1 GiB, files as large as DMS writes them. */
  public static final int MAX_FILE_SIZE_KIB = 1_048_576;

  public static final String VPC_CIDR = "10.0.0.0/18";

  public static final int GLACIER_TRANSITION_DAYS = 365;

  public static final MigrationType MIGRATION_TYPE = MigrationType.FULL_LOAD_AND_CDC;

  /** Encrypted; DMS's own default is no encryption. */
  public static final SslMode SSL_MODE = SslMode.REQUIRE;

  public static final S3DataFormat DATA_FORMAT = S3DataFormat.PARQUET;

  public static final S3Compression COMPRESSION = S3Compression.GZIP;

  public static final Compute COMPUTE = Compute.INSTANCE;

  /**
   * The largest capacity a serverless replication scales to, in DMS capacity units: 32 GiB, what
   * the default instance class has.
   */
  public static final int MAX_CAPACITY_UNITS = 16;

  /** How long task logs are kept: three months to look back on a failure, then they expire. */
  public static final int LOG_RETENTION_DAYS = 90;

  private Defaults() {}
}
