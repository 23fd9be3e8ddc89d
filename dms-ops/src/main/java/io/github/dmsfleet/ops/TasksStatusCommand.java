package io.github.dmsfleet.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dmsfleet.model.Database;
import io.github.dmsfleet.ops.internal.Console;
import io.github.dmsfleet.ops.internal.Table;
import io.github.dmsfleet.ops.internal.tasks.TaskReport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;

/** {@code dms-ops tasks status}. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Shows each task's status, full-load progress, tables loaded and errored, and last failure.",
      "Exits 1 when a task is failed or missing."
    })
final class TasksStatusCommand implements Callable<Integer> {
  /** How the rows are printed. */
  enum Output {
    TABLE,
    JSON
  }

  /** One task in JSON output. */
  record JsonRow(
      String task,
      String server,
      String database,
      String status,
      Integer progressPercent,
      Integer tablesLoaded,
      Integer tablesErrored,
      String lastFailure) {}

  @ParentCommand private TasksCommand parent;

  @Mixin private GlobalOptions global;

  @Mixin private FleetSelection selection;

  @Option(
      names = "--output",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  private Output output;

  @Override
  public Integer call() throws JsonProcessingException {
    Console console = global.console();
    List<Database> databases = selection.select(console).databases();
    List<TaskReport.Row> rows;
    try (DatabaseMigrationClient dms = parent.root.clients().dms(global)) {
      rows = new TaskReport(dms).rows(databases.stream().map(Database::taskIdentifier).toList());
    }
    if (output == Output.JSON) {
      List<JsonRow> json = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        TaskReport.Row row = rows.get(i);
        json.add(
            new JsonRow(
                row.task(),
                databases.get(i).serverName(),
                databases.get(i).name(),
                row.status(),
                row.progressPercent(),
                row.tablesLoaded(),
                row.tablesErrored(),
                row.lastFailure()));
      }
      console.result(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json));
    } else {
      Table table =
          Table.withColumns("TASK", "STATUS", "PROGRESS", "LOADED", "ERRORED", "LAST FAILURE");
      rows.forEach(
          r ->
              table.row(
                  r.task(),
                  r.status(),
                  r.progressPercent() == null ? "-" : r.progressPercent() + "%",
                  orDash(r.tablesLoaded()),
                  orDash(r.tablesErrored()),
                  r.lastFailure() == null ? "-" : r.lastFailure()));
      table.print(console.out());
    }
    return rows.stream().anyMatch(TaskReport.Row::failed) ? ExitCode.FAILED : ExitCode.OK;
  }

  private static Object orDash(Integer value) {
    return value == null ? "-" : value;
  }
}
