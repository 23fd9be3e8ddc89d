package io.github.dmsfleet.constructs;

import static io.github.dmsfleet.constructs.Fixtures.orders;
import static io.github.dmsfleet.constructs.Fixtures.stack;
import static io.github.dmsfleet.constructs.Fixtures.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dmsfleet.rules.MigrationType;
import io.github.dmsfleet.rules.SourceEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.s3.IBucket;

class DmsDashboardsTest {
  private static List<String> titles(JsonNode body) {
    return StreamSupport.stream(body.path("widgets").spliterator(), false)
        .map(w -> w.path("properties").path("title").asText(w.path("type").asText()))
        .toList();
  }

  private static JsonNode widget(JsonNode body, String title) {
    for (JsonNode widget : body.path("widgets")) {
      if (widget.path("properties").path("title").asText().equals(title)) {
        return widget;
      }
    }
    throw new AssertionError("no widget " + title);
  }

  private static List<String> labels(JsonNode graph) {
    List<String> labels = new ArrayList<>();
    for (JsonNode metric : graph.path("properties").path("metrics")) {
      labels.add(metric.get(metric.size() - 1).path("label").asText());
    }
    return labels;
  }

  @Test
  void aServerDashboardShowsAlarmsLatencyErrorsWorkAndTheInstanceInThatOrder() throws Exception {
    Stack stack = stack();
    DmsSourceServer server = Fixtures.sourceServer(stack);
    DmsAlerts alerts = new DmsAlerts(stack, "Alerts");
    List<IAlarm> alarms = new ArrayList<>();
    DmsDatabaseMigration ordersDb = server.addDatabase("orders", orders());
    alarms.addAll(alerts.alarmOnDatabase(ordersDb));
    server.addDatabase(
        "archive",
        DmsDatabaseOptions.builder()
            .secretName("dms/archive")
            .migrationType(MigrationType.FULL_LOAD)
            .build());
    alarms.addAll(
        alerts.alarmOnDatabase(
            server.addDatabase(
                "feed",
                DmsDatabaseOptions.builder()
                    .secretName("dms/feed")
                    .migrationType(MigrationType.CDC)
                    .build())));
    new DmsServerDashboard(
        stack,
        "Dashboard",
        DmsServerDashboardProps.builder()
            .replicationServer(server.getReplicationServer())
            .databases(server.getDatabases())
            .alarms(alarms)
            .dashboardName("Sales-Server-sales-db01")
            .build());
    Template template = template(stack);
    JsonNode body = DashboardJson.of(template);

    template.hasResourceProperties(
        "AWS::CloudWatch::Dashboard", java.util.Map.of("DashboardName", "Sales-Server-sales-db01"));
    assertThat(titles(body))
        .containsExactly(
            "Alarms",
            "CDC latency to S3",
            "CDC latency at the source",
            "Latest task error lines",
            "Changes waiting to be applied",
            "Full-load throughput",
            "CPU",
            "Freeable memory",
            "Free storage",
            "Swap",
            "text");
    JsonNode alarmWidget = widget(body, "Alarms");
    assertThat(alarmWidget.path("type").asText()).isEqualTo("alarm");
    assertThat(alarmWidget.path("properties").path("sortBy").asText())
        .isEqualTo("stateUpdatedTimestamp");
    assertThat(alarmWidget.path("properties").path("alarms").toString())
        .matches(
            "\\[\"\\{Arn:salesdb01ordersCdcLatencySourceAlarm[0-9A-F]{8}}\","
                + "\"\\{Arn:salesdb01ordersCdcLatencyTargetAlarm[0-9A-F]{8}}\","
                + "\"\\{Arn:salesdb01feedCdcLatencySourceAlarm[0-9A-F]{8}}\","
                + "\"\\{Arn:salesdb01feedCdcLatencyTargetAlarm[0-9A-F]{8}}\"]");
    // A full load has no CDC; a CDC-only task no full load.
    assertThat(labels(widget(body, "CDC latency to S3"))).containsExactly("orders", "feed");
    assertThat(labels(widget(body, "Changes waiting to be applied")))
        .containsExactly("orders", "feed");
    assertThat(labels(widget(body, "Full-load throughput"))).containsExactly("orders", "archive");
    assertThat(
            widget(body, "CDC latency to S3").path("properties").path("metrics").get(0).toString())
        .matches(
            "\\[\"AWS/DMS\",\"CDCLatencyTarget\",\"ReplicationInstanceIdentifier\","
                + "\"sales-db01-instance\",\"ReplicationTaskIdentifier\","
                + "\"\\{ResourceId:salesdb01orders[0-9A-F]{8}}\",\\{\"label\":\"orders\"}]");
    assertThat(widget(body, "Swap").path("properties").path("metrics"))
        .hasToString(
            "[[\"AWS/DMS\",\"SwapUsage\",\"ReplicationInstanceIdentifier\","
                + "\"sales-db01-instance\",{\"label\":\"sales-db01-instance\"}]]");
    JsonNode errors = widget(body, "Latest task error lines");
    assertThat(errors.path("type").asText()).isEqualTo("log");
    assertThat(errors.path("properties").path("query").asText())
        .isEqualTo(
            "SOURCE 'dms-tasks-sales-db01-instance' | fields @timestamp, @logStream, @message"
                + " | filter @message like \"]E:\" | sort @timestamp desc | limit 50");
    assertThat(body.path("widgets").get(10).path("properties").path("markdown").asText())
        .matches(
            "(?s).*\n\\| orders \\| sales-db01-orders-all \\|"
                + " dms-task-\\{ResourceId:salesdb01orders[0-9A-F]{8}} \\|\n"
                + "\\| archive \\| sales-db01-archive-all \\|"
                + " dms-task-\\{ResourceId:salesdb01archive[0-9A-F]{8}} \\|\n"
                + "\\| feed \\| sales-db01-feed-all \\|"
                + " dms-task-\\{ResourceId:salesdb01feed[0-9A-F]{8}} \\|\n");
  }

  @Test
  void aServerlessDashboardShowsAlarmsLatencyWorkAndCapacityPerReplication() throws Exception {
    Stack stack = stack();
    DmsServerlessSourceServer server = Fixtures.serverlessServer(stack);
    DmsAlerts alerts = new DmsAlerts(stack, "Alerts");
    List<IAlarm> alarms =
        new ArrayList<>(alerts.alarmOnDatabase(server.addDatabase("orders", orders())));
    alarms.addAll(
        alerts.alarmOnDatabase(
            server.addDatabase(
                "archive",
                DmsDatabaseOptions.builder()
                    .secretName("dms/archive")
                    .migrationType(MigrationType.FULL_LOAD)
                    .build())));
    new DmsServerlessDashboard(
        stack,
        "Dashboard",
        DmsServerlessDashboardProps.builder()
            .databases(server.getDatabases())
            .alarms(alarms)
            .dashboardName("Sales-Server-sales-db01")
            .build());
    Template template = template(stack);
    JsonNode body = DashboardJson.of(template);

    template.hasResourceProperties(
        "AWS::CloudWatch::Dashboard", java.util.Map.of("DashboardName", "Sales-Server-sales-db01"));
    assertThat(titles(body))
        .containsExactly(
            "Alarms",
            "CDC latency to S3",
            "CDC latency at the source",
            "Changes waiting to be applied",
            "Full-load throughput",
            "Capacity utilization",
            "text");
    // orders: two latency alarms and capacity; archive, a full load: capacity only.
    assertThat(widget(body, "Alarms").path("properties").path("alarms")).hasSize(4);
    assertThat(labels(widget(body, "CDC latency to S3"))).containsExactly("orders");
    assertThat(labels(widget(body, "Full-load throughput"))).containsExactly("orders", "archive");
    assertThat(labels(widget(body, "Capacity utilization"))).containsExactly("orders", "archive");
    assertThat(
            widget(body, "Capacity utilization")
                .path("properties")
                .path("metrics")
                .get(0)
                .toString())
        .matches(
            "\\[\"AWS/DMS\",\"CapacityUtilization\",\"ReplicationConfigId\","
                + "\"123456789012:\\{ResourceId:salesdb01orders[0-9A-F]{8}}\","
                + "\\{\"label\":\"orders\"}]");
    assertThat(widget(body, "Capacity utilization").path("properties").path("stat").asText())
        .isEqualTo("Average");
    assertThat(body.path("widgets").get(6).path("properties").path("markdown").asText())
        .isEqualTo(
            """
            | database | replication config |
            |---|---|
            | orders | sales-db01-orders-all |
            | archive | sales-db01-archive-all |
            """);
  }

  @Test
  void widgetsFillTheGridRowByRow() throws Exception {
    Stack stack = stack();
    DmsSourceServer server = Fixtures.sourceServer(stack);
    server.addDatabase("orders", orders());
    new DmsServerDashboard(
        stack,
        "Dashboard",
        DmsServerDashboardProps.builder()
            .replicationServer(server.getReplicationServer())
            .databases(server.getDatabases())
            .build());
    JsonNode body = DashboardJson.of(template(stack));

    List<String> places = new ArrayList<>();
    body.path("widgets")
        .forEach(
            w ->
                places.add(
                    w.path("x").asInt()
                        + ","
                        + w.path("y").asInt()
                        + " "
                        + w.path("width").asInt()
                        + "x"
                        + w.path("height").asInt()));
    assertThat(places)
        .containsExactly(
            "0,0 12x6",
            "12,0 12x6",
            "0,6 24x6",
            "0,12 12x6",
            "12,12 12x6",
            "0,18 6x6",
            "6,18 6x6",
            "12,18 6x6",
            "18,18 6x6",
            "0,24 24x3");
  }

  @Test
  void moreThanAHundredAlarmsTakeASecondAlarmWidget() throws Exception {
    Stack stack = stack();
    IDmsReplicationServer instance = Fixtures.importedInstance(stack);
    Metric metric = Metric.Builder.create().namespace("Test").metricName("Test").build();
    List<IAlarm> alarms =
        IntStream.range(0, 101)
            .<IAlarm>mapToObj(
                i ->
                    Alarm.Builder.create(stack, "Alarm" + i)
                        .metric(metric)
                        .threshold(1)
                        .evaluationPeriods(1)
                        .build())
            .toList();
    new DmsServerDashboard(
        stack,
        "Dashboard",
        DmsServerDashboardProps.builder().replicationServer(instance).alarms(alarms).build());
    JsonNode body = DashboardJson.of(template(stack));

    assertThat(titles(body).subList(0, 2)).containsExactly("Alarms", "Alarms, continued");
    assertThat(body.path("widgets").get(0).path("properties").path("alarms")).hasSize(100);
    assertThat(body.path("widgets").get(1).path("properties").path("alarms")).hasSize(1);
  }

  @Test
  void databasesThatShareANameAreLabelledWithTheirTasks() throws Exception {
    Stack stack = stack();
    IDmsReplicationServer instance = Fixtures.importedInstance(stack);
    IBucket lake = Fixtures.lake(stack);
    List<DmsDatabaseMigration> databases = new ArrayList<>();
    for (String name : List.of("erp01", "erp02")) {
      databases.add(
          new DmsSourceServer(
                  stack,
                  name,
                  DmsSourceServerProps.builder()
                      .engine(SourceEngine.SQL_SERVER)
                      .replicationServer(instance)
                      .targetBucket(lake)
                      .build())
              .addDatabase("orders", DmsDatabaseOptions.builder().secretName(name).build()));
    }
    new DmsServerDashboard(
        stack,
        "Dashboard",
        DmsServerDashboardProps.builder().replicationServer(instance).databases(databases).build());

    assertThat(labels(widget(DashboardJson.of(template(stack)), "CDC latency to S3")))
        .containsExactly("erp01-orders-all", "erp02-orders-all");
  }

  @Test
  void theFleetDashboardSearchesForItsSeriesAndNamesNoInstanceOrTask() throws Exception {
    Stack stack = stack();
    new DmsFleetDashboard(
        stack,
        "Overview",
        DmsFleetDashboardProps.builder().dashboardName("Sales-Overview").build());
    JsonNode body = DashboardJson.of(template(stack));

    assertThat(titles(body))
        .containsExactly(
            "text",
            "Task error lines, most first",
            "CDC latency to S3, worst tasks",
            "Free storage, least first",
            "Changes waiting to be applied, most first",
            "CPU, busiest first",
            "Freeable memory, least first",
            "CDC latency at the source, worst tasks",
            "Full-load throughput, fastest tasks",
            "Swap, most first");
    assertThat(expression(widget(body, "Task error lines, most first")))
        .isEqualTo("SORT(SEARCH('{DMS/TaskErrorLines}', 'Sum', 300), SUM, DESC, 10)");
    assertThat(expression(widget(body, "Free storage, least first")))
        .isEqualTo(
            "SORT(SEARCH('{AWS/DMS,ReplicationInstanceIdentifier} MetricName=\"FreeStorageSpace\"',"
                + " 'Minimum', 300), MIN, ASC, 10)");
    JsonNode latency = widget(body, "CDC latency to S3, worst tasks");
    assertThat(expression(latency))
        .isEqualTo(
            "SELECT MAX(CDCLatencyTarget) FROM SCHEMA(\"AWS/DMS\", ReplicationInstanceIdentifier,"
                + " ReplicationTaskIdentifier) GROUP BY ReplicationInstanceIdentifier,"
                + " ReplicationTaskIdentifier ORDER BY MAX() DESC LIMIT 10");
    assertThat(latency.path("properties").path("annotations").toString())
        .isEqualTo("{\"horizontal\":[{\"label\":\"alarm above 600 s\",\"value\":600.0}]}");
    assertThat(body.toString()).doesNotContain("{Ref:", "{Arn:", "{ResourceId:");
  }

  @Test
  void reportsABadDashboardNameAndAMissingInstance() {
    Stack stack = stack();

    assertThatThrownBy(
            () ->
                new DmsServerDashboard(
                    stack,
                    "Dashboard",
                    DmsServerDashboardProps.builder().dashboardName("Sales Server").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid DmsServerDashboard 'Dashboard': 'replicationServer' is required;"
                + " 'dashboardName' must be 1 to 255 letters, digits, '-' or '_', such as"
                + " DmsFleet-Server-erp01, got 'Sales Server'");
    assertThatThrownBy(
            () ->
                new DmsFleetDashboard(
                    stack,
                    "Overview",
                    DmsFleetDashboardProps.builder().cdcLatencySeconds(0).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid DmsFleetDashboard 'Overview': 'cdcLatencySeconds' must be between 1 and"
                + " 2147483647, got 0");
  }

  private static String expression(JsonNode graph) {
    return graph.path("properties").path("metrics").get(0).get(0).path("expression").asText();
  }
}
