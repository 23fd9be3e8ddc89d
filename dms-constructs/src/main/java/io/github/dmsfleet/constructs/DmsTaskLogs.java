package io.github.dmsfleet.constructs;

import io.github.dmsfleet.constructs.internal.Alarms;
import io.github.dmsfleet.constructs.internal.LogRetention;
import io.github.dmsfleet.constructs.internal.Problems;
import io.github.dmsfleet.constructs.internal.StackFacts;
import io.github.dmsfleet.rules.CloudWatchLogs;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IAlarmAction;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.logs.FilterPattern;
import software.amazon.awscdk.services.logs.IFilterPattern;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.MetricFilter;
import software.constructs.Construct;

/**
 * The log group a replication instance's tasks write to, {@code dms-tasks-<instance identifier>},
 * owned by the stack rather than created by DMS on the first task run (when it would never expire
 * and be encrypted with no key of the fleet's): with a retention, the fleet's key when given, and a
 * metric filter that counts the task error lines ({@code ]E:}).
 *
 * <pre>{@code
 * DmsTaskLogs logs = new DmsTaskLogs(this, "TaskLogs", DmsTaskLogsProps.builder()
 *     .replicationServer(instance)
 *     .encryptionKey(key)
 *     .build());
 * alerts.alarmOnTaskLogs(logs);
 * }</pre>
 *
 * <p>DMS creates the group itself when a task with logging runs and finds none; a stack that then
 * adds this construct fails with CloudFormation's {@code Resource of type 'AWS::Logs::LogGroup'
 * with identifier '{"/properties/LogGroupName":"dms-tasks-..."}' already exists}. Deploy that once
 * with {@code cdk deploy --import-existing-resources}: the group's fixed name and retained removal
 * policy let CloudFormation adopt it.
 *
 * <p>Construct ids: {@code Resource} (the log group), {@code ErrorLines} (the metric filter),
 * {@code ErrorLinesAlarm} (after {@link #addAlarm}).
 */
public class DmsTaskLogs extends Construct {
  /**
   * The namespace of the error-line counts; each instance's count is the metric named as the
   * instance, so one search finds every instance's.
   */
  public static final String ERROR_LINES_NAMESPACE = "DMS/TaskErrorLines";

  /** What DMS writes at the start of an error line, after the component's name. */
  private static final String ERROR_MARK = "]E:";

  /**
   * A quoted term matches where it stands in the line; ']' and ':' need the quotes. One pattern for
   * every server spares a jsii call each.
   */
  private static final IFilterPattern ERROR_LINES = FilterPattern.literal("\"" + ERROR_MARK + "\"");

  /** The task log groups each key lets CloudWatch Logs use already. */
  private static final Map<IKey, Set<String>> ALLOWED_LOG_GROUPS =
      Collections.synchronizedMap(new WeakHashMap<>());

  private static final List<String> KEY_ACTIONS =
      List.of(
          "kms:Encrypt*",
          "kms:Decrypt*",
          "kms:ReEncrypt*",
          "kms:GenerateDataKey*",
          "kms:Describe*");

  private final String replicationInstanceIdentifier;
  private final String logGroupName;
  private final LogGroup logGroup;
  private final MetricFilter metricFilter;

  /** The task log group as {@code props} describe it. */
  public DmsTaskLogs(Construct scope, String id, DmsTaskLogsProps props) {
    super(scope, id);
    validate(id, props);
    replicationInstanceIdentifier = props.getReplicationServer().getReplicationInstanceIdentifier();
    logGroupName = "dms-tasks-" + replicationInstanceIdentifier;
    IKey key = props.getEncryptionKey();
    if (key != null) {
      allowCloudWatchLogs(scope, key);
    }
    logGroup =
        LogGroup.Builder.create(this, "Resource")
            .logGroupName(logGroupName)
            .retention(LogRetention.ofDays(props.getRetentionDays()))
            .encryptionKey(key)
            .removalPolicy(props.getRemovalPolicy())
            .build();
    metricFilter =
        MetricFilter.Builder.create(this, "ErrorLines")
            .logGroup(logGroup)
            .filterPattern(ERROR_LINES)
            .metricNamespace(ERROR_LINES_NAMESPACE)
            .metricName(replicationInstanceIdentifier)
            .metricValue("1")
            .build();
  }

  /**
   * An alarm notifying {@code action} (such as an SNS topic's) when the instance's tasks write an
   * error line: at least one in a 5-minute period. Quiet periods write nothing, which is no alarm.
   */
  public Alarm addAlarm(IAlarmAction action) {
    return Alarms.notifying(
        this,
        "ErrorLinesAlarm",
        metricErrorLines(),
        ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        1,
        1,
        TreatMissingData.NOT_BREACHING,
        "DMS tasks on "
            + replicationInstanceIdentifier
            + " logged error lines; read them in the log group "
            + logGroupName,
        action);
  }

  /** Error lines the instance's tasks wrote, sum over 5 minutes. */
  public Metric metricErrorLines() {
    return Metric.Builder.create()
        .namespace(ERROR_LINES_NAMESPACE)
        .metricName(replicationInstanceIdentifier)
        .statistic("Sum")
        .period(Alarms.METRIC_PERIOD)
        .build();
  }

  /** The log group. */
  public ILogGroup getLogGroup() {
    return logGroup;
  }

  /** The log group's name, {@code dms-tasks-<instance identifier>}. */
  public String getLogGroupName() {
    return logGroupName;
  }

  /** The metric filter that counts the error lines. */
  public MetricFilter getMetricFilter() {
    return metricFilter;
  }

  /**
   * Lets CloudWatch Logs of this Region use the key for the task log groups of this account and
   * Region only. Every instance of a Region would add the same statement: it crosses the jsii
   * bridge once per key and Region.
   */
  private static void allowCloudWatchLogs(Construct scope, IKey key) {
    StackFacts stack = StackFacts.of(scope);
    String region = stack.region();
    String taskLogGroups = stack.arnPrefix("logs") + "log-group:dms-tasks-*";
    if (!ALLOWED_LOG_GROUPS
        .computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet())
        .add(taskLogGroups)) {
      return;
    }
    key.addToResourcePolicy(
        PolicyStatement.Builder.create()
            .principals(List.of(new ServicePrincipal("logs." + region + ".amazonaws.com")))
            .actions(KEY_ACTIONS)
            .resources(List.of("*"))
            .conditions(
                Map.of("ArnLike", Map.of("kms:EncryptionContext:aws:logs:arn", taskLogGroups)))
            .build());
  }

  private static void validate(String id, DmsTaskLogsProps props) {
    Problems problems = new Problems("DmsTaskLogs '" + id + "'");
    problems.require("replicationServer", props.getReplicationServer());
    if (!CloudWatchLogs.isRetentionDays(props.getRetentionDays())) {
      problems.add(
          "'retentionDays' must be "
              + CloudWatchLogs.expectedRetentionDays()
              + ", got "
              + props.getRetentionDays());
    }
    problems.throwIfAny();
  }
}
