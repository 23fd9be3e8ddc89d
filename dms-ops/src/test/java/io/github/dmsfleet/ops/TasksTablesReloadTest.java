package io.github.dmsfleet.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code tasks tables} and {@code tasks reload} against the fake DMS. */
class TasksTablesReloadTest extends FakeFleet {
  private void tablesWithOneError() {
    fleetInMixedStates();
    dms.addTable(RUNNING, "dbo", "orders", "Table completed");
    dms.addTable(RUNNING, "dbo", "order_lines", "Table error");
    dms.addTable(STOPPED, "dbo", "orders", "Table completed");
    dms.addTable(STOPPED, "sales", "orders", "Table error");
  }

  @Test
  void tablesListsEveryTableOfTheSelectedTasksWithACountPerState() {
    tablesWithOneError();

    Cli.Run table = tasks("tables", "--server", "dbserver1");
    Cli.Run json = tasksJson("tables", "--server", "dbserver1");

    assertThat(table.exitCode()).isEqualTo(ExitCode.FAILED);
    assertThat(table.out())
        .contains("TASK                   SCHEMA  TABLE        STATE            FULL LOAD ROWS")
        .contains("4 tables: 2 Table completed, 2 Table error");
    JsonNode first = json.json().get(0);
    assertThat(first.toString())
        .isEqualTo(
            "{\"task\":\""
                + STOPPED
                + "\",\"schema\":\"dbo\",\"table\":\"orders\",\"state\":\"Table completed\","
                + "\"fullLoadRows\":1000,\"inserts\":12,\"updates\":3,\"deletes\":1,\"ddls\":0,"
                + "\"validationState\":\"Not enabled\",\"lastUpdate\":\"2023-11-14T22:13:20Z\"}");
  }

  @Test
  void tablesOfAFleetNotFoundSaysWhereToLook() {
    Cli.Run run = tasksJson("tables");

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.json()).isEmpty();
    assertThat(run.err()).contains("warning: " + TasksCommand.NONE_FOUND).contains("0 tables");
  }

  @Test
  void stateFiltersWithDmsFilter() {
    tablesWithOneError();

    Cli.Run run = tasksJson("tables", "--state", "Table error");

    List<String> tables = new ArrayList<>();
    run.json()
        .forEach(
            t ->
                tables.add(
                    t.get("task").asText()
                        + " "
                        + t.get("schema").asText()
                        + "."
                        + t.get("table").asText()));
    assertThat(tables).containsExactly(STOPPED + " sales.orders", RUNNING + " dbo.order_lines");
    assertThat(run.err()).contains("2 tables: 2 Table error");
  }

  @Test
  void reloadErroredReloadsOnlyTablesInErrorOfRunningTasks() {
    tablesWithOneError();

    Cli.Run run = tasksJson("reload", "--server", "dbserver1", "--errored");

    assertThat(run.exitCode()).isZero();
    assertThat(run.results())
        .containsExactly(
            entry(NEW, "skipped: not running (ready); only a running task reloads tables"),
            entry(STOPPED, "skipped: not running (stopped); only a running task reloads tables"),
            entry(RUNNING, "ok: reload requested: dbo.order_lines (data-reload)"));
    assertThat(dms.reloads(RUNNING)).containsExactly("dbo.order_lines(data-reload)");
    assertThat(dms.reloads(STOPPED)).isEmpty();
  }

  @Test
  void reloadOfMissingTasksFailsThemWithAHintWhereToLook() {
    Cli.Run run = tasksJson("reload", "--server", "dbserver1", "--errored");

    assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
    assertThat(run.results())
        .containsEntry(STOPPED, "failed: not found; deploy the fleet first, or check --region");
    assertThat(run.err()).contains("warning: " + TasksCommand.NONE_FOUND);
  }

  @Test
  void reloadOfNamedTablesGoesOnlyToTasksThatHaveThem() {
    tablesWithOneError();

    Cli.Run run =
        tasksJson(
            "reload",
            "--database",
            "dbname3",
            "--table",
            "dbo.orders",
            "--table",
            "dbo.missing",
            "--reload-option",
            "validate-only");

    assertThat(run.results())
        .containsExactly(entry(RUNNING, "ok: reload requested: dbo.orders (validate-only)"));
    assertThat(dms.reloads(RUNNING)).containsExactly("dbo.orders(validate-only)");
  }

  @Test
  void reloadInMoreThanOneTaskNeedsYes() {
    dms.addTask(RUNNING, "full-load-and-cdc", "running", true, true);
    dms.addTask(FAILED, "full-load-and-cdc", "running", true, true);
    dms.addTable(RUNNING, "dbo", "order_lines", "Table error");
    dms.addTable(FAILED, "inv", "stock", "Table error");

    Cli.Run without = tasks("reload", "--errored");
    int writes = dms.writeCalls();
    Cli.Run with = tasksJson("reload", "--errored", "--yes");

    assertThat(without.exitCode()).isEqualTo(ExitCode.NOTHING_SENT);
    assertThat(writes).isZero();
    assertThat(without.err())
        .contains(
            "error: 2 tasks would reload tables ("
                + RUNNING
                + ", "
                + FAILED
                + "); nothing was sent. Add --yes to reload them, or choose one with --server and"
                + " --database");
    assertThat(with.results())
        .containsEntry(RUNNING, "ok: reload requested: dbo.order_lines (data-reload)")
        .containsEntry(FAILED, "ok: reload requested: inv.stock (data-reload)")
        .containsEntry(NEW, "failed: not found; deploy the fleet first, or check --region");
  }

  @Test
  void reloadNeedsATableOrErrored() {
    Cli.Run run = Cli.run(Cli.NO_AWS, "tasks", "reload", "--config", Cli.CONFIG);

    assertThat(run.exitCode()).isEqualTo(ExitCode.NOTHING_SENT);
    assertThat(run.err())
        .contains(
            "error: Error: Missing required argument (specify one of these): (--table=SCHEMA.TABLE [--table=SCHEMA.TABLE]... | --errored)");
  }
}
