package io.github.dmsfleet.ops;

import io.github.dmsfleet.model.Database;
import io.github.dmsfleet.ops.internal.Console;
import io.github.dmsfleet.ops.internal.Table;
import io.github.dmsfleet.ops.replication.Lifecycle;
import io.github.dmsfleet.ops.replication.ReplicationUnit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;

/** {@code dms-ops tasks status}. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Shows each task's status, migration type, stop reason, full-load progress, table counts and"
          + " last failure.",
      "Exits 1 when a task is failed or missing."
    })
final class TasksStatusCommand implements Callable<Integer> {
  static final String NOT_FOUND = "not-found";

  /** One task in JSON output; keys are stable. */
  record Row(
      String task,
      String server,
      String database,
      String status,
      String migrationType,
      String stopReason,
      Integer progressPercent,
      Integer tablesLoaded,
      Integer tablesLoading,
      Integer tablesQueued,
      Integer tablesErrored,
      String lastFailure,
      String recoveryCheckpoint) {
    boolean failed() {
      return NOT_FOUND.equals(status) || "failed".equals(status);
    }
  }

  private final ClientFactory clients;

  @Mixin private GlobalOptions global;

  @Mixin private FleetSelection selection;

  TasksStatusCommand(ClientFactory clients) {
    this.clients = clients;
  }

  @Override
  public Integer call() {
    Console console = global.console();
    FleetSelection.Selected selected = selection.select(console);
    Map<String, ReplicationUnit> units;
    try (DatabaseMigrationClient dms = clients.dms(global, console)) {
      units =
          TasksCommand.control(dms, selected.fleet(), Duration.ZERO, console)
              .describe(selected.taskIdentifiers(), false);
    }
    List<Row> rows =
        selected.databases().stream().map(d -> row(d, units.get(d.taskIdentifier()))).toList();
    if (global.output() == GlobalOptions.Output.JSON) {
      Report.json(console, rows);
    } else {
      Table table =
          Table.withColumns(
              "TASK",
              "STATUS",
              "TYPE",
              "STOP REASON",
              "PROGRESS",
              "LOADED",
              "ERRORED",
              "LAST FAILURE");
      rows.forEach(
          r ->
              table.row(
                  r.task(),
                  r.status(),
                  orDash(r.migrationType()),
                  orDash(r.stopReason()),
                  r.progressPercent() == null ? "-" : r.progressPercent() + "%",
                  orDash(r.tablesLoaded()),
                  orDash(r.tablesErrored()),
                  orDash(r.lastFailure())));
      table.print(console.out());
    }
    if (!rows.isEmpty() && units.isEmpty()) {
      console.warn(TasksCommand.NONE_FOUND);
    }
    return rows.stream().anyMatch(Row::failed) ? ExitCode.FAILED : ExitCode.OK;
  }

  private static Row row(Database database, ReplicationUnit unit) {
    if (unit == null) {
      return new Row(
          database.taskIdentifier(),
          database.serverName(),
          database.name(),
          NOT_FOUND,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null);
    }
    ReplicationUnit.Progress progress = unit.progress();
    return new Row(
        unit.identifier(),
        database.serverName(),
        database.name(),
        unit.status(),
        unit.migrationType() == null ? null : unit.migrationType().value(),
        unit.lifecycle() == Lifecycle.RUNNING ? null : unit.stopReason(),
        progress.percent(),
        progress.tablesLoaded(),
        progress.tablesLoading(),
        progress.tablesQueued(),
        progress.tablesErrored(),
        unit.lastFailure(),
        unit.recoveryCheckpoint());
  }

  private static Object orDash(Object value) {
    return value == null ? "-" : value;
  }
}
