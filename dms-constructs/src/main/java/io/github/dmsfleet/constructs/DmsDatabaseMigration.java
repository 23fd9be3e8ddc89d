package io.github.dmsfleet.constructs;

import io.github.dmsfleet.constructs.internal.Alarms;
import io.github.dmsfleet.constructs.internal.Problems;
import io.github.dmsfleet.constructs.internal.Tokens;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IAlarmAction;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.dms.CfnReplicationTask;
import software.constructs.Construct;

/**
 * One database replicated by a task on its server's replication instance: the endpoints of {@link
 * DmsDatabaseMigrationBase} and a replication task with CloudWatch logging on.
 *
 * <p>Usually created with {@link DmsSourceServer#addDatabase}. Construct ids: {@code
 * SourceEndpoint}, {@code TargetEndpoint}, {@code Resource} (the task), {@code
 * CdcLatencySourceAlarm} and {@code CdcLatencyTargetAlarm} (after {@link #addAlarms}).
 */
public class DmsDatabaseMigration extends DmsDatabaseMigrationBase {
  private final CfnReplicationTask replicationTask;
  private final IDmsReplicationServer replicationServer;

  /**
   * CloudWatch keys task metrics by the task's resource id, the last part of its ARN, not by its
   * identifier; worked out when a metric first needs it.
   */
  private @Nullable Map<String, String> metricDimensions;

  private @Nullable String taskResourceId;

  /** A database of {@code props}' source server, in {@code scope}. */
  public DmsDatabaseMigration(Construct scope, String id, DmsDatabaseMigrationProps props) {
    this(scope, id, requireServer(id, props), props);
  }

  DmsDatabaseMigration(
      Construct scope, String id, DmsSourceServer server, DmsDatabaseSettings settings) {
    super(scope, id, server, settings);
    replicationServer = server.getReplicationServer();
    replicationTask =
        CfnReplicationTask.Builder.create(this, "Resource")
            .replicationTaskIdentifier(getReplicationIdentifier())
            .replicationInstanceArn(replicationServer.getReplicationInstanceArn())
            .sourceEndpointArn(getSourceEndpoint().getRef())
            .targetEndpointArn(getTargetEndpoint().getRef())
            .migrationType(getMigrationType().value())
            .tableMappings(getTableMappings())
            .replicationTaskSettings(getTaskSettings())
            .cdcStartPosition(getCdcStartPosition())
            .cdcStartTime(getCdcStartTime() == null ? null : getCdcStartTime().getEpochSecond())
            .build();
  }

  /**
   * Alarms on the task's CDC latency notifying {@code action} (such as an SNS topic's, which may
   * live in another stack): source or target latency above 600 seconds for three 5-minute periods.
   * A full-load task gets none.
   */
  public List<Alarm> addAlarms(IAlarmAction action) {
    return addAlarms(action, DmsTaskAlarmOptions.create());
  }

  /** As {@link #addAlarms(IAlarmAction)}, with other thresholds. */
  public List<Alarm> addAlarms(IAlarmAction action, DmsTaskAlarmOptions options) {
    int latencySeconds = options.getCdcLatencySeconds();
    int periods = options.getEvaluationPeriods();
    Problems problems = new Problems("DmsTaskAlarmOptions of '" + getReplicationIdentifier() + "'");
    problems.between("cdcLatencySeconds", latencySeconds, 1, Integer.MAX_VALUE);
    problems.between("evaluationPeriods", periods, 1, 288);
    problems.throwIfAny();
    if (!getMigrationType().capturesChanges()) {
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
            action),
        Alarms.notifying(
            this,
            "CdcLatencyTargetAlarm",
            metricCdcLatencyTarget(),
            ComparisonOperator.GREATER_THAN_THRESHOLD,
            latencySeconds,
            periods,
            TreatMissingData.NOT_BREACHING,
            describeLatency("target", latencySeconds),
            action));
  }

  /**
   * A metric of this task in the {@code AWS/DMS} namespace, with the dimensions {@code
   * ReplicationInstanceIdentifier} and {@code ReplicationTaskIdentifier}; maximum over 5 minutes
   * unless {@code options} say otherwise.
   */
  public Metric metric(String metricName, MetricOptions options) {
    return taskMetric(metricName, "Maximum").with(options);
  }

  /**
   * Seconds between a change committing at the source and DMS capturing it, maximum over 5 minutes.
   */
  public Metric metricCdcLatencySource() {
    return taskMetric("CDCLatencySource", "Maximum");
  }

  /**
   * Seconds between a change committing at the source and DMS writing it to S3, maximum over 5
   * minutes.
   */
  public Metric metricCdcLatencyTarget() {
    return taskMetric("CDCLatencyTarget", "Maximum");
  }

  /** Changes waiting to be applied to the target, maximum over 5 minutes. */
  public Metric metricCdcIncomingChanges() {
    return taskMetric("CDCIncomingChanges", "Maximum");
  }

  /** Rows per second the full load writes to the target, average over 5 minutes. */
  public Metric metricFullLoadThroughputRowsTarget() {
    return taskMetric("FullLoadThroughputRowsTarget", "Average");
  }

  /** The replication task. */
  public CfnReplicationTask getReplicationTask() {
    return replicationTask;
  }

  /** The ARN of the replication task. */
  public String getReplicationTaskArn() {
    return replicationTask.getRef();
  }

  /** The replication instance running the task. */
  public IDmsReplicationServer getReplicationServer() {
    return replicationServer;
  }

  /**
   * The task's resource id, the last part of its ARN: what CloudWatch keys the task's metrics by
   * and what its log stream ({@code dms-task-<resource id>}) is named after. Worked out once, when
   * first needed.
   */
  String taskResourceId() {
    if (taskResourceId == null) {
      taskResourceId = Tokens.dmsResourceId(replicationTask.getRef());
    }
    return taskResourceId;
  }

  private Metric taskMetric(String metricName, String statistic) {
    if (metricDimensions == null) {
      // Sorted, so that the template does not follow Map.of's order, which changes between JVMs.
      metricDimensions =
          new TreeMap<>(
              Map.of(
                  "ReplicationInstanceIdentifier",
                  replicationServer.getReplicationInstanceIdentifier(),
                  "ReplicationTaskIdentifier",
                  taskResourceId()));
    }
    return Metric.Builder.create()
        .namespace("AWS/DMS")
        .metricName(metricName)
        .dimensionsMap(metricDimensions)
        .statistic(statistic)
        .period(Alarms.METRIC_PERIOD)
        .build();
  }

  private String describeLatency(String side, int seconds) {
    return "DMS task "
        + getReplicationIdentifier()
        + " on "
        + replicationServer.getReplicationInstanceIdentifier()
        + " has had "
        + side
        + " CDC latency above "
        + seconds
        + " s";
  }

  private static DmsSourceServer requireServer(String id, DmsDatabaseMigrationProps props) {
    if (props.getSourceServer() == null) {
      throw new IllegalArgumentException(
          "Invalid DmsDatabaseMigration '" + id + "': 'sourceServer' is required");
    }
    return props.getSourceServer();
  }
}
