package io.github.dmsfleet.ops;

import io.github.dmsfleet.ops.internal.Console;
import io.github.dmsfleet.ops.internal.Outcome;
import io.github.dmsfleet.ops.internal.tasks.TaskStopper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;

/** {@code dms-ops tasks stop}. */
@Command(
    name = "stop",
    mixinStandardHelpOptions = true,
    description = "Stops the fleet's running tasks; tasks that are not running are left alone.")
final class TasksStopCommand implements Callable<Integer> {
  @ParentCommand private TasksCommand parent;

  @Mixin private GlobalOptions global;

  @Mixin private FleetSelection selection;

  @Option(names = "--wait", description = "Wait until each task has stopped.")
  private boolean waitForStopped;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "30m",
      converter = DurationConverter.class,
      description = "How long to wait for DMS in all (default: ${DEFAULT-VALUE}).")
  private Duration timeout;

  @Option(names = "--dry-run", description = "Read only: report which tasks would be stopped.")
  private boolean dryRun;

  @Option(
      names = "--poll-interval",
      hidden = true,
      defaultValue = "5s",
      converter = DurationConverter.class)
  private Duration pollInterval;

  @Override
  public Integer call() {
    Console console = global.console();
    List<String> tasks = selection.select(console).taskIdentifiers();
    console.progress(
        "Stopping " + tasks.size() + " tasks" + (dryRun ? " (dry run: nothing is changed)" : ""));
    List<Outcome> outcomes;
    try (DatabaseMigrationClient dms = parent.root.clients().dms(global)) {
      outcomes =
          new TaskStopper(
                  dms,
                  new TaskStopper.Options(waitForStopped, timeout, pollInterval, dryRun),
                  console)
              .stop(tasks);
    }
    return Summary.print(console, "TASK", "task", outcomes);
  }
}
