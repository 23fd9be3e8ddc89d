package io.github.dmsfleet.ops;

import io.github.dmsfleet.ops.internal.Console;
import io.github.dmsfleet.ops.replication.Ledger;
import io.github.dmsfleet.ops.replication.Lifecycle;
import io.github.dmsfleet.ops.replication.ReplicationControl;
import io.github.dmsfleet.ops.replication.ReplicationUnit;
import io.github.dmsfleet.ops.replication.StartDecision;
import io.github.dmsfleet.ops.replication.StartRule;
import io.github.dmsfleet.ops.replication.StartType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;

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
final class TasksStartCommand implements Callable<Integer> {
  private final ClientFactory clients;

  @Spec private CommandSpec spec;

  @Mixin private GlobalOptions global;

  @Mixin private FleetSelection selection;

  @Mixin private ActionOptions action;

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
    this.clients = clients;
  }

  @Override
  public Integer call() {
    Console console = global.console();
    int concurrency = action.concurrency(spec);
    FleetSelection.Selected selected = selection.select(console);
    List<String> tasks = selected.taskIdentifiers();
    console.progress(
        "Starting "
            + Report.plural(tasks.size(), "task")
            + (action.dryRun ? " (dry run: nothing is changed)" : ""));
    boolean serverless = TasksCommand.anyServerless(selected.fleet(), selected.databases());
    Duration timeout = action.timeout(serverless);
    try (DatabaseMigrationClient dms = clients.dms(global, console)) {
      ReplicationControl control =
          TasksCommand.control(dms, selected.fleet(), action.pollInterval, console);
      ReplicationControl.StartPlan plan = control.plan(tasks, startType, true);
      List<String> reloading = plan.reloading();
      boolean consented = selected.narrowed() && yes;
      if (!reloading.isEmpty() && !consented && !action.dryRun) {
        throw new InvalidInputException(
            Report.plural(reloading.size(), "task")
                + " would start over and load every table again ("
                + TasksCommand.firstFew(reloading)
                + "); nothing was sent. To do it, "
                + (selected.narrowed() ? "" : "choose them with --server and/or --database and ")
                + "add --yes");
      }
      ReplicationControl.StartOptions options =
          new ReplicationControl.StartOptions(
              startType,
              consented,
              enableLogging,
              concurrency,
              waitForRunning,
              timeout,
              action.dryRun);
      if (waitForRunning && !action.dryRun && provisions(plan)) {
        console.progress(
            "A serverless replication provisions its capacity before it runs, which can take"
                + " tens of minutes; waiting up to "
                + (timeout.toSecondsPart() == 0
                    ? timeout.toMinutes() + " minutes"
                    : timeout.toSeconds() + " seconds"));
      }
      Ledger ledger = new Ledger(tasks, "started");
      int exitCode =
          TasksCommand.act(console, global, ledger, () -> control.start(plan, options, ledger));
      List<String> loggingOff = plan.loggingOff();
      if (!enableLogging && !loggingOff.isEmpty()) {
        console.warn(
            "CloudWatch logging is off for "
                + Report.plural(loggingOff.size(), "task")
                + " ("
                + TasksCommand.firstFew(loggingOff)
                + "); set Logging.EnableLogging in the task settings, or add --enable-logging");
      }
      return exitCode;
    }
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
