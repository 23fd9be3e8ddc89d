package io.github.dmsfleet.ops;

import io.github.dmsfleet.model.Database;
import io.github.dmsfleet.model.Fleet;
import io.github.dmsfleet.model.Server;
import io.github.dmsfleet.ops.internal.Console;
import io.github.dmsfleet.ops.replication.FleetUnits;
import io.github.dmsfleet.ops.replication.Ledger;
import io.github.dmsfleet.ops.replication.ReplicationControl;
import io.github.dmsfleet.ops.replication.ReplicationUnit;
import io.github.dmsfleet.ops.replication.Result;
import io.github.dmsfleet.ops.replication.ServerlessUnits;
import io.github.dmsfleet.ops.replication.TaskUnits;
import io.github.dmsfleet.rules.Compute;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
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

  /**
   * Runs an action on tasks and reports it; when no task was found, the likely cause is where the
   * command looked, not the fleet, and a warning says so.
   */
  static int act(
      Console console, GlobalOptions global, Ledger ledger, Supplier<List<Result>> action) {
    List<Result> results = new ArrayList<>();
    int exitCode =
        new Mutation(console, global.output(), "TASK", "task")
            .run(
                ledger,
                () -> {
                  results.addAll(action.get());
                  return results;
                });
    hintWhenNoneFound(console, results);
    return exitCode;
  }

  private static void hintWhenNoneFound(Console console, List<Result> results) {
    if (!results.isEmpty() && results.stream().allMatch(r -> r.detail().startsWith("not found"))) {
      console.warn(
          "none of the fleet's tasks was found: check --region and --profile (or AWS_REGION and"
              + " AWS_PROFILE), or deploy the fleet first");
    }
  }

  static String firstFew(List<String> items) {
    int shown = Math.min(items.size(), 5);
    return String.join(", ", items.subList(0, shown))
        + (items.size() > shown ? " and " + (items.size() - shown) + " more" : "");
  }
}
