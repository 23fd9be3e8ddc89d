package io.github.dmsfleet.constructs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.dmsfleet.constructs.internal.DashboardBody;
import io.github.dmsfleet.rules.MigrationType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Each database's line of a DMS metric on a dashboard, labelled with its name, or with its
 * replication's identifier where two databases of the dashboard share a name.
 *
 * @param <D> the kind of database migration
 */
final class DatabaseLines<D extends DmsDatabaseMigrationBase> {
  private final List<D> databases;
  private final Function<D, String[]> dimensions;
  private final Set<String> sharedNames = new HashSet<>();

  /** Lines of {@code databases}, each with the metric dimensions {@code dimensions} gives it. */
  DatabaseLines(List<D> databases, Function<D, String[]> dimensions) {
    this.databases = databases;
    this.dimensions = dimensions;
    Set<String> seen = new HashSet<>();
    for (D database : databases) {
      if (!seen.add(database.getDatabaseName())) {
        sharedNames.add(database.getDatabaseName());
      }
    }
  }

  /** The lines of {@code metricName} of the databases {@code applies} to. */
  List<ArrayNode> of(String metricName, Predicate<DmsDatabaseMigrationBase> applies) {
    return databases.stream()
        .filter(applies)
        .map(
            database ->
                DashboardBody.dmsMetric(
                    metricName,
                    sharedNames.contains(database.getDatabaseName())
                        ? database.getReplicationIdentifier()
                        : database.getDatabaseName(),
                    dimensions.apply(database)))
        .toList();
  }

  /** A row of how far behind each database is: CDC latency to S3, then at the source. */
  void addLatencyRow(DashboardBody body) {
    body.row(
        DashboardBody.GRAPH_HEIGHT,
        body.graph(
            "CDC latency to S3",
            "Maximum",
            "seconds",
            of("CDCLatencyTarget", DatabaseLines::capturesChanges)),
        body.graph(
            "CDC latency at the source",
            "Maximum",
            "seconds",
            of("CDCLatencySource", DatabaseLines::capturesChanges)));
  }

  /** A row of how much work arrives: changes waiting to be applied, full-load throughput. */
  void addWorkRow(DashboardBody body) {
    body.row(
        DashboardBody.GRAPH_HEIGHT,
        body.graph(
            "Changes waiting to be applied",
            "Maximum",
            "changes",
            of("CDCIncomingChanges", DatabaseLines::capturesChanges)),
        body.graph(
            "Full-load throughput",
            "Average",
            "rows per second",
            of("FullLoadThroughputRowsTarget", DatabaseLines::loadsFully)));
  }

  private static boolean capturesChanges(DmsDatabaseMigrationBase database) {
    return database.getMigrationType().capturesChanges();
  }

  private static boolean loadsFully(DmsDatabaseMigrationBase database) {
    return database.getMigrationType() != MigrationType.CDC;
  }
}
