package io.github.dmsfleet.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code tasks stop} and {@code tasks status} against the fake DMS. */
class TasksStopStatusTest extends FakeFleet {
  @Test
  void stopWaitsUntilStoppedAndLeavesOtherTasksAlone() {
    fleetInMixedStates();

    Cli.Run run = tasksJson("stop", "--wait");

    assertThat(run.exitCode()).isZero();
    assertThat(run.results())
        .containsExactly(
            entry(NEW, "skipped: not running (ready)"),
            entry(STOPPED, "skipped: already stopped"),
            entry(RUNNING, "ok: stopped"),
            entry(FULL_LOAD, "skipped: not running (ready)"),
            entry(FAILED, "skipped: not running (failed)"));
    assertThat(dms.status(RUNNING)).isEqualTo("stopped");
    assertThat(dms.calls("StopReplicationTask")).isEqualTo(1);
  }

  @Test
  void aStoppedTaskIsResumedByTheNextStart() {
    fleetInMixedStates();
    tasks("stop", "--database", "dbname3", "--wait");

    Cli.Run start = tasksJson("start", "--database", "dbname3");

    assertThat(start.results())
        .containsExactly(entry(RUNNING, "ok: started: resume-processing (it was stopped, NORMAL)"));
  }

  @Test
  void dryRunsMakeNoWriteCalls() {
    fleetInMixedStates();

    Cli.Run start = tasksJson("start", "--dry-run", "--enable-logging");
    Cli.Run stop = tasksJson("stop", "--dry-run");

    assertThat(dms.writeCalls()).isZero();
    assertThat(start.results())
        .containsEntry(NEW, "would: enable CloudWatch logging, then start-replication")
        .containsEntry(STOPPED, "would: resume-processing (it was stopped, NORMAL)");
    assertThat(stop.results()).containsEntry(RUNNING, "would: stop");
  }

  @Test
  void statusJsonHasEveryDocumentedKey() throws Exception {
    fleetInMixedStates();
    dms.stopReason(STOPPED, "STOPPED_AFTER_FULL_LOAD");

    Cli.Run run = tasksJson("status");

    assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
    JsonNode rows = run.json();
    assertThat(rows).hasSize(5);
    JsonNode stopped = rows.get(1);
    assertThat(stopped.toString())
        .isEqualTo(
            "{\"task\":\""
                + STOPPED
                + "\",\"server\":\"dbserver1\",\"database\":\"dbname2\",\"status\":\"stopped\","
                + "\"migrationType\":\"full-load-and-cdc\",\"stopReason\":\"STOPPED_AFTER_FULL_LOAD\","
                + "\"progressPercent\":100,\"tablesLoaded\":3,\"tablesLoading\":null,"
                + "\"tablesQueued\":null,\"tablesErrored\":0,\"lastFailure\":null,"
                + "\"recoveryCheckpoint\":null}");
    assertThat(rows.get(0).get("stopReason").isNull()).isTrue();
    assertThat(rows.get(4).get("status").asText()).isEqualTo("failed");
  }

  @Test
  void statusOfTasksThatDoNotExistSaysWhereToLook() {
    Cli.Run run = tasks("status");

    assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
    assertThat(run.out()).contains(NEW + "    not-found");
    assertThat(run.err()).contains("warning: none of the fleet's tasks was found");
  }
}
