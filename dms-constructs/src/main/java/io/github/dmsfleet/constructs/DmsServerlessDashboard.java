package io.github.dmsfleet.constructs;

import io.github.dmsfleet.constructs.internal.DashboardBody;
import io.github.dmsfleet.constructs.internal.Problems;
import io.github.dmsfleet.constructs.internal.StackFacts;
import java.util.List;
import software.amazon.awscdk.services.cloudwatch.CfnDashboard;
import software.constructs.Construct;

/**
 * A CloudWatch dashboard of the DMS Serverless replications of one source server, laid out as
 * {@link DmsServerDashboard} is: the state of the alarms; how far behind each database is (CDC
 * latency to S3, then at the source); how much work arrives (incoming changes, full-load
 * throughput); and whether a replication runs at the edge of its capacity (capacity utilization,
 * where {@code maxCapacityUnits} is the limit). A table at the end names each database's
 * replication config.
 *
 * <pre>{@code
 * new DmsServerlessDashboard(this, "Dashboard", DmsServerlessDashboardProps.builder()
 *     .databases(erp.getDatabases())
 *     .alarms(alarms)
 *     .build());
 * }</pre>
 *
 * <p>Construct id: {@code Resource} (the dashboard).
 */
public class DmsServerlessDashboard extends Construct {
  private final CfnDashboard dashboard;

  /** The dashboard as {@code props} describe it. */
  public DmsServerlessDashboard(Construct scope, String id, DmsServerlessDashboardProps props) {
    super(scope, id);
    Problems problems = new Problems("DmsServerlessDashboard '" + id + "'");
    problems.check("dashboardName", props.getDashboardName(), DmsServerDashboard.DASHBOARD_NAME);
    problems.throwIfAny();

    List<DmsServerlessDatabaseMigration> databases = props.getDatabases();
    DatabaseLines<DmsServerlessDatabaseMigration> replications =
        new DatabaseLines<>(
            databases, database -> new String[] {"ReplicationConfigId", database.metricConfigId()});
    DashboardBody body = new DashboardBody(StackFacts.of(scope).region());
    body.alarms(props.getAlarms());
    replications.addLatencyRow(body);
    replications.addWorkRow(body);
    body.row(
        DashboardBody.GRAPH_HEIGHT,
        body.graph(
            "Capacity utilization",
            "Average",
            "percent",
            replications.of("CapacityUtilization", database -> true)));
    if (!databases.isEmpty()) {
      body.row(2 + Math.min(24, databases.size()), body.text(configTable(databases)));
    }

    dashboard = body.addTo(this, props.getDashboardName());
  }

  /** The dashboard. */
  public CfnDashboard getDashboard() {
    return dashboard;
  }

  private static String configTable(List<DmsServerlessDatabaseMigration> databases) {
    StringBuilder table =
        new StringBuilder(
            """
            | database | replication config |
            |---|---|
            """);
    for (DmsServerlessDatabaseMigration database : databases) {
      table
          .append("| ")
          // A '|' in a name would end its cell.
          .append(database.getDatabaseName().replace("|", "\\|"))
          .append(" | ")
          .append(database.getReplicationIdentifier())
          .append(" |\n");
    }
    return table.toString();
  }
}
