package io.github.dmsfleet.ops;

import io.github.dmsfleet.ops.replication.ReplicationControl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dms-ops tasks stop}. */
@Command(
    name = "stop",
    mixinStandardHelpOptions = true,
    description =
        "Stops the fleet's running tasks (a starting task is waited on, then stopped); others are"
            + " left alone.")
final class TasksStopCommand extends TaskActionCommand {
  @Option(names = "--wait", description = "Wait until each task has stopped.")
  private boolean waitForStopped;

  TasksStopCommand(ClientFactory clients) {
    super(clients, "Stopping");
  }

  @Override
  int act(Run run) {
    ReplicationControl.StopOptions options =
        new ReplicationControl.StopOptions(
            run.concurrency, waitForStopped, run.timeout(), action.dryRun);
    return run.report("stopped", ledger -> run.control.stop(run.tasks(), options, ledger));
  }
}
