package io.github.dmsfleet.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dmsfleet.app.TemplateDiff.Difference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a fleet is watched with: each server stack's task log group, error-line count and alarm and
 * its dashboard, and the one overview dashboard that no server or database changes.
 */
class MonitoringTest {
  @TempDir static Path work;

  private static Map<String, JsonNode> sample;

  @BeforeAll
  static void synthesizeTheSample() throws Exception {
    Path config = SampleConfig.copyTo(work.resolve("sample"));
    Synthesized synthesized = Synthesized.from(config, work.resolve("sample-out"));
    assertThat(synthesized.exitCode()).as(synthesized.stderr()).isZero();
    sample = synthesized.templates();
  }

  private static List<JsonNode> resources(JsonNode template, String type) {
    List<JsonNode> found = new ArrayList<>();
    template
        .path("Resources")
        .forEach(
            resource -> {
              if (resource.path("Type").asText().equals(type)) {
                found.add(resource);
              }
            });
    return found;
  }

  private static JsonNode only(JsonNode template, String type) {
    List<JsonNode> found = resources(template, type);
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  @Test
  void eachServerStackOwnsItsTaskLogGroupWithRetentionAndTheFleetsKey() {
    for (String server : List.of("dbserver1", "dbserver2")) {
      JsonNode logGroup = only(sample.get("DmsFleet-Server-" + server), "AWS::Logs::LogGroup");

      assertThat(logGroup.path("Properties").path("LogGroupName").asText())
          .isEqualTo("dms-tasks-" + server + "-instance");
      assertThat(logGroup.path("Properties").path("RetentionInDays").asInt()).isEqualTo(90);
      // The fleet's key, as the instance uses it: an import from the storage stack.
      JsonNode instance =
          only(sample.get("DmsFleet-Server-" + server), "AWS::DMS::ReplicationInstance");
      assertThat(logGroup.path("Properties").path("KmsKeyId"))
          .isEqualTo(instance.path("Properties").path("KmsKeyId"));
      assertThat(logGroup.path("Properties").path("KmsKeyId").toString())
          .startsWith("{\"Fn::ImportValue\":\"DmsFleet-Storage:");
      assertThat(logGroup.path("DeletionPolicy").asText()).isEqualTo("RetainExceptOnCreate");
    }
  }

  @Test
  void theFleetsKeyLetsCloudWatchLogsUseItForTaskLogGroupsOnly() {
    JsonNode key = only(sample.get("DmsFleet-Storage"), "AWS::KMS::Key");

    List<JsonNode> forLogs = new ArrayList<>();
    key.path("Properties")
        .path("KeyPolicy")
        .path("Statement")
        .forEach(
            statement -> {
              if (statement.path("Principal").path("Service").toString().contains("logs.")) {
                forLogs.add(statement);
              }
            });
    assertThat(forLogs).hasSize(1);
    assertThat(forLogs.get(0).path("Condition").toString())
        .isEqualTo(
            "{\"ArnLike\":{\"kms:EncryptionContext:aws:logs:arn\":{\"Fn::Join\":[\"\",[\"arn:\","
                + "{\"Ref\":\"AWS::Partition\"},\":logs:\",{\"Ref\":\"AWS::Region\"},\":\","
                + "{\"Ref\":\"AWS::AccountId\"},\":log-group:dms-tasks-*\"]]}}}");
  }

  @Test
  void eachServerCountsItsTaskErrorLinesAndAlarmsTheAlertTopic() {
    for (String server : List.of("dbserver1", "dbserver2")) {
      JsonNode template = sample.get("DmsFleet-Server-" + server);
      JsonNode filter = only(template, "AWS::Logs::MetricFilter").path("Properties");

      assertThat(filter.path("FilterPattern").asText()).isEqualTo("\"]E:\"");
      assertThat(filter.path("MetricTransformations").toString())
          .isEqualTo(
              "[{\"MetricName\":\""
                  + server
                  + "-instance\",\"MetricNamespace\":\"DMS/TaskErrorLines\",\"MetricValue\":\"1\"}]");
      JsonNode alarm =
          resources(template, "AWS::CloudWatch::Alarm").stream()
              .filter(
                  a -> a.path("Properties").path("Namespace").asText().equals("DMS/TaskErrorLines"))
              .findFirst()
              .orElseThrow()
              .path("Properties");
      assertThat(alarm.path("MetricName").asText()).isEqualTo(server + "-instance");
      assertThat(alarm.path("AlarmActions").toString())
          .isEqualTo(
              "[{\"Fn::ImportValue\":\"DmsFleet-Alerts:ExportsOutputRefAlertsE664E991666B7716\"}]");
    }
  }

  @Test
  void eachServerStackHasADashboardNamedAsTheStackWithEveryAlarmOfIt() {
    for (String server : List.of("dbserver1", "dbserver2")) {
      JsonNode template = sample.get("DmsFleet-Server-" + server);
      JsonNode dashboard = only(template, "AWS::CloudWatch::Dashboard").path("Properties");

      assertThat(dashboard.path("DashboardName").asText()).isEqualTo("DmsFleet-Server-" + server);
      String body = dashboard.path("DashboardBody").toString();
      template
          .path("Resources")
          .properties()
          .forEach(
              resource -> {
                if (resource.getValue().path("Type").asText().equals("AWS::CloudWatch::Alarm")) {
                  assertThat(body)
                      .contains("{\"Fn::GetAtt\":[\"" + resource.getKey() + "\",\"Arn\"]}");
                }
              });
    }
  }

  @Test
  void theOverviewIsTheSameForFleetsThatDifferOnlyInTheirDatabases() throws Exception {
    Path fewer = SyntheticConfig.write(work.resolve("fewer"), 3, 2);
    Path more = SyntheticConfig.write(work.resolve("more"), 3, 5);
    Files.writeString(
        more.resolve("dms_config_details.txt"),
        Files.readString(more.resolve("dms_config_details.txt")) + "sqlsrv2,reporting\n");
    Files.writeString(
        more.resolve("dms_json_mappings/dms_sqlsrv2_reporting_mappings.json"),
        Files.readString(more.resolve("dms_json_mappings/dms_sqlsrv2_db1_mappings.json")));

    Map<String, JsonNode> small = Synthesized.from(fewer, work.resolve("fewer-out")).templates();
    Map<String, JsonNode> large = Synthesized.from(more, work.resolve("more-out")).templates();

    List<Difference> differences = TemplateDiff.between(small, large);
    assertThat(differences).isNotEmpty();
    assertThat(differences).noneMatch(d -> d.stack().equals("DmsFleet-Overview"));
    String body =
        only(large.get("DmsFleet-Overview"), "AWS::CloudWatch::Dashboard")
            .path("Properties")
            .path("DashboardBody")
            .toString();
    assertThat(body).contains("SEARCH(", "SELECT MAX(CDCLatencyTarget)").doesNotContain("sqlsrv");
  }

  @Test
  void logRetentionDaysChangesOnlyTheTaskLogGroups() throws Exception {
    Path config = SampleConfig.copyTo(work.resolve("kept-longer"));
    Files.writeString(
        config.resolve("parameters.txt"),
        Files.readString(config.resolve("parameters.txt")) + "log_retention_days,400\n");

    Synthesized synthesized = Synthesized.from(config, work.resolve("kept-longer-out"));
    List<Difference> differences = TemplateDiff.between(sample, synthesized.templates());

    assertThat(differences)
        .extracting(Difference::where)
        .containsExactlyInAnyOrder(
            "DmsFleet-Server-dbserver1 /Resources/TaskLogs8316FA66/Properties/RetentionInDays",
            "DmsFleet-Server-dbserver2 /Resources/TaskLogs8316FA66/Properties/RetentionInDays");
    assertThat(differences).allMatch(d -> d.after().asInt() == 400);
  }
}
