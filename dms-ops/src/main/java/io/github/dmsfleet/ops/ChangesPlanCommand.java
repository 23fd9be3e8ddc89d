package io.github.dmsfleet.ops;

import io.github.dmsfleet.ops.changes.ChangePlan;
import io.github.dmsfleet.ops.changes.ChangeSetState;
import io.github.dmsfleet.ops.changes.StackPlan;
import io.github.dmsfleet.ops.changes.UnitPlan;
import io.github.dmsfleet.ops.internal.Console;
import io.github.dmsfleet.ops.internal.Table;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code dms-ops changes plan}. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "Shows, per stack, every task the change set touches and why (task modified, replaced or"
          + " removed; source or target endpoint modified or replaced; instance modified, with"
          + " whether it restarts), its status, and what apply will do with it. Reads only.",
      "Exits 1 when apply would refuse the change set, 2 when no stack has it."
    })
final class ChangesPlanCommand implements Callable<Integer> {
  private final ClientFactory clients;

  @Mixin private GlobalOptions global;

  @Mixin private ChangeSetOptions changeSetOptions;

  @Mixin private PollInterval pollInterval;

  ChangesPlanCommand(ClientFactory clients) {
    this.clients = clients;
  }

  /** One line of the plan: a stack, or a task it touches. JSON keys are stable. */
  record Row(
      String stack,
      String server,
      String changeSet,
      Integer changes,
      String task,
      String status,
      String why,
      String apply,
      String detail) {}

  @Override
  public Integer call() {
    Console console = global.console();
    ChangeSetOptions.Selected selected = changeSetOptions.select(console);
    console.progress(
        "Reading change set "
            + selected.changeSet()
            + " of "
            + Report.plural(selected.stacks().size(), "stack"));
    try (ChangesCommand.Parts parts =
        new ChangesCommand.Parts(clients, global, console, selected, pollInterval.get())) {
      ChangePlan plan = parts.plan(parts.kinds);
      print(console, global.output(), plan);
      List<String> problems = plan.problems();
      problems.forEach(p -> console.warn("apply would refuse: " + p));
      return problems.isEmpty() ? ExitCode.OK : ExitCode.FAILED;
    }
  }

  /** The plan as a table or JSON, then its summary (and what apply needs). */
  static void print(Console console, GlobalOptions.Output output, ChangePlan plan) {
    List<Row> rows = rows(plan);
    if (output == GlobalOptions.Output.JSON) {
      Report.json(console, rows);
    } else {
      Table table = Table.withColumns("STACK", "TASK", "STATUS", "WHY", "APPLY");
      for (Row row : rows) {
        if (row.task() == null) {
          table.row(row.stack(), "-", "-", row.detail(), row.apply() == null ? "-" : row.apply());
        } else {
          table.row("", row.task(), row.status(), row.why(), row.detail());
        }
      }
      table.print(console.out());
    }
    String summary = summary(plan);
    if (output == GlobalOptions.Output.JSON) {
      console.progress(summary);
    } else {
      console.result(summary);
    }
    List<String> reloading = plan.reloading();
    if (!reloading.isEmpty()) {
      console.warn(
          "apply needs --yes: "
              + Report.plural(reloading.size(), "task")
              + " would be replaced and load every table again ("
              + TasksCommand.firstFew(reloading)
              + ")");
    }
  }

  static List<Row> rows(ChangePlan plan) {
    List<Row> rows = new ArrayList<>();
    for (StackPlan stack : plan.stacks()) {
      ChangeSetState state = stack.changeSet().state();
      String apply =
          switch (state) {
            case READY -> "execute";
            case EXECUTING -> "wait";
            default -> null;
          };
      rows.add(
          new Row(
              stack.name(),
              stack.stack().server(),
              state.toString(),
              stack.changeSet().changeCount(),
              null,
              null,
              null,
              apply,
              stack.summary()));
      for (UnitPlan unit : stack.units()) {
        rows.add(
            new Row(
                stack.name(),
                stack.stack().server(),
                state.toString(),
                null,
                unit.identifier(),
                unit.unit().status(),
                unit.why(),
                unit.action().toString(),
                unit.detail()));
      }
    }
    return rows;
  }

  /** {@code 6 stacks: 2 to update, 4 unchanged; 3 tasks: 2 to stop and resume, 1 left alone}. */
  static String summary(ChangePlan plan) {
    long updating = plan.stacks().stream().filter(s -> s.changeSet().state().updates()).count();
    String stacks =
        Report.plural(plan.stacks().size(), "stack")
            + ": "
            + updating
            + " to update, "
            + (plan.stacks().size() - updating)
            + " not";
    List<UnitPlan> units = plan.units();
    if (units.isEmpty()) {
      return stacks + "; no task touched";
    }
    Map<UnitPlan.Action, Long> counts = new EnumMap<>(UnitPlan.Action.class);
    units.forEach(u -> counts.merge(u.action(), 1L, Long::sum));
    return stacks
        + "; "
        + Report.plural(units.size(), "task")
        + ": "
        + counts.entrySet().stream()
            .map(e -> e.getValue() + " " + words(e.getKey()))
            .collect(Collectors.joining(", "));
  }

  private static String words(UnitPlan.Action action) {
    return switch (action) {
      case STOP_AND_RESUME -> "to stop and resume";
      case RESUME -> "to resume";
      case REPLACE -> "replaced";
      case STOP -> "to stop for deletion";
      case NOTHING -> "left alone";
    };
  }
}
