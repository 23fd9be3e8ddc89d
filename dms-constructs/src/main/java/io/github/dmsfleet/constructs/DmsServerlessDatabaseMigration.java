package io.github.dmsfleet.constructs;

import io.github.dmsfleet.constructs.internal.Alarms;
import io.github.dmsfleet.constructs.internal.Problems;
import io.github.dmsfleet.constructs.internal.TaskJson;
import io.github.dmsfleet.constructs.internal.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IAlarmAction;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.dms.CfnReplicationConfig;
import software.constructs.Construct;

/**
 * One database replicated by DMS Serverless: the endpoints of {@link DmsDatabaseMigrationBase} and
 * an {@code AWS::DMS::ReplicationConfig} with the table mappings and settings (CloudWatch logging
 * on) a task would have, and its server's compute config. CloudFormation creates the config; DMS
 * provisions capacity when the replication is first started.
 *
 * <p>Usually created with {@link DmsServerlessSourceServer#addDatabase}. DMS Serverless takes no
 * CDC start point in the config, so {@code cdcStartPosition} and {@code cdcStartTime} are refused:
 * give them when starting the replication. Construct ids: {@code SourceEndpoint}, {@code
 * TargetEndpoint}, {@code Resource} (the replication config), {@code CdcLatencySourceAlarm}, {@code
 * CdcLatencyTargetAlarm} and {@code CapacityUtilizationAlarm} (after {@link #addAlarms}).
 */
public class DmsServerlessDatabaseMigration extends DmsDatabaseMigrationBase {
  private static final String NAMESPACE = "AWS/DMS";

  /**
   * The dimension DMS Serverless publishes its replications' metrics under, valued {@code
   * <account>:<resource id>} (the resource id is the last part of the config's ARN).
   */
  private static final String CONFIG_DIMENSION = "ReplicationConfigId";

  private final CfnReplicationConfig replicationConfig;
  private final DmsServerlessSourceServer server;

  /** Worked out when a metric first needs them. */
  private @Nullable Map<String, String> metricDimensions;

  /** A database of {@code props}' source server, in {@code scope}. */
  public DmsServerlessDatabaseMigration(
      Construct scope, String id, DmsServerlessDatabaseMigrationProps props) {
    this(scope, id, requireServer(id, props), props);
  }

  DmsServerlessDatabaseMigration(
      Construct scope, String id, DmsServerlessSourceServer server, DmsDatabaseSettings settings) {
    super(scope, id, server, settings, problemsOf(settings));
    this.server = server;
    replicationConfig =
        CfnReplicationConfig.Builder.create(this, "Resource")
            .replicationConfigIdentifier(getReplicationIdentifier())
            .replicationType(getMigrationType().value())
            .sourceEndpointArn(getSourceEndpoint().getRef())
            .targetEndpointArn(getTargetEndpoint().getRef())
            // JSON objects in CloudFormation, where a task takes strings.
            .tableMappings(TaskJson.toObject(getTableMappings()))
            .replicationSettings(TaskJson.toObject(getTaskSettings()))
            .computeConfig(server.computeConfig())
            .build();
  }

  /**
   * Alarms notifying {@code action} (such as an SNS topic's, which may live in another stack): CDC
   * latency at the source or the target above 600 seconds (none for a full-load replication), and
   * capacity utilization above 90%, each for three 5-minute periods.
   */
  public List<Alarm> addAlarms(IAlarmAction action) {
    return addAlarms(action, DmsServerlessAlarmOptions.create());
  }

  /** As {@link #addAlarms(IAlarmAction)}, with other thresholds. */
  public List<Alarm> addAlarms(IAlarmAction action, DmsServerlessAlarmOptions options) {
    int latencySeconds = options.getCdcLatencySeconds();
    int capacityPercent = options.getCapacityUtilizationPercent();
    int periods = options.getEvaluationPeriods();
    Problems problems =
        new Problems("DmsServerlessAlarmOptions of '" + getReplicationIdentifier() + "'");
    problems.between("cdcLatencySeconds", latencySeconds, 1, Integer.MAX_VALUE);
    problems.between("capacityUtilizationPercent", capacityPercent, 1, 100);
    problems.between("evaluationPeriods", periods, 1, 288);
    problems.throwIfAny();
    List<Alarm> alarms = new ArrayList<>();
    // A replication reports nothing while it is stopped or provisioning; that is no alarm.
    if (getMigrationType().capturesChanges()) {
      alarms.add(latencyAlarm("Source", metricCdcLatencySource(), latencySeconds, periods, action));
      alarms.add(latencyAlarm("Target", metricCdcLatencyTarget(), latencySeconds, periods, action));
    }
    alarms.add(
        Alarms.notifying(
            this,
            "CapacityUtilizationAlarm",
            metricCapacityUtilization(),
            ComparisonOperator.GREATER_THAN_THRESHOLD,
            capacityPercent,
            periods,
            TreatMissingData.NOT_BREACHING,
            "DMS Serverless replication "
                + getReplicationIdentifier()
                + " has used more than "
                + capacityPercent
                + "% of its capacity: it may be at its maxCapacityUnits",
            action));
    return alarms;
  }

  /**
   * A metric of this replication in the {@code AWS/DMS} namespace, with the dimension {@code
   * ReplicationConfigId}; maximum over 5 minutes unless {@code options} say otherwise.
   */
  public Metric metric(String metricName, MetricOptions options) {
    return configMetric(metricName, "Maximum").with(options);
  }

  /**
   * Seconds between a change committing at the source and DMS capturing it, maximum over 5 minutes.
   */
  public Metric metricCdcLatencySource() {
    return configMetric("CDCLatencySource", "Maximum");
  }

  /**
   * Seconds between a change committing at the source and DMS writing it to S3, maximum over 5
   * minutes.
   */
  public Metric metricCdcLatencyTarget() {
    return configMetric("CDCLatencyTarget", "Maximum");
  }

  /** Changes waiting to be applied to the target, maximum over 5 minutes. */
  public Metric metricCdcIncomingChanges() {
    return configMetric("CDCIncomingChanges", "Maximum");
  }

  /** Rows per second the full load writes to the target, average over 5 minutes. */
  public Metric metricFullLoadThroughputRowsTarget() {
    return configMetric("FullLoadThroughputRowsTarget", "Average");
  }

  /**
   * The share of its provisioned capacity the replication uses, in percent, average over 5 minutes;
   * high while it is held at {@code maxCapacityUnits}.
   */
  public Metric metricCapacityUtilization() {
    return configMetric("CapacityUtilization", "Average");
  }

  /** The replication config. */
  public CfnReplicationConfig getReplicationConfig() {
    return replicationConfig;
  }

  /** The ARN of the replication config, which the replication is started and stopped by. */
  public String getReplicationConfigArn() {
    return replicationConfig.getAttrReplicationConfigArn();
  }

  /** The source server, with the compute config the replication runs with. */
  @Override
  public DmsServerlessSourceServer getSourceServer() {
    return server;
  }

  private Alarm latencyAlarm(
      String side, Metric metric, int seconds, int periods, IAlarmAction action) {
    return Alarms.notifying(
        this,
        "CdcLatency" + side + "Alarm",
        metric,
        ComparisonOperator.GREATER_THAN_THRESHOLD,
        seconds,
        periods,
        TreatMissingData.NOT_BREACHING,
        "DMS Serverless replication "
            + getReplicationIdentifier()
            + " has had "
            + side.toLowerCase(Locale.ROOT)
            + " CDC latency above "
            + seconds
            + " s",
        action);
  }

  /** The value of the {@code ReplicationConfigId} dimension of this replication's metrics. */
  String metricConfigId() {
    return metricDimensions().get(CONFIG_DIMENSION);
  }

  private Map<String, String> metricDimensions() {
    if (metricDimensions == null) {
      String resourceId = Tokens.dmsResourceId(getReplicationConfigArn());
      metricDimensions = Map.of(CONFIG_DIMENSION, server.account() + ":" + resourceId);
    }
    return metricDimensions;
  }

  private Metric configMetric(String metricName, String statistic) {
    return Metric.Builder.create()
        .namespace(NAMESPACE)
        .metricName(metricName)
        .dimensionsMap(metricDimensions())
        .statistic(statistic)
        .period(Alarms.METRIC_PERIOD)
        .build();
  }

  private static List<String> problemsOf(DmsDatabaseSettings settings) {
    if (settings.getCdcStartPosition() == null && settings.getCdcStartTime() == null) {
      return List.of();
    }
    return List.of(
        "'cdcStartPosition' and 'cdcStartTime' do not apply to DMS Serverless, whose replication"
            + " config takes no CDC start point: remove them and give the start point when starting"
            + " the replication");
  }

  private static DmsServerlessSourceServer requireServer(
      String id, DmsServerlessDatabaseMigrationProps props) {
    if (props.getSourceServer() == null) {
      throw new IllegalArgumentException(
          "Invalid DmsServerlessDatabaseMigration '" + id + "': 'sourceServer' is required");
    }
    return props.getSourceServer();
  }
}
