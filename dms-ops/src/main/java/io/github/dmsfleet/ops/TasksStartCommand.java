package io.github.dmsfleet.ops;

import io.github.dmsfleet.ops.replication.Lifecycle;
import io.github.dmsfleet.ops.replication.ReplicationControl;
import io.github.dmsfleet.ops.replication.ReplicationUnit;
import io.github.dmsfleet.ops.replication.StartDecision;
import io.github.dmsfleet.ops.replication.StartRule;
import io.github.dmsfleet.ops.replication.StartType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code dms-ops tasks start}. */
@Command(
    name = "start",
    mixinStandardHelpOptions = true,
    modelTransformer = TasksStartCommand.DecisionTableInHelp.class,
    description = {
      "Starts the fleet's replication tasks with the start type the decision table below gives each"
          + " one. A rerun finishes what an interrupted run left.",
      "Anything that starts a task over (reload-target, or start-replication on a task that ran"
          + " before) needs --server or --database, and --yes."
    })
final class TasksStartCommand extends TaskActionCommand {
  @Option(
      names = "--start-type",
      paramLabel = "TYPE",
      defaultValue = "auto",
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  private StartType startType;

  @Option(names = "--wait", description = "Wait until each started task runs.")
  private boolean waitForRunning;

  @Option(names = "--yes", description = "Confirm starting the selected tasks over.")
  private boolean yes;

  @Option(
      names = "--enable-logging",
      description =
          "Turn CloudWatch logging on (a ModifyReplicationTask) where it is off before starting."
              + " Without it, such tasks are only reported: CloudFormation owns the settings.")
  private boolean enableLogging;

  TasksStartCommand(ClientFactory clients) {
    super(clients, "Starting");
  }

  @Override
  int act(Run run) {
    Duration timeout = run.timeout();
    ReplicationControl.StartPlan plan = run.control.plan(run.tasks(), startType, true);
    List<String> reloading = plan.reloading();
    boolean consented = run.selected.narrowed() && yes;
    if (!reloading.isEmpty() && !consented && !action.dryRun) {
      throw new InvalidInputException(
          Report.plural(reloading.size(), "task")
              + " would start over and load every table again ("
              + TasksCommand.firstFew(reloading)
              + "); nothing was sent. To do it, "
              + (run.selected.narrowed() ? "" : "choose them with --server and/or --database and ")
              + "add --yes");
    }
    ReplicationControl.StartOptions options =
        new ReplicationControl.StartOptions(
            startType,
            consented,
            enableLogging,
            run.concurrency,
            waitForRunning,
            timeout,
            action.dryRun);
    if (waitForRunning && !action.dryRun && provisions(plan)) {
      run.console.progress(
          "A serverless replication provisions its capacity before it runs, which can take"
              + " tens of minutes; waiting up to "
              + (timeout.toSecondsPart() == 0
                  ? timeout.toMinutes() + " minutes"
                  : timeout.toSeconds() + " seconds"));
    }
    int exitCode = run.report("started", ledger -> run.control.start(plan, options, ledger));
    List<String> loggingOff = plan.loggingOff();
    if (!enableLogging && !loggingOff.isEmpty()) {
      run.console.warn(
          "CloudWatch logging is off for "
              + Report.plural(loggingOff.size(), "task")
              + " ("
              + TasksCommand.firstFew(loggingOff)
              + "); set Logging.EnableLogging in the task settings, or add --enable-logging");
    }
    return exitCode;
  }

  /** Whether the start sends a serverless replication on its way, or waits on one that starts. */
  private static boolean provisions(ReplicationControl.StartPlan plan) {
    return plan.units().values().stream()
        .filter(u -> u.kind() == ReplicationUnit.Kind.SERVERLESS)
        .anyMatch(
            u ->
                u.lifecycle() == Lifecycle.STARTING
                    || StartDecision.of(u, plan.type()).move().sends() != null);
  }

  /** Puts the decision table into the help, from the same rows that decide. */
  static final class DecisionTableInHelp implements IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
      List<String> footer = new ArrayList<>();
      footer.add("");
      footer.add("What each --start-type does with a task, by its state (first row that matches):");
      footer.addAll(StartRule.table());
      spec.usageMessage().footer(footer.toArray(String[]::new));
      return spec;
    }
  }
}
