package io.github.dmsfleet.model;

import io.github.dmsfleet.rules.Compute;
import io.github.dmsfleet.rules.Defaults;
import io.github.dmsfleet.rules.MigrationType;
import io.github.dmsfleet.rules.S3Compression;
import io.github.dmsfleet.rules.S3DataFormat;
import io.github.dmsfleet.rules.SourceEngine;
import io.github.dmsfleet.rules.SslMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * Fleet-wide settings from {@code parameters.txt}; {@code config/README.md} documents each key and
 * default. The defaults the constructs share come from {@link Defaults}. The {@link ServerSettings}
 * here are the fleet's defaults; read a server's own from its {@link Server}.
 */
@Value.Immutable
public abstract class Settings implements ServerSettings {
  /** {@code compute}: what runs the replications of servers that do not say otherwise. */
  @Override
  @Value.Default
  public Compute compute() {
    return Defaults.COMPUTE;
  }

  /** {@code instancesize}: the replication instance class of servers that do not name one. */
  @Override
  @Value.Default
  public String instanceClass() {
    return Defaults.INSTANCE_CLASS;
  }

  /** {@code maxfilesize}: the largest file DMS writes to S3, in KiB. */
  @Value.Default
  public int maxFileSizeKiB() {
    return Defaults.MAX_FILE_SIZE_KIB;
  }

  /** {@code task_migration_type}: of databases whose row names none. */
  @Value.Default
  public MigrationType migrationType() {
    return Defaults.MIGRATION_TYPE;
  }

  /** {@code allocated_storage}: storage of each replication instance, in GiB. */
  @Override
  @Value.Default
  public int allocatedStorageGiB() {
    return Defaults.ALLOCATED_STORAGE_GIB;
  }

  /** {@code multi_az}. */
  @Override
  @Value.Default
  public boolean multiAz() {
    return false;
  }

  /** {@code engine_version}: the DMS engine version; empty means DMS's default. */
  @Override
  public abstract Optional<String> engineVersion();

  /** {@code maintenance_window}, as {@code ddd:hh24:mi-ddd:hh24:mi}; empty means DMS picks one. */
  @Override
  public abstract Optional<String> maintenanceWindow();

  /** {@code max_capacity_units}: the most a serverless replication scales to, in DCU. */
  @Override
  @Value.Default
  public int maxCapacityUnits() {
    return Defaults.MAX_CAPACITY_UNITS;
  }

  /** {@code min_capacity_units}: the least a serverless replication keeps; empty means DMS's 1. */
  @Override
  public abstract OptionalInt minCapacityUnits();

  /** {@code log_retention_days}: how long each server's task log group keeps its logs. */
  @Value.Default
  public int logRetentionDays() {
    return Defaults.LOG_RETENTION_DAYS;
  }

  /** {@code source_engine}: the engine of databases whose row names none. */
  @Value.Default
  public SourceEngine sourceEngine() {
    return SourceEngine.SQL_SERVER;
  }

  /** {@code ssl_mode}: how source endpoints of databases whose row names none encrypt. */
  @Value.Default
  public SslMode sslMode() {
    return Defaults.SSL_MODE;
  }

  /**
   * {@code certificate_arn}: the DMS certificate that {@code verify-ca} and {@code verify-full}
   * check against, for databases whose row names none.
   */
  public abstract Optional<String> certificateArn();

  /**
   * {@code allow_unencrypted_sources}: whether {@code ssl_mode none} is accepted; it sends data and
   * credentials in the clear.
   */
  @Value.Default
  public boolean allowUnencryptedSources() {
    return false;
  }

  /**
   * {@code source_cidrs}: the networks where the source databases live, which the replication
   * instances' egress to the sources is narrowed to; empty means any address on the engines' ports.
   */
  public abstract List<String> sourceCidrs();

  /** {@code vpc_cidr}: the CIDR of the VPC created when no {@code vpc_id} is given. */
  @Value.Default
  public String vpcCidr() {
    return Defaults.VPC_CIDR;
  }

  /** {@code vpc_id}: an existing VPC to use instead of creating one. */
  public abstract Optional<String> vpcId();

  /** {@code subnet_ids}: the existing VPC's subnets for the replication subnet group. */
  public abstract List<String> subnetIds();

  /** {@code alert_email}: addresses that get failure alerts. */
  public abstract List<String> alertEmails();

  /** {@code output_format}. */
  @Value.Default
  public S3DataFormat outputFormat() {
    return Defaults.DATA_FORMAT;
  }

  /** {@code compression}. */
  @Value.Default
  public S3Compression compression() {
    return Defaults.COMPRESSION;
  }

  /** {@code date_partitioning}: whether S3 folders are partitioned by transaction date. */
  @Value.Default
  public boolean datePartitioning() {
    return false;
  }

  /** {@code bucket_name}: an existing target bucket to use instead of creating one. */
  public abstract Optional<String> bucketName();

  /** {@code s3_prefix}: the folder under which each database gets {@code <server>/<dbname>/}. */
  @Value.Default
  public String s3Prefix() {
    return "data";
  }

  /**
   * {@code kms_key_arn}: an existing KMS key for the bucket and instances instead of creating one.
   */
  public abstract Optional<String> kmsKeyArn();

  /**
   * {@code glacier_transition_days}: days before S3 objects move to Glacier; 0 turns the rule off.
   */
  @Value.Default
  public int glacierTransitionDays() {
    return Defaults.GLACIER_TRANSITION_DAYS;
  }

  /**
   * {@code secrets_kms_key_arn}: the KMS key that encrypts the credential secrets; empty means
   * Secrets Manager's own {@code aws/secretsmanager} key.
   */
  public abstract Optional<String> secretsKmsKeyArn();

  /** {@code secret_name_pattern}: the Secrets Manager name of each database's credentials. */
  @Value.Default
  public String secretNamePattern() {
    return "dms_{server}_{dbname}_{engine}";
  }

  /** {@code stack_prefix}: the start of every stack name. */
  @Value.Default
  public String stackPrefix() {
    return "DmsFleet";
  }

  /**
   * {@code create_account_roles}: whether to create the account's {@code dms-vpc-role} and {@code
   * dms-cloudwatch-logs-role}.
   */
  @Value.Default
  public boolean createAccountRoles() {
    return true;
  }

  /** {@code tags}: tags put on every resource. */
  public abstract Map<String, String> tags();

  /** The defaults alone, as an empty {@code parameters.txt} gives. */
  public static Settings defaults() {
    return ImmutableSettings.builder().build();
  }
}
