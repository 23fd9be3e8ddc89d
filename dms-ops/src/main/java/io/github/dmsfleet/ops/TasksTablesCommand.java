package io.github.dmsfleet.ops;

import io.github.dmsfleet.ops.internal.Console;
import io.github.dmsfleet.ops.internal.Table;
import io.github.dmsfleet.ops.replication.ReplicationControl;
import io.github.dmsfleet.ops.replication.TableQuery;
import io.github.dmsfleet.ops.replication.TableStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;

/** {@code dms-ops tasks tables}. */
@Command(
    name = "tables",
    mixinStandardHelpOptions = true,
    description = {
      "Shows every table of the selected tasks as DMS's table statistics report it, and a count per"
          + " state.",
      "Exits 1 when a table is in error."
    })
final class TasksTablesCommand implements Callable<Integer> {
  /** One table in JSON output; keys are stable. */
  record Row(
      String task,
      String schema,
      String table,
      String state,
      Long fullLoadRows,
      Long inserts,
      Long updates,
      Long deletes,
      Long ddls,
      String validationState,
      String lastUpdate) {}

  private final ClientFactory clients;

  @Spec private CommandSpec spec;

  @Mixin private GlobalOptions global;

  @Mixin private FleetSelection selection;

  @Option(
      names = "--state",
      paramLabel = "STATE",
      description =
          "Only tables in this state, as DMS writes it, such as \"Table error\" or \"Table completed\";"
              + " repeat for more.")
  private List<String> states = new ArrayList<>();

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      defaultValue = "16",
      description = "Tasks described at once (default: ${DEFAULT-VALUE}).")
  private int concurrency;

  TasksTablesCommand(ClientFactory clients) {
    this.clients = clients;
  }

  @Override
  public Integer call() {
    Console console = global.console();
    int describedAtOnce = ActionOptions.concurrency(spec, concurrency);
    FleetSelection.Selected selected = selection.select(console);
    List<String> tasks = selected.taskIdentifiers();
    ReplicationControl.Tables tables;
    try (DatabaseMigrationClient dms = clients.dms(global, console)) {
      tables =
          TasksCommand.control(dms, selected.fleet(), Duration.ZERO, console)
              .tables(tasks, new TableQuery(states, List.of()), describedAtOnce);
    }
    if (!tasks.isEmpty() && tables.unitsFound() == 0) {
      console.warn(TasksCommand.NONE_FOUND);
    }
    List<Row> rows =
        tables.tables().stream()
            .map(
                t ->
                    new Row(
                        t.unit(),
                        t.name().schema(),
                        t.name().table(),
                        t.state(),
                        t.fullLoadRows(),
                        t.inserts(),
                        t.updates(),
                        t.deletes(),
                        t.ddls(),
                        t.validationState(),
                        t.lastUpdate() == null ? null : t.lastUpdate().toString()))
            .toList();
    Map<String, Long> perState =
        new TreeMap<>(
            rows.stream().collect(Collectors.groupingBy(Row::state, Collectors.counting())));
    String summary =
        Report.plural(rows.size(), "table")
            + (perState.isEmpty()
                ? ""
                : ": "
                    + perState.entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining(", ")));
    if (global.output() == GlobalOptions.Output.JSON) {
      Report.json(console, rows);
      console.progress(summary);
    } else {
      Table table =
          Table.withColumns(
              "TASK",
              "SCHEMA",
              "TABLE",
              "STATE",
              "FULL LOAD ROWS",
              "INSERTS",
              "UPDATES",
              "DELETES",
              "DDLS",
              "VALIDATION",
              "LAST UPDATE");
      rows.forEach(
          r ->
              table.row(
                  r.task(),
                  r.schema(),
                  r.table(),
                  r.state(),
                  r.fullLoadRows(),
                  r.inserts(),
                  r.updates(),
                  r.deletes(),
                  r.ddls(),
                  r.validationState(),
                  r.lastUpdate()));
      table.print(console.out());
      console.result(summary);
    }
    return perState.containsKey(TableStatus.ERROR) ? ExitCode.FAILED : ExitCode.OK;
  }
}
