package io.github.dmsfleet.constructs;

import io.github.dmsfleet.constructs.internal.DashboardBody;
import io.github.dmsfleet.constructs.internal.Problems;
import io.github.dmsfleet.constructs.internal.StackFacts;
import software.amazon.awscdk.services.cloudwatch.CfnDashboard;
import software.constructs.Construct;

/**
 * One CloudWatch dashboard for a whole fleet, whatever its size: each graph finds its series when
 * it is viewed, with a search or a query, and shows the ten worst, so it names no instance or task
 * and does not change when one is added. It covers every replication instance and task of the
 * account and Region, as DMS's event subscriptions do.
 *
 * <p>Read from the top: task error lines per instance, the tasks furthest behind (with the latency
 * alarms' threshold as a line) and the instances with the least storage left; then the tasks with
 * the most changes waiting, the busiest CPUs and the least memory; then source latency, full-load
 * throughput and swap.
 *
 * <p>Instance graphs use {@code SEARCH}, which finds at most 500 series: plenty for instances (an
 * account has 60 by default). Task graphs use Metrics Insights queries instead, which sort up to
 * 10,000 metrics before they keep the ten worst: a search over 2,000 tasks would rank only the 500
 * it happened to find. CloudWatch's alarm status widget takes alarms one by one (at most 100), so
 * alarms are not listed here: each server's {@link DmsServerDashboard} shows the state of its
 * alarms, and the graphs show what the alarms watch.
 *
 * <p>Construct id: {@code Resource} (the dashboard).
 */
public class DmsFleetDashboard extends Construct {
  private static final String TASK_SCHEMA =
      "SCHEMA(\"AWS/DMS\", ReplicationInstanceIdentifier, ReplicationTaskIdentifier)";
  private static final String BY_TASK =
      " GROUP BY ReplicationInstanceIdentifier, ReplicationTaskIdentifier";
  private static final int SHOWN = 10;

  private final CfnDashboard dashboard;

  /** A fleet dashboard with the defaults of {@link DmsFleetDashboardProps}. */
  public DmsFleetDashboard(Construct scope, String id) {
    this(scope, id, DmsFleetDashboardProps.create());
  }

  /** The fleet dashboard as {@code props} describe it. */
  public DmsFleetDashboard(Construct scope, String id, DmsFleetDashboardProps props) {
    super(scope, id);
    Problems problems = new Problems("DmsFleetDashboard '" + id + "'");
    problems.check("dashboardName", props.getDashboardName(), DmsServerDashboard.DASHBOARD_NAME);
    problems.between("cdcLatencySeconds", props.getCdcLatencySeconds(), 1, Integer.MAX_VALUE);
    problems.throwIfAny();

    double latency = props.getCdcLatencySeconds();
    String latencyLine = "alarm above " + props.getCdcLatencySeconds() + " s";
    DashboardBody body = new DashboardBody(StackFacts.of(scope).region());
    body.row(
        2,
        body.text(
            "**Alarms** are listed with their state on each server's dashboard, and all of them in"
                + " CloudWatch's alarm list (state: In alarm). These graphs show what the alarms"
                + " watch, worst first, across every replication instance and task of the"
                + " Region."));
    body.row(
        DashboardBody.GRAPH_HEIGHT,
        body.expressionGraph(
            "Task error lines, most first",
            "Sum",
            "lines",
            "SORT(SEARCH('{"
                + DmsTaskLogs.ERROR_LINES_NAMESPACE
                + "}', 'Sum', 300), SUM, DESC, "
                + SHOWN
                + ")",
            null,
            null),
        body.expressionGraph(
            "CDC latency to S3, worst tasks",
            "Maximum",
            "seconds",
            worstTasks("MAX", "CDCLatencyTarget", "DESC"),
            latency,
            latencyLine),
        body.expressionGraph(
            "Free storage, least first",
            "Minimum",
            "bytes",
            instances("FreeStorageSpace", "Minimum", "MIN", "ASC"),
            null,
            null));
    body.row(
        DashboardBody.GRAPH_HEIGHT,
        body.expressionGraph(
            "Changes waiting to be applied, most first",
            "Maximum",
            "changes",
            worstTasks("MAX", "CDCIncomingChanges", "DESC"),
            null,
            null),
        body.expressionGraph(
            "CPU, busiest first",
            "Average",
            "percent",
            instances("CPUUtilization", "Average", "AVG", "DESC"),
            null,
            null),
        body.expressionGraph(
            "Freeable memory, least first",
            "Minimum",
            "bytes",
            instances("FreeableMemory", "Minimum", "MIN", "ASC"),
            null,
            null));
    body.row(
        DashboardBody.GRAPH_HEIGHT,
        body.expressionGraph(
            "CDC latency at the source, worst tasks",
            "Maximum",
            "seconds",
            worstTasks("MAX", "CDCLatencySource", "DESC"),
            latency,
            latencyLine),
        body.expressionGraph(
            "Full-load throughput, fastest tasks",
            "Average",
            "rows per second",
            worstTasks("AVG", "FullLoadThroughputRowsTarget", "DESC"),
            null,
            null),
        body.expressionGraph(
            "Swap, most first",
            "Maximum",
            "bytes",
            instances("SwapUsage", "Maximum", "MAX", "DESC"),
            null,
            null));

    dashboard = body.addTo(this, props.getDashboardName());
  }

  /** The dashboard. */
  public CfnDashboard getDashboard() {
    return dashboard;
  }

  /** The instances' series of a metric, sorted by {@code function}, the first ten. */
  private static String instances(
      String metricName, String statistic, String function, String order) {
    return "SORT(SEARCH('{AWS/DMS,ReplicationInstanceIdentifier} MetricName=\""
        + metricName
        + "\"', '"
        + statistic
        + "', 300), "
        + function
        + ", "
        + order
        + ", "
        + SHOWN
        + ")";
  }

  /** The ten tasks with the highest (or lowest) {@code function} of a metric. */
  private static String worstTasks(String function, String metricName, String order) {
    return "SELECT "
        + function
        + "("
        + metricName
        + ") FROM "
        + TASK_SCHEMA
        + BY_TASK
        + " ORDER BY "
        + function
        + "() "
        + order
        + " LIMIT "
        + SHOWN;
  }
}
