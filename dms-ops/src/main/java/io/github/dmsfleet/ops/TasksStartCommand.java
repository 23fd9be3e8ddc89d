package io.github.dmsfleet.ops;

import io.github.dmsfleet.ops.internal.Console;
import io.github.dmsfleet.ops.internal.Outcome;
import io.github.dmsfleet.ops.internal.tasks.StartType;
import io.github.dmsfleet.ops.internal.tasks.TaskStarter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;

/** {@code dms-ops tasks start}. */
@Command(
    name = "start",
    mixinStandardHelpOptions = true,
    description = {
      "Starts the fleet's replication tasks, turning CloudWatch logging on first where it is off.",
      "auto gives a task that never ran start-replication and one that ran before resume-processing; running and"
          + " starting tasks, and full-load-only tasks that finished, are left alone. A rerun finishes what an"
          + " interrupted run left."
    })
final class TasksStartCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @ParentCommand private TasksCommand parent;

  @Mixin private GlobalOptions global;

  @Mixin private FleetSelection selection;

  @Option(
      names = "--start-type",
      paramLabel = "TYPE",
      defaultValue = "auto",
      converter = StartTypeConverter.class,
      description =
          "auto, start-replication, resume-processing or reload-target (default: ${DEFAULT-VALUE}).")
  private StartType startType;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      defaultValue = "200",
      description =
          "Tasks modified and started at once; waiting for running holds no slot (default: ${DEFAULT-VALUE},"
              + " the most one replication instance runs). API calls are paced under the DMS rate limit either way.")
  private int concurrency;

  @Option(
      names = "--wait",
      description = "Wait until each task runs (or, full load only, finishes).")
  private boolean waitForRunning;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "30m",
      converter = DurationConverter.class,
      description =
          "How long to wait for DMS in all, such as 90s, 30m, 2h (default: ${DEFAULT-VALUE}).")
  private Duration timeout;

  @Option(names = "--dry-run", description = "Read only: report what would be done to each task.")
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
    if (concurrency < 1) {
      throw new ParameterException(
          spec.commandLine(), "--concurrency must be at least 1, got " + concurrency);
    }
    List<String> tasks = selection.select(console).taskIdentifiers();
    console.progress(
        "Starting " + tasks.size() + " tasks" + (dryRun ? " (dry run: nothing is changed)" : ""));
    List<Outcome> outcomes;
    try (DatabaseMigrationClient dms = parent.root.clients().dms(global)) {
      TaskStarter.Options options =
          new TaskStarter.Options(
              startType, concurrency, waitForRunning, timeout, pollInterval, dryRun);
      outcomes = new TaskStarter(dms, options, console).start(tasks);
    }
    return Summary.print(console, "TASK", "task", outcomes);
  }

  static final class StartTypeConverter implements ITypeConverter<StartType> {
    @Override
    public StartType convert(String value) {
      try {
        return StartType.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
