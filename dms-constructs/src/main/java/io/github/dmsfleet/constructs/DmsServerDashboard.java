package io.github.dmsfleet.constructs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.dmsfleet.constructs.internal.DashboardBody;
import io.github.dmsfleet.constructs.internal.Problems;
import io.github.dmsfleet.constructs.internal.StackFacts;
import io.github.dmsfleet.rules.TextRule;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awscdk.services.cloudwatch.CfnDashboard;
import software.constructs.Construct;

/**
 * A CloudWatch dashboard of one replication instance and the databases whose tasks run on it, laid
 * out in the order a person on call reads it: the state of the alarms; how far behind each database
 * is (CDC latency to S3, then at the source); the latest task error lines; how much work arrives
 * (incoming changes, full-load throughput); and whether the instance itself is the limit (CPU,
 * freeable memory, free storage, swap). A table at the end names each database's task and log
 * stream, as task metrics and logs are keyed by the task's resource id.
 *
 * <pre>{@code
 * new DmsServerDashboard(this, "Dashboard", DmsServerDashboardProps.builder()
 *     .replicationServer(instance)
 *     .databases(erp.getDatabases())
 *     .alarms(alarms)
 *     .build());
 * }</pre>
 *
 * <p>The body is written from what the constructs hold (names, identifiers, resource ids), so a
 * database adds no call into the CDK. Construct id: {@code Resource} (the dashboard).
 */
public class DmsServerDashboard extends Construct {
  static final TextRule DASHBOARD_NAME =
      TextRule.matching(
          Pattern.compile("[A-Za-z0-9_-]{1,255}"),
          "1 to 255 letters, digits, '-' or '_', such as DmsFleet-Server-erp01");

  private static final String ERROR_LINES_QUERY =
      "fields @timestamp, @logStream, @message | filter @message like \"]E:\""
          + " | sort @timestamp desc | limit 50";

  private final CfnDashboard dashboard;

  /** The dashboard as {@code props} describe it. */
  public DmsServerDashboard(Construct scope, String id, DmsServerDashboardProps props) {
    super(scope, id);
    Problems problems = new Problems("DmsServerDashboard '" + id + "'");
    problems.require("replicationServer", props.getReplicationServer());
    problems.check("dashboardName", props.getDashboardName(), DASHBOARD_NAME);
    problems.throwIfAny();

    String instance = props.getReplicationServer().getReplicationInstanceIdentifier();
    List<DmsDatabaseMigration> databases = props.getDatabases();
    DashboardBody body = new DashboardBody(StackFacts.of(scope).region());

    body.alarms(props.getAlarms());
    DatabaseLines<DmsDatabaseMigration> tasks =
        new DatabaseLines<>(
            databases,
            database ->
                new String[] {
                  "ReplicationInstanceIdentifier",
                  instance,
                  "ReplicationTaskIdentifier",
                  database.taskResourceId()
                });
    tasks.addLatencyRow(body);
    body.row(
        DashboardBody.GRAPH_HEIGHT,
        body.logTable("Latest task error lines", "dms-tasks-" + instance, ERROR_LINES_QUERY));
    tasks.addWorkRow(body);
    body.row(
        DashboardBody.GRAPH_HEIGHT,
        body.graph("CPU", "Average", "percent", instanceMetric("CPUUtilization", instance)),
        body.graph(
            "Freeable memory", "Minimum", "bytes", instanceMetric("FreeableMemory", instance)),
        body.graph(
            "Free storage", "Minimum", "bytes", instanceMetric("FreeStorageSpace", instance)),
        body.graph("Swap", "Maximum", "bytes", instanceMetric("SwapUsage", instance)));
    if (!databases.isEmpty()) {
      body.row(2 + Math.min(24, databases.size()), body.text(taskTable(databases)));
    }

    dashboard = body.addTo(this, props.getDashboardName());
  }

  /** The dashboard. */
  public CfnDashboard getDashboard() {
    return dashboard;
  }

  private static List<ArrayNode> instanceMetric(String metricName, String instance) {
    return List.of(
        DashboardBody.dmsMetric(metricName, instance, "ReplicationInstanceIdentifier", instance));
  }

  private static String taskTable(List<DmsDatabaseMigration> databases) {
    StringBuilder table =
        new StringBuilder(
            """
            Task metrics and logs name each task by its resource id.

            | database | task | log stream |
            |---|---|---|
            """);
    for (DmsDatabaseMigration database : databases) {
      table
          .append("| ")
          // A '|' in a name would end its cell.
          .append(database.getDatabaseName().replace("|", "\\|"))
          .append(" | ")
          .append(database.getReplicationIdentifier())
          .append(" | dms-task-")
          .append(database.taskResourceId())
          .append(" |\n");
    }
    return table.toString();
  }
}
