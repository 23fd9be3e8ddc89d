package io.github.dmsfleet.constructs;

import static io.github.dmsfleet.constructs.Fixtures.stack;
import static io.github.dmsfleet.constructs.Fixtures.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dmsfleet.rules.CloudWatchLogs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.kms.Key;

class DmsTaskLogsTest {
  private static DmsTaskLogsProps.Builder props(Stack stack) {
    return DmsTaskLogsProps.builder().replicationServer(Fixtures.importedInstance(stack));
  }

  /** An instance made elsewhere, named {@code <name>-instance}. */
  private static IDmsReplicationServer instance(Stack stack, String name) {
    return DmsReplicationServer.fromReplicationInstanceAttributes(
        stack,
        name,
        DmsReplicationInstanceAttributes.builder()
            .replicationInstanceArn(Fixtures.INSTANCE_ARN)
            .replicationInstanceIdentifier(name + "-instance")
            .build());
  }

  @SuppressWarnings("unchecked")
  private static List<Object> keyStatements(Template template) {
    Map<String, Object> key = template.findResources("AWS::KMS::Key").values().iterator().next();
    Map<String, Object> properties = (Map<String, Object>) key.get("Properties");
    return (List<Object>) ((Map<String, Object>) properties.get("KeyPolicy")).get("Statement");
  }

  @Test
  void ownsTheGroupDmsWritesToWithItsRetentionAndKeyAndKeepsItWhenTheStackGoes() {
    Stack stack = stack();
    Key key = Key.Builder.create(stack, "Key").enableKeyRotation(true).build();
    DmsTaskLogs logs =
        new DmsTaskLogs(
            stack, "TaskLogs", props(stack).retentionDays(30).encryptionKey(key).build());
    Template template = template(stack);

    template.hasResource(
        "AWS::Logs::LogGroup",
        Map.of(
            "Properties",
            Map.of(
                "LogGroupName",
                "dms-tasks-sales-db01-instance",
                "RetentionInDays",
                30,
                "KmsKeyId",
                Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("Key.*"), "Arn"))),
            // Retained, so that a group DMS made before can be imported rather than collide.
            "DeletionPolicy",
            "RetainExceptOnCreate",
            "UpdateReplacePolicy",
            "Retain"));
    assertThat(logs.getLogGroupName()).isEqualTo("dms-tasks-sales-db01-instance");
  }

  @Test
  void keepsLogsNinetyDaysUnderCloudWatchLogsOwnKeysByDefault() {
    Stack stack = stack();
    new DmsTaskLogs(stack, "TaskLogs", props(stack).build());

    template(stack)
        .hasResourceProperties(
            "AWS::Logs::LogGroup", Map.of("RetentionInDays", 90, "KmsKeyId", Match.absent()));
  }

  @Test
  void theKeyLetsCloudWatchLogsUseItForTaskLogGroupsOfThisAccountAndRegionOnce() {
    Stack stack = stack();
    Key key = Key.Builder.create(stack, "Key").enableKeyRotation(true).build();
    new DmsTaskLogs(stack, "TaskLogs", props(stack).encryptionKey(key).build());
    new DmsTaskLogs(
        stack,
        "OtherTaskLogs",
        DmsTaskLogsProps.builder()
            .replicationServer(instance(stack, "other"))
            .encryptionKey(key)
            .build());
    Template template = template(stack);

    List<Object> statements = keyStatements(template);
    assertThat(statements).hasSize(2);
    assertThat(statements.get(1))
        .isEqualTo(
            Map.of(
                "Effect",
                "Allow",
                "Principal",
                Map.of("Service", "logs.us-east-1.amazonaws.com"),
                "Action",
                List.of(
                    "kms:Encrypt*",
                    "kms:Decrypt*",
                    "kms:ReEncrypt*",
                    "kms:GenerateDataKey*",
                    "kms:Describe*"),
                "Resource",
                "*",
                "Condition",
                Map.of(
                    "ArnLike",
                    Map.of(
                        "kms:EncryptionContext:aws:logs:arn",
                        Map.of(
                            "Fn::Join",
                            List.of(
                                "",
                                List.of(
                                    "arn:",
                                    Map.of("Ref", "AWS::Partition"),
                                    ":logs:us-east-1:123456789012:log-group:dms-tasks-*")))))));
  }

  @Test
  void countsTaskErrorLinesAndAlarmsOnTheFirstOfThem() {
    Stack stack = stack();
    DmsTaskLogs logs = new DmsTaskLogs(stack, "TaskLogs", props(stack).build());
    DmsAlerts alerts = new DmsAlerts(stack, "Alerts");
    alerts.alarmOnTaskLogs(logs);
    Template template = template(stack);

    template.hasResourceProperties(
        "AWS::Logs::MetricFilter",
        Map.of(
            "FilterPattern",
            "\"]E:\"",
            "LogGroupName",
            Map.of("Ref", Match.stringLikeRegexp("TaskLogs.*")),
            "MetricTransformations",
            List.of(
                Map.of(
                    "MetricNamespace",
                    "DMS/TaskErrorLines",
                    "MetricName",
                    "sales-db01-instance",
                    "MetricValue",
                    "1"))));
    Map<String, Object> topic = Map.of("Ref", Match.stringLikeRegexp("Alerts.*"));
    template.hasResourceProperties(
        "AWS::CloudWatch::Alarm",
        Map.ofEntries(
            Map.entry("Namespace", "DMS/TaskErrorLines"),
            Map.entry("MetricName", "sales-db01-instance"),
            Map.entry("Statistic", "Sum"),
            Map.entry("Period", 300),
            Map.entry("ComparisonOperator", "GreaterThanOrEqualToThreshold"),
            Map.entry("Threshold", 1),
            Map.entry("EvaluationPeriods", 1),
            Map.entry("TreatMissingData", "notBreaching"),
            Map.entry(
                "AlarmDescription",
                "DMS tasks on sales-db01-instance logged error lines; read them in the log group"
                    + " dms-tasks-sales-db01-instance"),
            Map.entry("AlarmActions", List.of(topic)),
            Map.entry("OKActions", List.of(topic))));
  }

  @Test
  void everyRetentionCloudWatchLogsTakesReachesTheTemplate() {
    Stack stack = stack();
    for (int days : CloudWatchLogs.RETENTION_DAYS) {
      new DmsTaskLogs(
          stack,
          "Keep" + days,
          DmsTaskLogsProps.builder()
              .replicationServer(instance(stack, "keep" + days))
              .retentionDays(days)
              .build());
    }

    List<Object> retentions =
        template(stack).findResources("AWS::Logs::LogGroup").values().stream()
            .<Object>map(r -> ((Map<?, ?>) r.get("Properties")).get("RetentionInDays"))
            .toList();
    assertThat(retentions).containsExactlyInAnyOrderElementsOf(CloudWatchLogs.RETENTION_DAYS);
  }

  @Test
  void reportsARetentionCloudWatchLogsDoesNotTakeAndAMissingInstance() {
    Stack stack = stack();

    assertThatThrownBy(
            () ->
                new DmsTaskLogs(
                    stack, "TaskLogs", DmsTaskLogsProps.builder().retentionDays(2).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid DmsTaskLogs 'TaskLogs': 'replicationServer' is required; 'retentionDays' must"
                + " be one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096,"
                + " 1827, 2192, 2557, 2922, 3288, 3653 days, got 2");
  }
}
