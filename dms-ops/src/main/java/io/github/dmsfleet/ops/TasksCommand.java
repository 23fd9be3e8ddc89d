package io.github.dmsfleet.ops;

import io.github.dmsfleet.model.Database;
import io.github.dmsfleet.model.Fleet;
import io.github.dmsfleet.model.Server;
import io.github.dmsfleet.ops.internal.Console;
import io.github.dmsfleet.ops.replication.FleetUnits;
import io.github.dmsfleet.ops.replication.ReplicationControl;
import io.github.dmsfleet.ops.replication.ReplicationUnit;
import io.github.dmsfleet.ops.replication.ServerlessUnits;
import io.github.dmsfleet.ops.replication.TaskUnits;
import io.github.dmsfleet.rules.Compute;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;

/** {@code dms-ops tasks}: the fleet's replication tasks. */
@Command(
    name = "tasks",
    mixinStandardHelpOptions = true,
    description = "Starts, stops, reloads and reports on the fleet's replication tasks.",
    subcommands = {
      TasksStartCommand.class,
      TasksStatusCommand.class,
      TasksStopCommand.class,
      TasksTablesCommand.class,
      TasksReloadCommand.class
    })
final class TasksCommand {
  /**
   * The warning when none of the selected tasks exists: the likely cause is where the command
   * looked, not the fleet.
   */
  static final String NONE_FOUND =
      "none of the fleet's tasks was found: check --region and --profile (or AWS_REGION and"
          + " AWS_PROFILE), or deploy the fleet first";

  private TasksCommand() {}

  /**
   * The fleet's units: each database's replication task, or its serverless replication when its
   * server runs serverless.
   */
  static ReplicationControl control(
      DatabaseMigrationClient dms, Fleet fleet, Duration poll, Console console) {
    Map<String, ReplicationUnit.Kind> kinds = new HashMap<>();
    fleet.databases().forEach(d -> kinds.put(d.taskIdentifier(), kind(fleet, d)));
    FleetUnits units =
        new FleetUnits(
            Map.of(
                ReplicationUnit.Kind.TASK,
                TaskUnits.of(dms),
                ReplicationUnit.Kind.SERVERLESS,
                ServerlessUnits.of(dms)),
            id -> kinds.getOrDefault(id, ReplicationUnit.Kind.TASK));
    return new ReplicationControl(units, poll, console);
  }

  /** What runs the database's replication, as its server's {@code compute} says. */
  static ReplicationUnit.Kind kind(Fleet fleet, Database database) {
    return fleet.server(database.serverName()).map(Server::compute).orElse(Compute.INSTANCE)
            == Compute.SERVERLESS
        ? ReplicationUnit.Kind.SERVERLESS
        : ReplicationUnit.Kind.TASK;
  }

  /** Whether any of the databases replicates on DMS Serverless. */
  static boolean anyServerless(Fleet fleet, List<Database> databases) {
    return databases.stream().anyMatch(d -> kind(fleet, d) == ReplicationUnit.Kind.SERVERLESS);
  }

  static String firstFew(List<String> items) {
    int shown = Math.min(items.size(), 5);
    return String.join(", ", items.subList(0, shown))
        + (items.size() > shown ? " and " + (items.size() - shown) + " more" : "");
  }
}
