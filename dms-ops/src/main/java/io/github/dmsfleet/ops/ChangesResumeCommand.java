package io.github.dmsfleet.ops;

import io.github.dmsfleet.ops.changes.FleetStack;
import io.github.dmsfleet.ops.changes.Resumer;
import io.github.dmsfleet.ops.changes.StopMarks;
import io.github.dmsfleet.ops.changes.UnitKind;
import io.github.dmsfleet.ops.changes.Wired;
import io.github.dmsfleet.ops.internal.Batch;
import io.github.dmsfleet.ops.internal.Console;
import io.github.dmsfleet.ops.internal.aws.Errors;
import io.github.dmsfleet.ops.replication.Ledger;
import io.github.dmsfleet.ops.replication.ReplicationUnit;
import io.github.dmsfleet.ops.replication.Result;
import io.github.dmsfleet.ops.replication.StartDecision;
import io.github.dmsfleet.ops.replication.StartType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dms-ops changes resume}. */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description = {
      "Resumes every task an apply of the change set stopped and left tagged "
          + StopMarks.KEY
          + "=<stack prefix>/<change set> (after Ctrl-C or a crash), with the start type the"
          + " start decision table gives, and takes the tags off. Refused while a stack of the"
          + " fleet is still updating: changes apply waits for it, then resumes."
    })
final class ChangesResumeCommand implements Callable<Integer> {
  private final ClientFactory clients;

  @Spec private CommandSpec spec;

  @Mixin private GlobalOptions global;

  @Mixin private ChangeSetOptions changeSetOptions;

  @Mixin private ActionOptions action;

  ChangesResumeCommand(ClientFactory clients) {
    this.clients = clients;
  }

  @Override
  public Integer call() {
    Console console = global.console();
    int concurrency = action.concurrency(spec);
    ChangeSetOptions.Selected selected = changeSetOptions.select(console);
    try (ChangesCommand.Parts parts =
        new ChangesCommand.Parts(clients, global, console, selected, action.pollInterval.get())) {
      List<String> updating = updating(parts, selected.stacks());
      if (!updating.isEmpty()) {
        throw new InvalidInputException(
            String.join(", ", updating)
                + "; resuming now would race the update. Wait for it, or run changes apply"
                + " --change-set "
                + selected.changeSet()
                + ", which waits and then resumes");
      }
      Map<UnitKind, List<Wired>> marked = new LinkedHashMap<>();
      for (UnitKind kind : parts.kinds) {
        List<Wired> units =
            Errors.failingTheRun(() -> parts.marks.markedAmong(kind.finder().all()));
        if (!units.isEmpty()) {
          marked.put(kind, units);
        }
      }
      List<String> ids =
          marked.values().stream().flatMap(List::stream).map(w -> w.unit().identifier()).toList();
      if (ids.isEmpty()) {
        // Nothing to resume is only an answer when the change set exists: a typo is refused.
        parts.plan(List.of());
        console.result("No task carries the tag " + parts.marks.tag() + ": nothing to resume");
        return ExitCode.OK;
      }
      console.progress(
          "Resuming "
              + Report.plural(ids.size(), "task")
              + " tagged "
              + parts.marks.tag()
              + (action.dryRun ? " (dry run: nothing is changed)" : ""));
      if (action.dryRun) {
        return Report.results(console, global.output(), "TASK", "task", wouldStart(marked));
      }
      Resumer resumer = new Resumer(parts.marks, parts.connectionTests);
      boolean serverless =
          marked.keySet().stream()
              .anyMatch(k -> k.noun().equals(ReplicationUnit.Kind.SERVERLESS.noun()));
      Instant deadline = Instant.now().plus(action.timeout(serverless));
      Ledger ledger = new Ledger(ids, "started");
      return new Mutation(console, global.output(), "TASK", "task")
          .rerun(
              "rerun 'dms-ops changes resume --change-set " + selected.changeSet() + "' to finish")
          .run(
              ledger,
              () -> {
                List<Result> results = new ArrayList<>();
                marked.forEach(
                    (kind, units) ->
                        results.addAll(resumer.resume(kind, units, concurrency, ledger, deadline)));
                return results;
              });
    }
  }

  /** The fleet's stacks an update runs on, as {@code name is STATUS}. */
  private static List<String> updating(ChangesCommand.Parts parts, List<FleetStack> stacks) {
    List<String> statuses =
        Batch.map(stacks, 8, s -> Errors.failingTheRun(() -> parts.stacks.status(s.name())));
    List<String> updating = new ArrayList<>();
    for (int i = 0; i < stacks.size(); i++) {
      String status = statuses.get(i);
      if (status != null
          && status.endsWith("_IN_PROGRESS")
          && !status.equals("REVIEW_IN_PROGRESS")) {
        updating.add(stacks.get(i).name() + " is " + status);
      }
    }
    return updating;
  }

  private static List<Result> wouldStart(Map<UnitKind, List<Wired>> marked) {
    List<Result> results = new ArrayList<>();
    marked.forEach(
        (kind, units) ->
            units.forEach(
                w ->
                    results.add(
                        Result.would(
                            w.unit().identifier(),
                            StartDecision.of(w.unit(), StartType.AUTO).detail()))));
    return results;
  }
}
