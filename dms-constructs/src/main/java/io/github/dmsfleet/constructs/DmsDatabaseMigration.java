package io.github.dmsfleet.constructs;

import io.github.dmsfleet.constructs.internal.Alarms;
import io.github.dmsfleet.constructs.internal.Problems;
import io.github.dmsfleet.constructs.internal.TaskJson;
import io.github.dmsfleet.rules.Defaults;
import io.github.dmsfleet.rules.DmsIdentifiers;
import io.github.dmsfleet.rules.MigrationType;
import io.github.dmsfleet.rules.S3DataFormat;
import io.github.dmsfleet.rules.S3Targets;
import io.github.dmsfleet.rules.SslMode;
import io.github.dmsfleet.rules.TableMappings;
import io.github.dmsfleet.rules.TextRule;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.dms.CfnEndpoint;
import software.amazon.awscdk.services.dms.CfnReplicationTask;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * One source database replicated into one folder of the S3 target: a source endpoint that takes its
 * credentials from Secrets Manager (no user name, password, server or port in the template), an S3
 * target endpoint writing SSE-KMS encrypted files, and the replication task with CloudWatch logging
 * on.
 *
 * <p>Usually created with {@link DmsReplicationServer#addDatabase}. Construct ids: {@code
 * SourceEndpoint}, {@code TargetEndpoint}, {@code Resource} (the task), {@code
 * CdcLatencySourceAlarm} and {@code CdcLatencyTargetAlarm} (after {@link #addAlarms}).
 */
public class DmsDatabaseMigration extends Construct {
  /**
   * The column DMS adds with the change time, unless {@code timestampColumnName} says otherwise.
   */
  public static final String DEFAULT_TIMESTAMP_COLUMN = "dms_timestamp";

  private static final TextRule COLUMN_NAME =
      TextRule.matching(
          Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}"),
          "1 to 128 letters, digits or '_', not starting with a digit");

  private final CfnEndpoint sourceEndpoint;
  private final CfnEndpoint targetEndpoint;
  private final CfnReplicationTask replicationTask;
  private final DmsReplicationServer replicationServer;
  private final MigrationType migrationType;
  private final String replicationTaskIdentifier;

  /**
   * CloudWatch keys task metrics by the task's resource id, the last part of its ARN, not by its
   * identifier.
   */
  private final String taskResourceId;

  public DmsDatabaseMigration(Construct scope, String id, DmsDatabaseMigrationProps props) {
    super(scope, id);
    validate(props);
    replicationServer = props.getReplicationServer();
    migrationType = Objects.requireNonNullElse(props.getMigrationType(), Defaults.MIGRATION_TYPE);

    sourceEndpoint = sourceEndpoint(props);
    targetEndpoint = targetEndpoint(props);
    replicationTask =
        CfnReplicationTask.Builder.create(this, "Resource")
            .replicationTaskIdentifier(props.getReplicationTaskIdentifier())
            .replicationInstanceArn(replicationServer.getReplicationInstanceArn())
            .sourceEndpointArn(sourceEndpoint.getRef())
            .targetEndpointArn(targetEndpoint.getRef())
            .migrationType(migrationType.value())
            .tableMappings(
                Objects.requireNonNullElse(props.getTableMappings(), TaskJson.includeAllTables()))
            .replicationTaskSettings(TaskJson.taskSettings(props.getTaskSettings()))
            .cdcStartPosition(props.getCdcStartPosition())
            .cdcStartTime(
                props.getCdcStartTime() == null ? null : props.getCdcStartTime().getEpochSecond())
            .build();
    replicationTaskIdentifier = props.getReplicationTaskIdentifier();
    taskResourceId = Fn.select(6, Fn.split(":", replicationTask.getRef()));
    Objects.requireNonNullElse(props.getTags(), Map.<String, String>of())
        .forEach((key, value) -> Tags.of(this).add(key, value));
  }

  /**
   * Alarms on the task's CDC latency, notifying {@code topic} (which may live in another stack):
   * source or target latency above 600 seconds for three 5-minute periods. A full-load task gets
   * none.
   */
  public List<Alarm> addAlarms(ITopic topic) {
    return addAlarms(topic, DmsTaskAlarmOptions.builder().build());
  }

  /** As {@link #addAlarms(ITopic)}, with other thresholds. */
  public List<Alarm> addAlarms(ITopic topic, DmsTaskAlarmOptions options) {
    int latencySeconds = Objects.requireNonNullElse(options.getCdcLatencySeconds(), 600);
    int periods = Objects.requireNonNullElse(options.getEvaluationPeriods(), 3);
    Problems problems = new Problems("DmsTaskAlarmOptions of '" + getNode().getId() + "'");
    problems.between("cdcLatencySeconds", latencySeconds, 1, Integer.MAX_VALUE);
    problems.between("evaluationPeriods", periods, 1, 288);
    problems.throwIfAny();
    if (!migrationType.capturesChanges()) {
      return List.of();
    }
    // A task reports no CDC latency while it loads or stands still; that is no alarm.
    return List.of(
        Alarms.notifying(
            this,
            "CdcLatencySourceAlarm",
            metricCdcLatencySource(),
            ComparisonOperator.GREATER_THAN_THRESHOLD,
            latencySeconds,
            periods,
            TreatMissingData.NOT_BREACHING,
            describeLatency("source", latencySeconds),
            topic),
        Alarms.notifying(
            this,
            "CdcLatencyTargetAlarm",
            metricCdcLatencyTarget(),
            ComparisonOperator.GREATER_THAN_THRESHOLD,
            latencySeconds,
            periods,
            TreatMissingData.NOT_BREACHING,
            describeLatency("target", latencySeconds),
            topic));
  }

  /**
   * Seconds between a change committing at the source and DMS capturing it, maximum over 5 minutes.
   */
  public Metric metricCdcLatencySource() {
    return metricCdcLatencySource(MetricOptions.builder().build());
  }

  /** As {@link #metricCdcLatencySource()}, with other options. */
  public Metric metricCdcLatencySource(MetricOptions options) {
    return taskMetric("CDCLatencySource").with(options);
  }

  /**
   * Seconds between a change committing at the source and DMS writing it to S3, maximum over 5
   * minutes.
   */
  public Metric metricCdcLatencyTarget() {
    return metricCdcLatencyTarget(MetricOptions.builder().build());
  }

  /** As {@link #metricCdcLatencyTarget()}, with other options. */
  public Metric metricCdcLatencyTarget(MetricOptions options) {
    return taskMetric("CDCLatencyTarget").with(options);
  }

  /** The source endpoint. */
  public CfnEndpoint getSourceEndpoint() {
    return sourceEndpoint;
  }

  /** The S3 target endpoint. */
  public CfnEndpoint getTargetEndpoint() {
    return targetEndpoint;
  }

  /** The replication task. */
  public CfnReplicationTask getReplicationTask() {
    return replicationTask;
  }

  /** The ARN of the replication task. */
  public String getReplicationTaskArn() {
    return replicationTask.getRef();
  }

  /** The replication server running the task. */
  public DmsReplicationServer getReplicationServer() {
    return replicationServer;
  }

  private CfnEndpoint sourceEndpoint(DmsDatabaseMigrationProps props) {
    String secretId = props.getSecretsManagerSecretId();
    String roleArn = props.getSecretsAccessRole().getRoleArn();
    CfnEndpoint.Builder endpoint =
        CfnEndpoint.Builder.create(this, "SourceEndpoint")
            .endpointType("source")
            .endpointIdentifier(props.getSourceEndpointIdentifier())
            .engineName(props.getSourceEngine().engineName())
            .databaseName(props.getDatabaseName())
            .sslMode(Objects.requireNonNullElse(props.getSslMode(), Defaults.SSL_MODE).value())
            .certificateArn(props.getCertificateArn())
            .extraConnectionAttributes(props.getSourceExtraConnectionAttributes());
    // Credentials, host and port come from the secret at connection time, never from the template.
    switch (props.getSourceEngine()) {
      case SQL_SERVER ->
          endpoint.microsoftSqlServerSettings(
              CfnEndpoint.MicrosoftSqlServerSettingsProperty.builder()
                  .secretsManagerSecretId(secretId)
                  .secretsManagerAccessRoleArn(roleArn)
                  .build());
      case MYSQL, MARIADB, AURORA_MYSQL ->
          endpoint.mySqlSettings(
              CfnEndpoint.MySqlSettingsProperty.builder()
                  .secretsManagerSecretId(secretId)
                  .secretsManagerAccessRoleArn(roleArn)
                  .build());
      case POSTGRESQL, AURORA_POSTGRESQL ->
          endpoint.postgreSqlSettings(
              CfnEndpoint.PostgreSqlSettingsProperty.builder()
                  .secretsManagerSecretId(secretId)
                  .secretsManagerAccessRoleArn(roleArn)
                  .build());
      case ORACLE ->
          endpoint.oracleSettings(
              CfnEndpoint.OracleSettingsProperty.builder()
                  .secretsManagerSecretId(secretId)
                  .secretsManagerAccessRoleArn(roleArn)
                  .build());
    }
    return endpoint.build();
  }

  private CfnEndpoint targetEndpoint(DmsDatabaseMigrationProps props) {
    IKey key =
        Objects.requireNonNullElse(
            props.getTargetEncryptionKey(), props.getTargetBucket().getEncryptionKey());
    S3DataFormat format = Objects.requireNonNullElse(props.getDataFormat(), Defaults.DATA_FORMAT);
    return CfnEndpoint.Builder.create(this, "TargetEndpoint")
        .endpointType("target")
        .endpointIdentifier(props.getTargetEndpointIdentifier())
        .engineName("s3")
        .s3Settings(
            CfnEndpoint.S3SettingsProperty.builder()
                .bucketName(props.getTargetBucket().getBucketName())
                .bucketFolder(props.getBucketFolder())
                .serviceAccessRoleArn(props.getS3TargetRole().getRoleArn())
                .dataFormat(format.value())
                .parquetVersion(format == S3DataFormat.PARQUET ? "parquet-2-0" : null)
                .compressionType(
                    Objects.requireNonNullElse(props.getCompression(), Defaults.COMPRESSION)
                        .value())
                // Cannot change from SSE_S3 to SSE_KMS once the endpoint exists: set it from the
                // start.
                .encryptionMode("SSE_KMS")
                .serverSideEncryptionKmsKeyId(key.getKeyArn())
                .maxFileSize(props.getMaxFileSizeKiB())
                .timestampColumnName(
                    Objects.requireNonNullElse(
                        props.getTimestampColumnName(), DEFAULT_TIMESTAMP_COLUMN))
                .includeOpForFullLoad(
                    Objects.requireNonNullElse(props.getIncludeOpForFullLoad(), true))
                .datePartitionEnabled(
                    Objects.requireNonNullElse(props.getDatePartitionEnabled(), false))
                .build())
        .build();
  }

  private Metric taskMetric(String metricName) {
    return Metric.Builder.create()
        .namespace("AWS/DMS")
        .metricName(metricName)
        // Sorted, so that the template does not change with Map.of's order from one JVM to the
        // next.
        .dimensionsMap(
            new TreeMap<>(
                Map.of(
                    "ReplicationInstanceIdentifier",
                    replicationServer.getReplicationInstanceIdentifier(),
                    "ReplicationTaskIdentifier",
                    taskResourceId)))
        .statistic("Maximum")
        .period(Alarms.METRIC_PERIOD)
        .build();
  }

  private String describeLatency(String side, int seconds) {
    return "DMS task "
        + replicationTaskIdentifier
        + " on "
        + replicationServer.getReplicationInstanceIdentifier()
        + " has had "
        + side
        + " CDC latency above "
        + seconds
        + " s";
  }

  private void validate(DmsDatabaseMigrationProps props) {
    Problems problems = new Problems("DmsDatabaseMigration '" + getNode().getId() + "'");
    problems.require("replicationServer", props.getReplicationServer());
    problems.require("sourceEngine", props.getSourceEngine());
    problems.require("databaseName", props.getDatabaseName());
    problems.require("secretsManagerSecretId", props.getSecretsManagerSecretId());
    problems.require("secretsAccessRole", props.getSecretsAccessRole());
    problems.require(
        "sourceEndpointIdentifier",
        props.getSourceEndpointIdentifier(),
        DmsIdentifiers.TASK_OR_ENDPOINT);
    problems.require(
        "targetEndpointIdentifier",
        props.getTargetEndpointIdentifier(),
        DmsIdentifiers.TASK_OR_ENDPOINT);
    problems.require(
        "replicationTaskIdentifier",
        props.getReplicationTaskIdentifier(),
        DmsIdentifiers.TASK_OR_ENDPOINT);

    SslMode sslMode = Objects.requireNonNullElse(props.getSslMode(), Defaults.SSL_MODE);
    if (sslMode.verifiesCertificate() && props.getCertificateArn() == null) {
      problems.add(
          "'certificateArn' is required with 'sslMode' "
              + sslMode.value()
              + ": give the ARN of the DMS certificate of the source's CA, or use 'sslMode' require");
    } else if (!sslMode.verifiesCertificate() && props.getCertificateArn() != null) {
      problems.add(
          "'certificateArn' applies only to 'sslMode' verify-ca or verify-full, got 'sslMode' "
              + sslMode.value()
              + ": remove 'certificateArn' or change 'sslMode'");
    }

    if (props.getTableMappings() != null) {
      problems.addFindings("tableMappings", TableMappings.validate(props.getTableMappings()));
    }
    if (props.getTaskSettings() != null) {
      TaskJson.checkTaskSettings(problems, "taskSettings", props.getTaskSettings());
    }
    problems.exclusive(
        "cdcStartPosition", props.getCdcStartPosition(), "cdcStartTime", props.getCdcStartTime());
    MigrationType type =
        Objects.requireNonNullElse(props.getMigrationType(), Defaults.MIGRATION_TYPE);
    if (!type.capturesChanges()
        && (props.getCdcStartPosition() != null || props.getCdcStartTime() != null)) {
      problems.add(
          "'cdcStartPosition' and 'cdcStartTime' apply only to a CDC task, but 'migrationType' is "
              + type.value()
              + ": remove them or choose cdc or full-load-and-cdc");
    }

    problems.require("targetBucket", props.getTargetBucket());
    if (props.getTargetBucket() != null
        && props.getTargetEncryptionKey() == null
        && props.getTargetBucket().getEncryptionKey() == null) {
      problems.add(
          "'targetEncryptionKey' is required: the bucket does not know its KMS key, and the target"
              + " writes with SSE-KMS");
    }
    problems.require("s3TargetRole", props.getS3TargetRole());
    problems.require("bucketFolder", props.getBucketFolder(), S3Targets.FOLDER);
    problems.between("maxFileSizeKiB", props.getMaxFileSizeKiB(), S3Targets.MAX_FILE_SIZE_KIB);
    problems.check("timestampColumnName", props.getTimestampColumnName(), COLUMN_NAME);
    problems.throwIfAny();
  }
}
