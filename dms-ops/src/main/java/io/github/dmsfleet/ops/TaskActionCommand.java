package io.github.dmsfleet.ops;

import io.github.dmsfleet.ops.internal.Console;
import io.github.dmsfleet.ops.replication.Ledger;
import io.github.dmsfleet.ops.replication.ReplicationControl;
import io.github.dmsfleet.ops.replication.Result;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;

/**
 * What {@code tasks start}, {@code stop} and {@code reload} share: the selection and action
 * options, the selected tasks' control over one DMS client, and one report of every task's result
 * however the run ends.
 */
abstract class TaskActionCommand implements Callable<Integer> {
  private final ClientFactory clients;

  /**
   * What the progress line before any call says the command does, such as {@code Starting}; null
   * when the command announces itself later, once it knows which tasks it acts on.
   */
  private final String doing;

  @Spec private CommandSpec spec;

  @Mixin GlobalOptions global;

  @Mixin private FleetSelection selection;

  @Mixin ActionOptions action;

  TaskActionCommand(ClientFactory clients, String doing) {
    this.clients = clients;
    this.doing = doing;
  }

  /** One run of the command: what it acts on and what it acts through. */
  final class Run {
    final Console console;
    final FleetSelection.Selected selected;
    final int concurrency;
    final ReplicationControl control;

    private Run(
        Console console,
        FleetSelection.Selected selected,
        int concurrency,
        ReplicationControl control) {
      this.console = console;
      this.selected = selected;
      this.concurrency = concurrency;
      this.control = control;
    }

    List<String> tasks() {
      return selected.taskIdentifiers();
    }

    /** The {@code --timeout} given, or the default for the selected tasks. */
    Duration timeout() {
      return action.timeout(TasksCommand.anyServerless(selected.fleet(), selected.databases()));
    }

    /** Prints the progress line {@code Reloading tables of 2 tasks}, marked when a dry run. */
    void announce(String doing, int tasks) {
      TaskActionCommand.this.announce(console, doing, tasks);
    }

    /**
     * Acts on the selected tasks and reports every one's result; when no task was found, the likely
     * cause is where the command looked, not the fleet, and a warning says so.
     *
     * @param done what the ledger calls a task acted on, such as {@code started}
     */
    int report(String done, Function<Ledger, List<Result>> act) {
      Ledger ledger = new Ledger(tasks(), done);
      List<Result> results = new ArrayList<>();
      int exitCode =
          new Mutation(console, global.output(), "TASK", "task")
              .run(
                  ledger,
                  () -> {
                    results.addAll(act.apply(ledger));
                    return results;
                  });
      if (!results.isEmpty()
          && results.stream().allMatch(r -> r.detail().startsWith("not found"))) {
        console.warn(TasksCommand.NONE_FOUND);
      }
      return exitCode;
    }
  }

  @Override
  public final Integer call() {
    Console console = global.console();
    int concurrency = action.concurrency(spec);
    FleetSelection.Selected selected = selection.select(console);
    if (doing != null) {
      announce(console, doing, selected.taskIdentifiers().size());
    }
    try (DatabaseMigrationClient dms = clients.dms(global, console)) {
      ReplicationControl control =
          TasksCommand.control(dms, selected.fleet(), action.pollInterval.get(), console);
      return act(new Run(console, selected, concurrency, control));
    }
  }

  private void announce(Console console, String doing, int tasks) {
    console.progress(
        doing
            + " "
            + Report.plural(tasks, "task")
            + (action.dryRun ? " (dry run: nothing is changed)" : ""));
  }

  /** Plans, checks consent, acts and reports; the client closes after. */
  abstract int act(Run run);
}
