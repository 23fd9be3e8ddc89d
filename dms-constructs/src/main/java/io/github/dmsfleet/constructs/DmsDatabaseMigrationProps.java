package io.github.dmsfleet.constructs;

import io.github.dmsfleet.rules.MigrationType;
import io.github.dmsfleet.rules.S3Compression;
import io.github.dmsfleet.rules.S3DataFormat;
import io.github.dmsfleet.rules.SourceEngine;
import io.github.dmsfleet.rules.SslMode;
import java.time.Instant;
import java.util.Map;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.s3.IBucket;

/** Properties of {@link DmsDatabaseMigration}: one source database replicated to one S3 folder. */
public final class DmsDatabaseMigrationProps {
  private final DmsReplicationServer replicationServer;
  private final SourceEngine sourceEngine;
  private final String databaseName;
  private final String secretsManagerSecretId;
  private final IRole secretsAccessRole;
  private final SslMode sslMode;
  private final String certificateArn;
  private final String sourceExtraConnectionAttributes;
  private final String sourceEndpointIdentifier;
  private final String targetEndpointIdentifier;
  private final String replicationTaskIdentifier;
  private final MigrationType migrationType;
  private final String tableMappings;
  private final String taskSettings;
  private final String cdcStartPosition;
  private final Instant cdcStartTime;
  private final IBucket targetBucket;
  private final IKey targetEncryptionKey;
  private final IRole s3TargetRole;
  private final String bucketFolder;
  private final S3DataFormat dataFormat;
  private final S3Compression compression;
  private final Integer maxFileSizeKiB;
  private final String timestampColumnName;
  private final Boolean includeOpForFullLoad;
  private final Boolean datePartitionEnabled;
  private final Map<String, String> tags;

  private DmsDatabaseMigrationProps(Builder builder) {
    this.replicationServer = builder.replicationServer;
    this.sourceEngine = builder.sourceEngine;
    this.databaseName = builder.databaseName;
    this.secretsManagerSecretId = builder.secretsManagerSecretId;
    this.secretsAccessRole = builder.secretsAccessRole;
    this.sslMode = builder.sslMode;
    this.certificateArn = builder.certificateArn;
    this.sourceExtraConnectionAttributes = builder.sourceExtraConnectionAttributes;
    this.sourceEndpointIdentifier = builder.sourceEndpointIdentifier;
    this.targetEndpointIdentifier = builder.targetEndpointIdentifier;
    this.replicationTaskIdentifier = builder.replicationTaskIdentifier;
    this.migrationType = builder.migrationType;
    this.tableMappings = builder.tableMappings;
    this.taskSettings = builder.taskSettings;
    this.cdcStartPosition = builder.cdcStartPosition;
    this.cdcStartTime = builder.cdcStartTime;
    this.targetBucket = builder.targetBucket;
    this.targetEncryptionKey = builder.targetEncryptionKey;
    this.s3TargetRole = builder.s3TargetRole;
    this.bucketFolder = builder.bucketFolder;
    this.dataFormat = builder.dataFormat;
    this.compression = builder.compression;
    this.maxFileSizeKiB = builder.maxFileSizeKiB;
    this.timestampColumnName = builder.timestampColumnName;
    this.includeOpForFullLoad = builder.includeOpForFullLoad;
    this.datePartitionEnabled = builder.datePartitionEnabled;
    this.tags = builder.tags == null ? null : Map.copyOf(builder.tags);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these properties, to change some of them. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.replicationServer = replicationServer;
    builder.sourceEngine = sourceEngine;
    builder.databaseName = databaseName;
    builder.secretsManagerSecretId = secretsManagerSecretId;
    builder.secretsAccessRole = secretsAccessRole;
    builder.sslMode = sslMode;
    builder.certificateArn = certificateArn;
    builder.sourceExtraConnectionAttributes = sourceExtraConnectionAttributes;
    builder.sourceEndpointIdentifier = sourceEndpointIdentifier;
    builder.targetEndpointIdentifier = targetEndpointIdentifier;
    builder.replicationTaskIdentifier = replicationTaskIdentifier;
    builder.migrationType = migrationType;
    builder.tableMappings = tableMappings;
    builder.taskSettings = taskSettings;
    builder.cdcStartPosition = cdcStartPosition;
    builder.cdcStartTime = cdcStartTime;
    builder.targetBucket = targetBucket;
    builder.targetEncryptionKey = targetEncryptionKey;
    builder.s3TargetRole = s3TargetRole;
    builder.bucketFolder = bucketFolder;
    builder.dataFormat = dataFormat;
    builder.compression = compression;
    builder.maxFileSizeKiB = maxFileSizeKiB;
    builder.timestampColumnName = timestampColumnName;
    builder.includeOpForFullLoad = includeOpForFullLoad;
    builder.datePartitionEnabled = datePartitionEnabled;
    builder.tags = tags;
    return builder;
  }

  /**
   * The replication server that runs the task. Required, unless the migration is added with {@link
   * DmsReplicationServer#addDatabase}, which sets it.
   */
  public DmsReplicationServer getReplicationServer() {
    return replicationServer;
  }

  /** The engine of the source database. Required. */
  public SourceEngine getSourceEngine() {
    return sourceEngine;
  }

  /** The source database name (for Oracle, the SID or service name). Required. */
  public String getDatabaseName() {
    return databaseName;
  }

  /**
   * The name or ARN of the Secrets Manager secret holding {@code username}, {@code password},
   * {@code host} and {@code port} of the source. Required.
   */
  public String getSecretsManagerSecretId() {
    return secretsManagerSecretId;
  }

  /**
   * The role DMS assumes to read the secret, such as {@link DmsSecretsAccessRole#getRole()}.
   * Required.
   */
  public IRole getSecretsAccessRole() {
    return secretsAccessRole;
  }

  /** How the source connection is encrypted. Default: {@link SslMode#REQUIRE}. */
  public SslMode getSslMode() {
    return sslMode;
  }

  /**
   * The ARN of the DMS certificate that verifies the source. Required with {@link
   * SslMode#VERIFY_CA} and {@link SslMode#VERIFY_FULL}, not allowed otherwise. Default: none.
   */
  public String getCertificateArn() {
    return certificateArn;
  }

  /**
   * Extra connection attributes of the source endpoint, such as {@code readBackupOnly=true}.
   * Default: none.
   */
  public String getSourceExtraConnectionAttributes() {
    return sourceExtraConnectionAttributes;
  }

  /**
   * The source endpoint identifier: 1 to 255 letters, digits or hyphens, starting with a letter.
   * Required.
   */
  public String getSourceEndpointIdentifier() {
    return sourceEndpointIdentifier;
  }

  /** The S3 target endpoint identifier, same rules. Required. */
  public String getTargetEndpointIdentifier() {
    return targetEndpointIdentifier;
  }

  /** The replication task identifier, same rules. Required. */
  public String getReplicationTaskIdentifier() {
    return replicationTaskIdentifier;
  }

  /** What the task does. Default: {@link MigrationType#FULL_LOAD_AND_CDC}. */
  public MigrationType getMigrationType() {
    return migrationType;
  }

  /**
   * The table mappings, a JSON object with at least one selection rule. Default: every table of
   * every schema.
   */
  public String getTableMappings() {
    return tableMappings;
  }

  /**
   * Task settings (a JSON object) merged over the defaults, which turn on CloudWatch logging for
   * the source, target and task manager components: objects merge key by key, other values replace.
   * Default: the defaults alone.
   */
  public String getTaskSettings() {
    return taskSettings;
  }

  /**
   * Where CDC starts: a native position (LSN, SCN, binlog position) or checkpoint. Only with a CDC
   * migration type; not with {@code cdcStartTime}. Default: when the task starts.
   */
  public String getCdcStartPosition() {
    return cdcStartPosition;
  }

  /**
   * When CDC starts. Only with a CDC migration type; not with {@code cdcStartPosition}. Default:
   * when the task starts.
   */
  public Instant getCdcStartTime() {
    return cdcStartTime;
  }

  /** The S3 bucket DMS writes to, such as {@link DmsTargetBucket#getBucket()}. Required. */
  public IBucket getTargetBucket() {
    return targetBucket;
  }

  /**
   * The KMS key DMS encrypts the files with (SSE-KMS). Default: the bucket's key; required if the
   * bucket has none.
   */
  public IKey getTargetEncryptionKey() {
    return targetEncryptionKey;
  }

  /**
   * The role DMS assumes to write to the bucket, such as {@link DmsS3TargetRole#getRole()}; it must
   * allow this {@code bucketFolder}. Required.
   */
  public IRole getS3TargetRole() {
    return s3TargetRole;
  }

  /**
   * The folder (key prefix) in the bucket this database is written under, such as {@code
   * sales/orders}. Required.
   */
  public String getBucketFolder() {
    return bucketFolder;
  }

  /** The file format. Default: {@link S3DataFormat#PARQUET}. */
  public S3DataFormat getDataFormat() {
    return dataFormat;
  }

  /** The file compression. Default: {@link S3Compression#GZIP}. */
  public S3Compression getCompression() {
    return compression;
  }

  /**
   * The largest file DMS writes during full load, 1 to 1048576 KiB. Default: DMS's default, 1048576
   * KiB (1 GiB).
   */
  public Integer getMaxFileSizeKiB() {
    return maxFileSizeKiB;
  }

  /**
   * A column DMS adds to every row: the commit time of the change for CDC, the load time for full
   * load. Default: {@code dms_timestamp}.
   */
  public String getTimestampColumnName() {
    return timestampColumnName;
  }

  /**
   * Whether full-load rows carry the operation column ({@code I}) like CDC rows do, so both read
   * alike. Default: true.
   */
  public Boolean getIncludeOpForFullLoad() {
    return includeOpForFullLoad;
  }

  /** Whether CDC files go to date folders ({@code YYYYMMDD}). Default: false. */
  public Boolean getDatePartitionEnabled() {
    return datePartitionEnabled;
  }

  /** Tags for the endpoints, the task and the alarms. Default: none. */
  public Map<String, String> getTags() {
    return tags;
  }

  /** Builds {@link DmsDatabaseMigrationProps}. */
  public static final class Builder {
    private DmsReplicationServer replicationServer;
    private SourceEngine sourceEngine;
    private String databaseName;
    private String secretsManagerSecretId;
    private IRole secretsAccessRole;
    private SslMode sslMode;
    private String certificateArn;
    private String sourceExtraConnectionAttributes;
    private String sourceEndpointIdentifier;
    private String targetEndpointIdentifier;
    private String replicationTaskIdentifier;
    private MigrationType migrationType;
    private String tableMappings;
    private String taskSettings;
    private String cdcStartPosition;
    private Instant cdcStartTime;
    private IBucket targetBucket;
    private IKey targetEncryptionKey;
    private IRole s3TargetRole;
    private String bucketFolder;
    private S3DataFormat dataFormat;
    private S3Compression compression;
    private Integer maxFileSizeKiB;
    private String timestampColumnName;
    private Boolean includeOpForFullLoad;
    private Boolean datePartitionEnabled;
    private Map<String, String> tags;

    private Builder() {}

    /** Sets {@link DmsDatabaseMigrationProps#getReplicationServer()}. */
    public Builder replicationServer(DmsReplicationServer replicationServer) {
      this.replicationServer = replicationServer;
      return this;
    }

    /** Sets {@link DmsDatabaseMigrationProps#getSourceEngine()}. */
    public Builder sourceEngine(SourceEngine sourceEngine) {
      this.sourceEngine = sourceEngine;
      return this;
    }

    /** Sets {@link DmsDatabaseMigrationProps#getDatabaseName()}. */
    public Builder databaseName(String databaseName) {
      this.databaseName = databaseName;
      return this;
    }

    /** Sets {@link DmsDatabaseMigrationProps#getSecretsManagerSecretId()}. */
    public Builder secretsManagerSecretId(String secretsManagerSecretId) {
      this.secretsManagerSecretId = secretsManagerSecretId;
      return this;
    }

    /** Sets {@link DmsDatabaseMigrationProps#getSecretsAccessRole()}. */
    public Builder secretsAccessRole(IRole secretsAccessRole) {
      this.secretsAccessRole = secretsAccessRole;
      return this;
    }

    /** Sets {@link DmsDatabaseMigrationProps#getSslMode()}. */
    public Builder sslMode(SslMode sslMode) {
      this.sslMode = sslMode;
      return this;
    }

    /** Sets {@link DmsDatabaseMigrationProps#getCertificateArn()}. */
    public Builder certificateArn(String certificateArn) {
      this.certificateArn = certificateArn;
      return this;
    }

    /** Sets {@link DmsDatabaseMigrationProps#getSourceExtraConnectionAttributes()}. */
    public Builder sourceExtraConnectionAttributes(String sourceExtraConnectionAttributes) {
      this.sourceExtraConnectionAttributes = sourceExtraConnectionAttributes;
      return this;
    }

    /** Sets {@link DmsDatabaseMigrationProps#getSourceEndpointIdentifier()}. */
    public Builder sourceEndpointIdentifier(String sourceEndpointIdentifier) {
      this.sourceEndpointIdentifier = sourceEndpointIdentifier;
      return this;
    }

    /** Sets {@link DmsDatabaseMigrationProps#getTargetEndpointIdentifier()}. */
    public Builder targetEndpointIdentifier(String targetEndpointIdentifier) {
      this.targetEndpointIdentifier = targetEndpointIdentifier;
      return this;
    }

    /** Sets {@link DmsDatabaseMigrationProps#getReplicationTaskIdentifier()}. */
    public Builder replicationTaskIdentifier(String replicationTaskIdentifier) {
      this.replicationTaskIdentifier = replicationTaskIdentifier;
      return this;
    }

    /** Sets {@link DmsDatabaseMigrationProps#getMigrationType()}. */
    public Builder migrationType(MigrationType migrationType) {
      this.migrationType = migrationType;
      return this;
    }

    /** Sets {@link DmsDatabaseMigrationProps#getTableMappings()}. */
    public Builder tableMappings(String tableMappings) {
      this.tableMappings = tableMappings;
      return this;
    }

    /** Sets {@link DmsDatabaseMigrationProps#getTaskSettings()}. */
    public Builder taskSettings(String taskSettings) {
      this.taskSettings = taskSettings;
      return this;
    }

    /** Sets {@link DmsDatabaseMigrationProps#getCdcStartPosition()}. */
    public Builder cdcStartPosition(String cdcStartPosition) {
      this.cdcStartPosition = cdcStartPosition;
      return this;
    }

    /** Sets {@link DmsDatabaseMigrationProps#getCdcStartTime()}. */
    public Builder cdcStartTime(Instant cdcStartTime) {
      this.cdcStartTime = cdcStartTime;
      return this;
    }

    /** Sets {@link DmsDatabaseMigrationProps#getTargetBucket()}. */
    public Builder targetBucket(IBucket targetBucket) {
      this.targetBucket = targetBucket;
      return this;
    }

    /** Sets {@link DmsDatabaseMigrationProps#getTargetEncryptionKey()}. */
    public Builder targetEncryptionKey(IKey targetEncryptionKey) {
      this.targetEncryptionKey = targetEncryptionKey;
      return this;
    }

    /** Sets {@link DmsDatabaseMigrationProps#getS3TargetRole()}. */
    public Builder s3TargetRole(IRole s3TargetRole) {
      this.s3TargetRole = s3TargetRole;
      return this;
    }

    /** Sets {@link DmsDatabaseMigrationProps#getBucketFolder()}. */
    public Builder bucketFolder(String bucketFolder) {
      this.bucketFolder = bucketFolder;
      return this;
    }

    /** Sets {@link DmsDatabaseMigrationProps#getDataFormat()}. */
    public Builder dataFormat(S3DataFormat dataFormat) {
      this.dataFormat = dataFormat;
      return this;
    }

    /** Sets {@link DmsDatabaseMigrationProps#getCompression()}. */
    public Builder compression(S3Compression compression) {
      this.compression = compression;
      return this;
    }

    /** Sets {@link DmsDatabaseMigrationProps#getMaxFileSizeKiB()}. */
    public Builder maxFileSizeKiB(Integer maxFileSizeKiB) {
      this.maxFileSizeKiB = maxFileSizeKiB;
      return this;
    }

    /** Sets {@link DmsDatabaseMigrationProps#getTimestampColumnName()}. */
    public Builder timestampColumnName(String timestampColumnName) {
      this.timestampColumnName = timestampColumnName;
      return this;
    }

    /** Sets {@link DmsDatabaseMigrationProps#getIncludeOpForFullLoad()}. */
    public Builder includeOpForFullLoad(Boolean includeOpForFullLoad) {
      this.includeOpForFullLoad = includeOpForFullLoad;
      return this;
    }

    /** Sets {@link DmsDatabaseMigrationProps#getDatePartitionEnabled()}. */
    public Builder datePartitionEnabled(Boolean datePartitionEnabled) {
      this.datePartitionEnabled = datePartitionEnabled;
      return this;
    }

    /** Sets {@link DmsDatabaseMigrationProps#getTags()}. */
    public Builder tags(Map<String, String> tags) {
      this.tags = tags;
      return this;
    }

    public DmsDatabaseMigrationProps build() {
      return new DmsDatabaseMigrationProps(this);
    }
  }
}
