package io.github.dmsfleet.ops;

import io.github.dmsfleet.ops.internal.Console;
import io.github.dmsfleet.ops.replication.Ledger;
import io.github.dmsfleet.ops.replication.ReplicationControl;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;

/** {@code dms-ops tasks stop}. */
@Command(
    name = "stop",
    mixinStandardHelpOptions = true,
    description =
        "Stops the fleet's running tasks (a starting task is waited on, then stopped); others are"
            + " left alone.")
final class TasksStopCommand implements Callable<Integer> {
  private final ClientFactory clients;

  @Spec private CommandSpec spec;

  @Mixin private GlobalOptions global;

  @Mixin private FleetSelection selection;

  @Mixin private ActionOptions action;

  @Option(names = "--wait", description = "Wait until each task has stopped.")
  private boolean waitForStopped;

  TasksStopCommand(ClientFactory clients) {
    this.clients = clients;
  }

  @Override
  public Integer call() {
    Console console = global.console();
    int concurrency = action.concurrency(spec);
    FleetSelection.Selected selected = selection.select(console);
    List<String> tasks = selected.taskIdentifiers();
    console.progress(
        "Stopping "
            + Report.plural(tasks.size(), "task")
            + (action.dryRun ? " (dry run: nothing is changed)" : ""));
    try (DatabaseMigrationClient dms = clients.dms(global, console)) {
      ReplicationControl control =
          TasksCommand.control(dms, selected.fleet(), action.pollInterval, console);
      ReplicationControl.StopOptions options =
          new ReplicationControl.StopOptions(
              concurrency,
              waitForStopped,
              action.timeout(TasksCommand.anyServerless(selected.fleet(), selected.databases())),
              action.dryRun);
      Ledger ledger = new Ledger(tasks, "stopped");
      int exitCode =
          TasksCommand.act(console, global, ledger, () -> control.stop(tasks, options, ledger));
      return exitCode;
    }
  }
}
