package io.github.dmsfleet.ops;

import io.github.dmsfleet.ops.internal.Console;
import io.github.dmsfleet.ops.replication.Ledger;
import io.github.dmsfleet.ops.replication.ReplicationControl;
import io.github.dmsfleet.ops.replication.Result;
import io.github.dmsfleet.ops.replication.TaskUnits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

  static ReplicationControl control(DatabaseMigrationClient dms, Duration poll, Console console) {
    return new ReplicationControl(TaskUnits.of(dms), poll, console);
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
