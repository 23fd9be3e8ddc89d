package io.github.dmsfleet.ops;

import io.github.dmsfleet.ops.changes.ChangeApplier;
import io.github.dmsfleet.ops.changes.ChangePlan;
import io.github.dmsfleet.ops.changes.Resumer;
import io.github.dmsfleet.ops.changes.StopMarks;
import io.github.dmsfleet.ops.internal.Console;
import io.github.dmsfleet.ops.replication.Ledger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dms-ops changes apply}. */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = {
      "Stops exactly the running tasks the change set needs stopped (each tagged "
          + StopMarks.KEY
          + "=<stack prefix>/<change set> first), waits until they have stopped, executes the"
          + " change sets (shared stacks first, then the server stacks up to --concurrency at"
          + " once), waits for each update, and resumes the tasks it stopped with the start type"
          + " the start decision table gives, also after an update that rolled back. The tags"
          + " come off as the tasks run again.",
      "A rerun after Ctrl-C or a crash finishes the job. Replacements, which load every table"
          + " again, need --yes."
    })
final class ChangesApplyCommand implements Callable<Integer> {
  private final ClientFactory clients;

  @Spec private CommandSpec spec;

  @Mixin private GlobalOptions global;

  @Mixin private ChangeSetOptions changeSetOptions;

  @Option(names = "--yes", description = "Confirm replacements: the new tasks load every table.")
  private boolean yes;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      defaultValue = "4",
      description = "Server stacks updated at once (default: ${DEFAULT-VALUE}).")
  private int concurrency;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "2h",
      converter = DurationConverter.class,
      description =
          "How long to wait for CloudFormation and DMS in all, such as 90m or 3h (default:"
              + " ${DEFAULT-VALUE}).")
  private Duration timeout;

  @Option(names = "--dry-run", description = "Read only: print the plan, as changes plan does.")
  private boolean dryRun;

  @Mixin private PollInterval pollInterval;

  ChangesApplyCommand(ClientFactory clients) {
    this.clients = clients;
  }

  @Override
  public Integer call() {
    ActionOptions.concurrency(spec, concurrency);
    Console console = global.console();
    ChangeSetOptions.Selected selected = changeSetOptions.select(console);
    console.progress(
        "Applying change set "
            + selected.changeSet()
            + " to "
            + Report.plural(selected.stacks().size(), "stack")
            + (dryRun ? " (dry run: nothing is changed)" : ""));
    try (ChangesCommand.Parts parts =
        new ChangesCommand.Parts(clients, global, console, selected, pollInterval.get())) {
      ChangePlan plan = parts.plan(parts.kinds);
      List<String> problems = plan.problems();
      if (!problems.isEmpty()) {
        throw new InvalidInputException(
            "nothing was sent, because:\n  " + String.join("\n  ", problems));
      }
      List<String> reloading = plan.reloading();
      if (!reloading.isEmpty() && !yes && !dryRun) {
        throw new InvalidInputException(
            Report.plural(reloading.size(), "task")
                + " would be replaced and load every table again ("
                + TasksCommand.firstFew(reloading)
                + "); nothing was sent. To apply, add --yes");
      }
      if (dryRun) {
        ChangesPlanCommand.print(console, global.output(), plan);
        return ExitCode.OK;
      }
      ChangeApplier applier =
          new ChangeApplier(
              parts.stacks,
              parts.kinds,
              parts.marks,
              new Resumer(parts.marks, parts.connectionTests),
              console,
              new ChangeApplier.Options(concurrency, timeout));
      Ledger ledger = new Ledger(ChangeApplier.items(plan), "changed");
      return new Mutation(console, global.output(), "ITEM", "item")
          .rerun(
              "stopped tasks carry the tag "
                  + parts.marks.tag()
                  + "; rerun 'dms-ops changes apply --change-set "
                  + selected.changeSet()
                  + "' to finish, or 'dms-ops changes resume --change-set "
                  + selected.changeSet()
                  + "' to only resume them")
          .run(ledger, () -> applier.apply(plan, ledger));
    }
  }
}
