package io.github.dmsfleet.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dmsfleet.ops.fake.FakeDms;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code tasks start}, {@code status} and {@code stop} against the fake DMS: what moto cannot do.
 */
class TasksCommandFakeTest {
  private static final String NEW = "dbserver1-dbname1-all";
  private static final String STOPPED = "dbserver1-dbname2-all";
  private static final String RUNNING = "dbserver1-dbname3-all";
  private static final String FULL_LOAD = "dbserver2-sales-all";
  private static final String FAILED = "dbserver2-inventory-all";

  private final FakeDms dms = FakeDms.start(FakeDms.Timing.quick());

  @AfterEach
  void stopFake() {
    dms.close();
  }

  /** The sample config's five tasks in five different states. */
  private void fleetInMixedStates() {
    dms.addTask(NEW, "full-load-and-cdc", "ready", false, false);
    dms.addTask(STOPPED, "full-load-and-cdc", "stopped", true, true);
    dms.addTask(RUNNING, "full-load-and-cdc", "running", true, true);
    dms.addTask(FULL_LOAD, "full-load", "ready", true, false);
    dms.addTask(FAILED, "full-load-and-cdc", "failed", true, true);
  }

  private void fleetAllReady() {
    for (String id : List.of(NEW, STOPPED, RUNNING, FULL_LOAD, FAILED)) {
      dms.addTask(id, "full-load-and-cdc", "ready", true, false);
    }
  }

  private Cli.Run tasks(String... args) {
    List<String> all = new ArrayList<>(List.of("tasks"));
    all.addAll(List.of(args));
    all.add("--config=" + Cli.CONFIG);
    if (!args[0].equals("status")) {
      all.add("--poll-interval=25ms");
    }
    return Cli.against(dms.endpoint(), all.toArray(String[]::new));
  }

  @Test
  void autoStartPicksEachTasksStartTypeAndWaitsUntilRunning() {
    fleetInMixedStates();

    Cli.Run run = tasks("start", "--wait");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(NEW + "    logging enabled, started (start-replication), running")
        .contains(STOPPED + "    started (resume-processing), running")
        .contains(RUNNING + "    already running")
        .contains(FULL_LOAD + "      started (start-replication), finished full load")
        .contains(FAILED + "  started (resume-processing), running")
        .contains("5 tasks: 5 ok, 0 failed");
    assertThat(dms.startTypes(NEW)).containsExactly("start-replication");
    assertThat(dms.startTypes(RUNNING)).isEmpty();
    assertThat(dms.status(NEW)).isEqualTo("running");
    assertThat(run.err())
        .contains(NEW + ": enabling CloudWatch logging", NEW + ": started with start-replication");
  }

  @Test
  void enablingLoggingStripsTheReadOnlySettingsAndKeepsTheRest() {
    fleetInMixedStates();

    tasks("start", "--server", "dbserver1", "--database", "dbname1");

    assertThat(dms.settings(NEW))
        .contains(
            "\"EnableLogging\":true", "\"SupportLobs\":true", "\"HistoryTimeslotInMinutes\":5")
        .doesNotContain(
            "CloudWatchLogGroup",
            "CloudWatchLogStream",
            "EnableLogContext",
            "historyTimeslotInMinutes");
  }

  @Test
  void reloadsOnlyWhenAsked() {
    fleetInMixedStates();

    Cli.Run run =
        tasks(
            "start",
            "--server",
            "dbserver1",
            "--database",
            "dbname2",
            "--start-type",
            "reload-target");

    assertThat(run.out()).contains(STOPPED + "  started (reload-target)");
    assertThat(dms.startTypes(STOPPED)).containsExactly("reload-target");
  }

  @Test
  void oneTasksFailureIsReportedWithDmsReasonAndDoesNotStopTheOthers() {
    fleetAllReady();
    dms.failOnStart(STOPPED, "Error connecting to source: Login failed for user 'dms_reader'");

    Cli.Run run = tasks("start", "--wait");

    assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
    assertThat(run.out())
        .contains(
            STOPPED
                + "    failed: started (start-replication), then task is failed: Error connecting to"
                + " source: Login failed for user 'dms_reader'")
        .contains("5 tasks: 4 ok, 1 failed");
    assertThat(dms.status(NEW)).isEqualTo("running");
  }

  @Test
  void kmsThrottlingAndServerErrorsAreRetried() {
    fleetAllReady();
    dms.inject("StartReplicationTask", 400, "KMSThrottlingFault", 2);
    dms.inject("StartReplicationTask", 500, "InternalFailure", 1);
    dms.inject("DescribeReplicationTasks", 400, "ThrottlingException", 1);

    Cli.Run run = tasks("start", "--server", "dbserver1", "--database", "dbname1");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains(NEW + "  started (start-replication)");
    assertThat(dms.calls("StartReplicationTask")).isEqualTo(4);
  }

  @Test
  void aTaskThatChangesUnderUsIsLookedAtAgain() {
    fleetAllReady();
    dms.inject("StartReplicationTask", 400, "InvalidResourceStateFault", 1);

    Cli.Run run = tasks("start", "--server", "dbserver1", "--database", "dbname1");

    assertThat(run.exitCode()).isZero();
    assertThat(dms.calls("StartReplicationTask")).isEqualTo(2);
  }

  @Test
  void dryRunMakesNoWriteCalls() {
    fleetInMixedStates();

    Cli.Run start = tasks("start", "--dry-run");
    Cli.Run stop = tasks("stop", "--dry-run");

    assertThat(dms.writeCalls()).isZero();
    assertThat(start.out())
        .contains(NEW + "    would enable CloudWatch logging, then start-replication")
        .contains(STOPPED + "    would resume-processing")
        .contains(RUNNING + "    already running");
    assertThat(stop.out()).contains(RUNNING + "    would stop", NEW + "    not running (ready)");
  }

  @Test
  void aRerunChangesNothingThatIsAlreadyRight() {
    fleetInMixedStates();
    tasks("start", "--wait");
    int writes = dms.writeCalls();

    Cli.Run rerun = tasks("start", "--wait");

    assertThat(rerun.exitCode()).isZero();
    assertThat(dms.writeCalls()).isEqualTo(writes);
    assertThat(rerun.out())
        .contains(
            NEW + "    already running",
            STOPPED + "    already running",
            FULL_LOAD + "      already finished full load");
  }

  @Test
  void aTaskThatStaysInTransitionTimesOut() {
    fleetAllReady();
    dms.addTask("unused", "cdc", "ready", true, false);
    dms.close();
    FakeDms slow =
        FakeDms.start(
            new FakeDms.Timing(
                java.time.Duration.ZERO,
                java.time.Duration.ofMinutes(5),
                java.time.Duration.ofMinutes(5),
                java.time.Duration.ofMinutes(5),
                java.time.Duration.ofMinutes(5)));
    try (slow) {
      slow.addTask(NEW, "full-load-and-cdc", "ready", false, false);
      Cli.Run run =
          Cli.against(
              slow.endpoint(),
              "tasks",
              "start",
              "--config",
              Cli.CONFIG,
              "--server",
              "dbserver1",
              "--database",
              "dbname1",
              "--poll-interval",
              "25ms",
              "--timeout",
              "500ms");

      assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
      assertThat(run.out())
          .contains(NEW + "  failed: timed out waiting; the task is still modifying");
    }
  }

  @Test
  void missingTasksAreReportedAsFailures() {
    dms.addTask(NEW, "full-load-and-cdc", "ready", true, false);

    Cli.Run run = tasks("start", "--server", "dbserver1");

    assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
    assertThat(run.out())
        .contains(
            STOPPED + "  failed: not found; deploy the fleet first", "3 tasks: 1 ok, 2 failed");
  }

  @Test
  void stopWaitsUntilStoppedAndLeavesIdleTasksAlone() {
    fleetInMixedStates();

    Cli.Run run = tasks("stop", "--wait");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(
            RUNNING + "    stopped",
            STOPPED + "    already stopped",
            NEW + "    not running (ready)");
    assertThat(dms.status(RUNNING)).isEqualTo("stopped");
  }

  @Test
  void statusShowsOneRowPerTaskAsTableOrJson() throws Exception {
    fleetInMixedStates();
    tasks("start", "--server", "dbserver2", "--database", "inventory");
    dms.failOnStart(NEW, "Login failed");
    tasks("start", "--server", "dbserver1", "--database", "dbname1", "--wait");

    Cli.Run table = tasks("status");
    Cli.Run json = tasks("status", "--output", "json");

    assertThat(table.exitCode()).isEqualTo(ExitCode.FAILED);
    assertThat(table.out())
        .contains(
            "TASK                     STATUS   PROGRESS  LOADED  ERRORED  LAST FAILURE",
            NEW + "    failed   100%      3       1        Login failed",
            RUNNING + "    running  100%      3       0        -");
    JsonNode rows = new ObjectMapper().readTree(json.out());
    assertThat(rows).hasSize(5);
    assertThat(rows.get(0).get("task").asText()).isEqualTo(NEW);
    assertThat(rows.get(0).get("server").asText()).isEqualTo("dbserver1");
    assertThat(rows.get(0).get("lastFailure").asText()).isEqualTo("Login failed");
  }

  @Test
  void anUnknownServerOrDatabaseFailsBeforeAnyAwsCall() {
    Cli.Run server =
        Cli.run(Cli.NO_AWS, "tasks", "start", "--config", Cli.CONFIG, "--server", "dbserver9");
    Cli.Run database =
        Cli.run(Cli.NO_AWS, "tasks", "stop", "--config", Cli.CONFIG, "--database", "nope");

    assertThat(server.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(server.err())
        .contains(
            "--server 'dbserver9' matches no server in ../config/dms_config_details.txt;"
                + " its servers: dbserver1, dbserver2");
    assertThat(database.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(database.err())
        .contains("--database 'nope' matches no database", "dbserver2/inventory");
  }
}
