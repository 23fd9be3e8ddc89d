package io.github.dmsfleet.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dmsfleet.ops.fake.FakeDms;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The task commands on a mixed fleet, against the fake DMS through the real SDK client: dbserver1's
 * databases replicate with tasks on an instance, dbserver2's with DMS Serverless replications
 * (StartReplication, StopReplication, DescribeReplications, DescribeReplicationTableStatistics,
 * ReloadReplicationTables), by the same decision table, consent and output.
 */
class ServerlessTasksTest extends FakeFleet {
  private static final String SALES = FULL_LOAD;
  private static final String INVENTORY = FAILED;
  private static final String STARTED = "ok: started: start-replication, running";

  @TempDir Path dir;

  /** Each serverless start phase long enough that 25 ms polls see it. */
  @Override
  FakeDms.Timing timing() {
    return new FakeDms.Timing(
        Duration.ZERO,
        Duration.ofMillis(150),
        Duration.ofMillis(700),
        Duration.ofMillis(150),
        Duration.ZERO,
        Duration.ofMillis(400));
  }

  @BeforeEach
  void mixedFleet() throws IOException {
    config = Cli.mixedFleetConfig(dir).toString();
  }

  private void replications(String salesType, String status, boolean ranBefore) {
    dms.addReplication(SALES, salesType, status, true, ranBefore);
    dms.addReplication(INVENTORY, "full-load-and-cdc", status, true, ranBefore);
  }

  @Test
  void aFirstStartShowsTheProvisioningAndWaitsUntilTheReplicationsRun() {
    replications("full-load-and-cdc", "created", false);

    Cli.Run run = tasksJson("start", "--server", "dbserver2", "--wait");

    assertThat(run.exitCode()).isZero();
    assertThat(run.results()).containsExactly(entry(SALES, STARTED), entry(INVENTORY, STARTED));
    assertThat(dms.startTypes(SALES)).containsExactly("start-replication");
    assertThat(dms.status(SALES)).isEqualTo("running");
    assertThat(dms.provisioning(SALES)).isEqualTo("provisioned 4");
    assertThat(run.err())
        .contains(
            "A serverless replication provisions its capacity before it runs, which can take tens"
                + " of minutes; waiting up to 90 minutes",
            SALES + ": started with start-replication",
            SALES + ": provisioning_capacity (provisioning)",
            SALES + ": replication_starting (provisioned, 4 DCU)",
            "2 tasks: 2 ok, 0 failed");
    List<String> phases = phases(run.err(), SALES);
    assertThat(phases).isSubsetOf(FakeDms.SERVERLESS_START);
    assertThat(phases)
        .isSortedAccordingTo(
            (a, b) -> FakeDms.SERVERLESS_START.indexOf(a) - FakeDms.SERVERLESS_START.indexOf(b));
    assertThat(dms.calls("DescribeReplicationTasks")).isZero();
  }

  @Test
  void aRerunLeavesRunningReplicationsAloneAndAStartingOneIsWaitedOn() {
    replications("full-load-and-cdc", "created", false);
    tasksJson("start", "--database", "sales");

    Cli.Run rerun = tasksJson("start", "--server", "dbserver2", "--wait");

    assertThat(rerun.exitCode()).isZero();
    assertThat(rerun.results())
        .containsExactly(entry(SALES, "ok: already starting, running"), entry(INVENTORY, STARTED));
    assertThat(dms.startTypes(SALES)).containsExactly("start-replication");

    Cli.Run again = tasksJson("start", "--server", "dbserver2");

    assertThat(again.results())
        .containsExactly(
            entry(SALES, "skipped: already running"), entry(INVENTORY, "skipped: already running"));
    assertThat(dms.calls("StartReplication")).isEqualTo(2);
  }

  @Test
  void aReplicationThatRanBeforeResumesAndOnePausedAfterItsFullLoadContinues() {
    dms.addReplication(SALES, "full-load-and-cdc", "stopped", true, true);
    dms.addReplication(INVENTORY, "full-load-and-cdc", "stopped", true, true);
    dms.stopReason(INVENTORY, "STOPPED_AFTER_CACHED_EVENTS");

    Cli.Run run = tasksJson("start", "--server", "dbserver2", "--wait");

    assertThat(run.results())
        .containsExactly(
            entry(SALES, "ok: started: resume-processing (it was stopped, NORMAL), running"),
            entry(
                INVENTORY,
                "ok: started: resume-processing (it was stopped, STOPPED_AFTER_CACHED_EVENTS),"
                    + " running"));
    assertThat(dms.startTypes(SALES)).containsExactly("resume-processing");
    assertThat(dms.startTypes(INVENTORY)).containsExactly("resume-processing");
  }

  @Test
  void aFinishedFullLoadIsLeftAloneAndStartsDmsDoesNotTakeAreRefusedBeforeTheyAreSent() {
    dms.addReplication(SALES, "full-load", "stopped", true, true);
    dms.stopReason(SALES, "FULL_LOAD_ONLY_FINISHED");
    dms.addReplication(INVENTORY, "full-load", "stopped", true, true);

    Cli.Run auto = tasksJson("start", "--server", "dbserver2");
    Cli.Run fresh =
        tasksJson("start", "--server", "dbserver2", "--start-type", "start-replication", "--yes");

    assertThat(auto.exitCode()).isEqualTo(ExitCode.FAILED);
    assertThat(auto.results())
        .containsExactly(
            entry(
                SALES,
                "skipped: full load finished (FULL_LOAD_ONLY_FINISHED); --start-type reload-target"
                    + " loads it again"),
            entry(
                INVENTORY,
                "failed: resume-processing does not apply to a full-load serverless replication;"
                    + " --start-type reload-target loads every table again"));
    assertThat(fresh.results())
        .containsOnly(
            entry(
                SALES,
                "failed: a serverless replication that ran before cannot start fresh;"
                    + " --start-type reload-target loads every table again"),
            entry(
                INVENTORY,
                "failed: a serverless replication that ran before cannot start fresh;"
                    + " --start-type reload-target loads every table again"));
    assertThat(dms.calls("StartReplication")).isZero();
  }

  @Test
  void aReloadTargetNeedsTheSelectionAndConsentLikeATask() {
    replications("full-load-and-cdc", "stopped", true);

    Cli.Run refused = tasks("start", "--start-type", "reload-target", "--yes");
    Cli.Run done =
        tasksJson(
            "start", "--server", "dbserver2", "--start-type", "reload-target", "--yes", "--wait");

    assertThat(refused.exitCode()).isEqualTo(ExitCode.NOTHING_SENT);
    assertThat(refused.err())
        .contains(
            "error: 2 tasks would start over and load every table again ("
                + SALES
                + ", "
                + INVENTORY
                + "); nothing was sent. To do it, choose them with --server and/or --database and"
                + " add --yes");
    assertThat(done.results())
        .containsExactly(
            entry(SALES, "ok: started: reload-target (it was stopped, NORMAL), running"),
            entry(INVENTORY, "ok: started: reload-target (it was stopped, NORMAL), running"));
    assertThat(dms.startTypes(SALES)).containsExactly("reload-target");
  }

  @Test
  void oneRunStartsTheTasksAndTheReplicationsOfAMixedFleet() {
    dms.addTask(NEW, "full-load-and-cdc", "ready", true, false);
    dms.addTask(STOPPED, "full-load-and-cdc", "stopped", true, true);
    dms.addTask(RUNNING, "full-load-and-cdc", "running", true, true);
    dms.addReplication(SALES, "full-load-and-cdc", "created", true, false);
    dms.addReplication(INVENTORY, "full-load-and-cdc", "running", true, true);

    Cli.Run run = tasksJson("start", "--wait");

    assertThat(run.exitCode()).isZero();
    assertThat(run.results())
        .containsExactly(
            entry(NEW, STARTED),
            entry(STOPPED, "ok: started: resume-processing (it was stopped, NORMAL), running"),
            entry(RUNNING, "skipped: already running"),
            entry(SALES, STARTED),
            entry(INVENTORY, "skipped: already running"));
    assertThat(dms.calls("StartReplicationTask")).isEqualTo(2);
    assertThat(dms.calls("StartReplication")).isEqualTo(1);
    assertThat(run.err()).contains("5 tasks: 3 ok, 2 skipped, 0 failed");
  }

  @Test
  void loggingOffIsReportedAndEnabledWithModifyReplicationConfig() {
    dms.addReplication(SALES, "full-load-and-cdc", "created", false, false);

    Cli.Run reported = tasksJson("start", "--database", "sales", "--dry-run");
    Cli.Run enabled = tasksJson("start", "--database", "sales", "--enable-logging");

    assertThat(reported.err())
        .contains(
            "warning: CloudWatch logging is off for 1 task ("
                + SALES
                + "); set Logging.EnableLogging in the task settings, or add --enable-logging");
    assertThat(enabled.results())
        .containsExactly(entry(SALES, "ok: logging enabled, started: start-replication"));
    assertThat(dms.calls("ModifyReplicationConfig")).isEqualTo(1);
    assertThat(dms.settings(SALES)).contains("\"EnableLogging\":true");
    assertThat(dms.settings(SALES)).doesNotContain("CloudWatchLogGroup");
  }

  @Test
  void stopStopsRunningReplicationsAndWaitsOutAStart() {
    dms.addReplication(SALES, "full-load-and-cdc", "running", true, true);
    dms.addReplication(INVENTORY, "full-load-and-cdc", "created", true, false);
    tasksJson("start", "--database", "inventory");

    Cli.Run run = tasksJson("stop", "--server", "dbserver2", "--wait");

    assertThat(run.exitCode()).isZero();
    assertThat(run.results())
        .containsExactly(entry(SALES, "ok: stopped"), entry(INVENTORY, "ok: stopped"));
    assertThat(dms.status(SALES)).isEqualTo("stopped");
    assertThat(dms.status(INVENTORY)).isEqualTo("stopped");
    assertThat(run.err()).contains(INVENTORY + ": waiting while it is starting");

    Cli.Run rerun = tasksJson("stop", "--server", "dbserver2");

    assertThat(rerun.results())
        .containsExactly(
            entry(SALES, "skipped: already stopped"), entry(INVENTORY, "skipped: already stopped"));
    assertThat(dms.calls("StopReplication")).isEqualTo(2);
  }

  @Test
  void statusShowsReplicationsAsTasksAreShown() {
    dms.addTask(NEW, "full-load-and-cdc", "ready", true, false);
    dms.addReplication(SALES, "full-load", "stopped", true, true);
    dms.stopReason(SALES, "FULL_LOAD_ONLY_FINISHED");
    dms.addReplication(INVENTORY, "full-load-and-cdc", "failed", true, true);

    Cli.Run run = tasksJson("status");

    assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
    JsonNode rows = run.json();
    assertThat(rows).hasSize(5);
    assertThat(rows.get(0).get("status").asText()).isEqualTo("ready");
    assertThat(rows.get(1).get("status").asText()).isEqualTo("not-found");
    assertThat(rows.get(3).toString())
        .isEqualTo(
            "{\"task\":\"dbserver2-sales-all\",\"server\":\"dbserver2\",\"database\":\"sales\","
                + "\"status\":\"stopped\",\"migrationType\":\"full-load\","
                + "\"stopReason\":\"FULL_LOAD_ONLY_FINISHED\",\"progressPercent\":100,"
                + "\"tablesLoaded\":3,\"tablesLoading\":0,\"tablesQueued\":0,\"tablesErrored\":0,"
                + "\"lastFailure\":null,\"recoveryCheckpoint\":null}");
    assertThat(rows.get(4).get("status").asText()).isEqualTo("failed");
    assertThat(rows.get(4).get("tablesErrored").asInt()).isEqualTo(1);
  }

  @Test
  void aFailedStartReportsDmsFailureMessages() {
    dms.addReplication(INVENTORY, "full-load-and-cdc", "created", true, false);
    dms.failOnStart(
        INVENTORY, "Test connection for the source endpoint failed: Login failed for 'dms'");

    Cli.Run run = tasksJson("start", "--database", "inventory", "--wait");
    Cli.Run status = tasksJson("status", "--database", "inventory");

    assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
    assertThat(run.results())
        .containsExactly(
            entry(
                INVENTORY,
                "failed: started: start-replication, then failed: Test connection for the source"
                    + " endpoint failed: Login failed for 'dms'"));
    assertThat(status.json().get(0).get("lastFailure").asText())
        .isEqualTo("Test connection for the source endpoint failed: Login failed for 'dms'");
  }

  @Test
  void tablesReadsEveryPageAndNarrowsByStateItself() {
    dms.addReplication(SALES, "full-load-and-cdc", "running", true, true);
    for (int i = 0; i < 130; i++) {
      dms.addTable(SALES, "dbo", "t" + i, i == 42 ? "Table error" : "Table completed");
    }

    Cli.Run all = tasksJson("tables", "--database", "sales");
    Cli.Run errored = tasksJson("tables", "--server", "dbserver2", "--state", "Table error");

    assertThat(all.exitCode()).isEqualTo(ExitCode.FAILED);
    assertThat(all.json()).hasSize(130);
    assertThat(all.err()).contains("130 tables: 129 Table completed, 1 Table error");
    assertThat(errored.json()).hasSize(1);
    assertThat(errored.json().get(0).toString())
        .isEqualTo(
            "{\"task\":\"dbserver2-sales-all\",\"schema\":\"dbo\",\"table\":\"t42\","
                + "\"state\":\"Table error\",\"fullLoadRows\":1000,\"inserts\":12,\"updates\":3,"
                + "\"deletes\":1,\"ddls\":0,\"validationState\":\"Not enabled\","
                + "\"lastUpdate\":\"2023-11-14T22:13:20Z\"}");
    assertThat(dms.calls("DescribeReplicationTableStatistics")).isEqualTo(4);
  }

  @Test
  void reloadReloadsErroredTablesOfARunningReplicationWithConsentForMore() {
    dms.addTask(RUNNING, "full-load-and-cdc", "running", true, true);
    dms.addTable(RUNNING, "dbo", "orders", "Table error");
    dms.addReplication(SALES, "full-load-and-cdc", "running", true, true);
    dms.addTable(SALES, "dbo", "order_lines", "Table error");
    dms.addReplication(INVENTORY, "full-load-and-cdc", "stopped", true, true);
    dms.addTable(INVENTORY, "dbo", "stock", "Table error");

    Cli.Run refused = tasks("reload", "--errored");
    Cli.Run one = tasksJson("reload", "--server", "dbserver2", "--errored");
    Cli.Run rerun = tasksJson("reload", "--server", "dbserver2", "--errored");

    assertThat(refused.exitCode()).isEqualTo(ExitCode.NOTHING_SENT);
    assertThat(refused.err())
        .contains(
            "error: 2 tasks would reload tables ("
                + RUNNING
                + ", "
                + SALES
                + "); nothing was sent. Add --yes to reload them, or choose one with --server and"
                + " --database");
    assertThat(one.results())
        .containsExactly(
            entry(SALES, "ok: reload requested: dbo.order_lines (data-reload)"),
            entry(
                INVENTORY,
                "skipped: not running (stopped); only a running replication reloads tables"));
    assertThat(dms.reloads(SALES)).containsExactly("dbo.order_lines(data-reload)");
    assertThat(rerun.results()).containsEntry(SALES, "skipped: no table in error");
    assertThat(dms.calls("ReloadReplicationTables")).isEqualTo(1);
    assertThat(dms.calls("ReloadTables")).isZero();
  }

  /** The start phases a run printed for one replication, in order. */
  private static List<String> phases(String err, String id) {
    List<String> phases = new ArrayList<>();
    for (String line : err.lines().toList()) {
      if (line.startsWith(id + ": ") && !line.contains("started with")) {
        phases.add(line.substring(id.length() + 2).replaceAll(" \\(.*\\)$", ""));
      }
    }
    return phases;
  }
}
