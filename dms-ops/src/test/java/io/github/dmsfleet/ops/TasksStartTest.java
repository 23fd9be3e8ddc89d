package io.github.dmsfleet.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

/** {@code tasks start} against the fake DMS: the decision table, consent, and waiting. */
class TasksStartTest extends FakeFleet {
  @Test
  void autoDecidesEachTaskByTheTableAndLeavesSettingsAlone() {
    fleetInMixedStates();

    Cli.Run run = tasksJson("start");

    assertThat(run.exitCode()).isZero();
    assertThat(run.results())
        .containsExactly(
            entry(NEW, "ok: started: start-replication"),
            entry(STOPPED, "ok: started: resume-processing (it was stopped, NORMAL)"),
            entry(RUNNING, "skipped: already running"),
            entry(FULL_LOAD, "ok: started: start-replication"),
            entry(FAILED, "ok: started: resume-processing (it was failed)"));
    assertThat(dms.calls("ModifyReplicationTask")).isZero();
    assertThat(run.err())
        .contains(
            "warning: CloudWatch logging is off for 1 task ("
                + NEW
                + "); set Logging.EnableLogging"
                + " in the task settings, or add --enable-logging")
        .contains("5 tasks: 4 ok, 1 skipped, 0 failed");
  }

  @Test
  void aCdcTaskPausedAfterItsFullLoadIsResumedAndAFinishedFullLoadIsLeftAlone() {
    dms.addTask(NEW, "full-load-and-cdc", "stopped", true, true);
    dms.stopReason(NEW, "STOPPED_AFTER_FULL_LOAD");
    dms.addTask(STOPPED, "full-load-and-cdc", "stopped", true, true);
    dms.stopReason(STOPPED, "STOPPED_AFTER_CACHED_EVENTS");
    dms.addTask(RUNNING, "cdc", "stopped", true, true);
    dms.stopReason(RUNNING, "STOPPED_AT_SERVER_TIME");
    dms.addTask(FULL_LOAD, "full-load", "stopped", true, true);
    dms.stopReason(FULL_LOAD, "FULL_LOAD_ONLY_FINISHED");
    dms.addTask(FAILED, "full-load-and-cdc", "stopped", true, true);
    dms.stopReason(FAILED, "FULL_LOAD_ONLY_FINISHED");

    Cli.Run run = tasksJson("start");

    assertThat(run.results())
        .containsExactly(
            entry(NEW, "ok: started: resume-processing (it was stopped, STOPPED_AFTER_FULL_LOAD)"),
            entry(
                STOPPED,
                "ok: started: resume-processing (it was stopped, STOPPED_AFTER_CACHED_EVENTS)"),
            entry(
                RUNNING,
                "skipped: stopped where it was told to (STOPPED_AT_SERVER_TIME);"
                    + " --start-type resume-processing continues it"),
            entry(
                FULL_LOAD,
                "skipped: full load finished (FULL_LOAD_ONLY_FINISHED); --start-type reload-target"
                    + " loads it again"),
            entry(
                FAILED,
                "ok: started: resume-processing (it was stopped, FULL_LOAD_ONLY_FINISHED)"));
    assertThat(dms.startTypes(NEW)).containsExactly("resume-processing");
    assertThat(dms.startTypes(RUNNING)).isEmpty();
    assertThat(dms.startTypes(FULL_LOAD)).isEmpty();
  }

  @Test
  void resumeProcessingContinuesATaskStoppedAtItsStopTime() {
    dms.addTask(RUNNING, "cdc", "stopped", true, true);
    dms.stopReason(RUNNING, "STOPPED_AT_COMMIT_TIME");

    Cli.Run run = tasksJson("start", "--database", "dbname3", "--start-type", "resume-processing");

    assertThat(run.results())
        .containsExactly(
            entry(
                RUNNING,
                "ok: started: resume-processing (it was stopped, STOPPED_AT_COMMIT_TIME)"));
    assertThat(dms.startTypes(RUNNING)).containsExactly("resume-processing");
  }

  @Test
  void resumeProcessingIsNeverSentToATaskThatNeverRan() {
    fleetInMixedStates();

    Cli.Run run = tasksJson("start", "--server", "dbserver1", "--start-type", "resume-processing");

    assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
    assertThat(run.results())
        .containsExactly(
            entry(
                NEW,
                "failed: never ran, so resume-processing would give data errors; use --start-type"
                    + " auto or start-replication"),
            entry(STOPPED, "ok: started: resume-processing (it was stopped, NORMAL)"),
            entry(RUNNING, "skipped: already running"));
    assertThat(dms.startTypes(NEW)).isEmpty();
  }

  @Test
  void aReloadOfTheWholeFleetIsRefusedBeforeAnythingIsSent() {
    fleetInMixedStates();

    Cli.Run run = tasks("start", "--start-type", "reload-target", "--yes");

    assertThat(run.exitCode()).isEqualTo(ExitCode.NOTHING_SENT);
    assertThat(run.err())
        .isEqualToIgnoringNewLines(
            "Starting 5 tasks"
                + "error: 2 tasks would start over and load every table again ("
                + STOPPED
                + ", "
                + FAILED
                + "); nothing was sent. To do it, choose them with --server and/or --database and"
                + " add --yes");
    assertThat(run.out()).isEmpty();
    assertThat(dms.writeCalls()).isZero();
  }

  @Test
  void aReloadOfSelectedTasksNeedsYes() {
    fleetInMixedStates();

    Cli.Run without = tasks("start", "--server", "dbserver1", "--start-type", "reload-target");
    int writesBefore = dms.writeCalls();
    Cli.Run with =
        tasksJson("start", "--server", "dbserver1", "--start-type", "reload-target", "--yes");

    assertThat(without.exitCode()).isEqualTo(ExitCode.NOTHING_SENT);
    assertThat(without.err())
        .contains(
            "error: 1 task would start over and load every table again ("
                + STOPPED
                + "); nothing was sent. To do it, add --yes");
    assertThat(writesBefore).isZero();
    assertThat(with.results())
        .containsExactly(
            entry(
                NEW,
                "failed: never ran, so reload-target would give data errors; use --start-type auto"
                    + " or start-replication"),
            entry(STOPPED, "ok: started: reload-target (it was stopped, NORMAL)"),
            entry(RUNNING, "skipped: already running"));
    assertThat(dms.startTypes(STOPPED)).containsExactly("reload-target");
  }

  @Test
  void startReplicationOnATaskThatRanBeforeIsAReloadToo() {
    fleetInMixedStates();

    Cli.Run run = tasks("start", "--database", "dbname2", "--start-type", "start-replication");

    assertThat(run.exitCode()).isEqualTo(ExitCode.NOTHING_SENT);
    assertThat(run.err()).contains("1 task would start over", "add --yes");
    assertThat(dms.writeCalls()).isZero();
  }

  @Test
  void aDryRunShowsAReloadWithoutConsentAndSendsNothing() {
    fleetInMixedStates();

    Cli.Run run = tasksJson("start", "--start-type", "reload-target", "--dry-run");

    assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
    assertThat(run.results())
        .containsEntry(
            STOPPED,
            "would: reload-target (it was stopped, NORMAL); starts over, which needs"
                + " --server/--database and --yes");
    assertThat(dms.writeCalls()).isZero();
  }

  @Test
  void staleReadsAfterAStartDoNotEndTheWait() {
    fleetInMixedStates();
    dms.staleReadsAfterStart(STOPPED, 3);

    Cli.Run run = tasksJson("start", "--database", "dbname2", "--wait");

    assertThat(run.exitCode()).isZero();
    assertThat(run.results())
        .containsExactly(
            entry(STOPPED, "ok: started: resume-processing (it was stopped, NORMAL), running"));
  }

  @Test
  void aReloadedFullLoadCountsOnlyWhenItFinishedAgain() {
    dms.addTask(FULL_LOAD, "full-load", "stopped", true, true);
    dms.stopReason(FULL_LOAD, "FULL_LOAD_ONLY_FINISHED");
    dms.staleReadsAfterStart(FULL_LOAD, 3);

    Cli.Run run =
        tasksJson(
            "start", "--database", "sales", "--start-type", "reload-target", "--yes", "--wait");

    assertThat(run.results())
        .containsExactly(
            entry(
                FULL_LOAD,
                "ok: started: reload-target (it was stopped, FULL_LOAD_ONLY_FINISHED), then stopped"
                    + " by itself (FULL_LOAD_ONLY_FINISHED)"));
    assertThat(dms.startTypes(FULL_LOAD)).containsExactly("reload-target");
  }

  @Test
  void aTaskThatPausesAfterItsFullLoadAsItsSettingsAskIsDone() {
    dms.addTask(NEW, "full-load-and-cdc", "ready", true, false);
    dms.pauseAfterFullLoad(NEW, "STOPPED_AFTER_CACHED_EVENTS");

    Cli.Run first = tasksJson("start", "--database", "dbname1", "--wait");
    Cli.Run second = tasksJson("start", "--database", "dbname1", "--wait");

    assertThat(first.results())
        .containsExactly(
            entry(
                NEW,
                "ok: started: start-replication, then stopped by itself"
                    + " (STOPPED_AFTER_CACHED_EVENTS)"));
    assertThat(second.results())
        .containsExactly(
            entry(
                NEW,
                "ok: started: resume-processing (it was stopped, STOPPED_AFTER_CACHED_EVENTS),"
                    + " running"));
  }

  @Test
  void theScheduledStartDateIsNotTakenForARun() {
    dms.addTask(NEW, "full-load-and-cdc", "ready", true, false);
    dms.scheduledStart(NEW);

    Cli.Run run = tasksJson("start", "--database", "dbname1");

    assertThat(run.results()).containsExactly(entry(NEW, "ok: started: start-replication"));
  }

  @Test
  void enableLoggingModifiesOnlyWhereItIsOffAndKeepsEveryOtherSetting() {
    fleetInMixedStates();

    Cli.Run run = tasksJson("start", "--server", "dbserver1", "--enable-logging", "--wait");

    assertThat(run.results())
        .containsExactly(
            entry(NEW, "ok: logging enabled, started: start-replication, running"),
            entry(STOPPED, "ok: started: resume-processing (it was stopped, NORMAL), running"),
            entry(RUNNING, "skipped: already running"));
    assertThat(dms.calls("ModifyReplicationTask")).isEqualTo(1);
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
  void aRerunChangesNothingThatIsAlreadyRight() {
    fleetInMixedStates();
    tasks("start", "--wait");
    int writes = dms.writeCalls();

    Cli.Run rerun = tasksJson("start", "--wait");

    assertThat(rerun.exitCode()).isZero();
    assertThat(dms.writeCalls()).isEqualTo(writes);
    assertThat(rerun.results())
        .containsEntry(NEW, "skipped: already running")
        .containsEntry(
            FULL_LOAD,
            "skipped: full load finished (FULL_LOAD_ONLY_FINISHED); --start-type reload-target"
                + " loads it again");
  }

  @Test
  void oneTasksFailureIsReportedWithDmsReasonAndDoesNotStopTheOthers() {
    fleetAllReady();
    dms.failOnStart(STOPPED, "Error connecting to source: Login failed for user 'dms_reader'");

    Cli.Run run = tasksJson("start", "--wait");

    assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
    assertThat(run.results())
        .containsEntry(
            STOPPED,
            "failed: started: start-replication, then failed: Error connecting to source: Login"
                + " failed for user 'dms_reader'")
        .containsEntry(NEW, "ok: started: start-replication, running");
  }

  @Test
  void aTaskThatStaysInTransitionTimesOut() {
    dms.close();
    try (var slow =
        io.github.dmsfleet.ops.fake.FakeDms.start(
            new io.github.dmsfleet.ops.fake.FakeDms.Timing(
                java.time.Duration.ZERO,
                java.time.Duration.ofMinutes(5),
                java.time.Duration.ofMinutes(5),
                java.time.Duration.ofMinutes(5),
                java.time.Duration.ofMinutes(5)))) {
      slow.addTask(NEW, "full-load-and-cdc", "ready", true, false);
      Cli.Run run =
          Cli.against(
              slow.endpoint(),
              "tasks",
              "start",
              "--config",
              Cli.CONFIG,
              "--database",
              "dbname1",
              "--wait",
              "--poll-interval",
              "25ms",
              "--timeout",
              "500ms",
              "-o",
              "json");

      assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
      assertThat(run.results())
          .containsExactly(
              entry(
                  NEW,
                  "failed: started: start-replication, then timed out waiting; it is still starting"));
    }
  }

  @Test
  void missingTasksAreFailuresWithAHintWhereToLook() {
    Cli.Run run = tasksJson("start", "--server", "dbserver1");

    assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
    assertThat(run.results())
        .containsEntry(STOPPED, "failed: not found; deploy the fleet first, or check --region");
    assertThat(run.err())
        .contains(
            "warning: none of the fleet's tasks was found: check --region and --profile (or"
                + " AWS_REGION and AWS_PROFILE), or deploy the fleet first");
  }

  @Test
  void theHelpPrintsTheDecisionTable() {
    Cli.Run run = Cli.run(Cli.NO_AWS, "tasks", "start", "--help");

    assertThat(run.out())
        .containsSubsequence(
            "    auto                start-replication   resume-processing   reload-target",
            "  never ran: ready, or failed with no start date",
            "    start-replication   start-replication   refused             refused",
            "  CDC task, paused after its full load (a)",
            "    resume-processing   start-replication * resume-processing   reload-target *",
            "  (a) FULL_LOAD_ONLY_FINISHED, STOPPED_AFTER_CACHED_EVENTS,",
            "      STOPPED_AFTER_FULL_LOAD");
    assertThat(run.out().lines()).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(80));
  }
}
