package io.github.dmsfleet.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.github.dmsfleet.ops.changes.StopMarks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code changes plan|apply|resume} on a fleet whose dbserver2 runs DMS Serverless: a change to a
 * replication config (whose physical id is its ARN) or to an endpoint a replication uses stops the
 * replication, and it is resumed after the deploy, as a task is.
 */
class ChangesServerlessTest extends FakeChangeSets {
  private static final String CONFIG = "AWS::DMS::ReplicationConfig";
  private static final String RESUMED =
      "started: resume-processing (it was stopped, NORMAL), running";

  @TempDir Path dir;

  @BeforeEach
  void mixedFleet() throws IOException {
    config = Cli.mixedFleetConfig(dir).toString();
    for (String task : new String[] {DBNAME1, DBNAME2, DBNAME3}) {
      dms.addTask(task, "full-load-and-cdc", "running", true, true);
      dms.wire(task, "dbserver1-instance", source(task), task.replace("-all", "-s3-target"));
    }
    STACKS.forEach(cloudFormation::stack);
  }

  private void replication(String id, String type) {
    dms.addReplication(id, type, "running", true, true);
    dms.wire(id, null, source(id), id.replace("-all", "-s3-target"));
  }

  private static String source(String id) {
    return id.replace("-all", "-sqlserver-source-endpoint");
  }

  @Test
  void aSettingsChangeStopsTheReplicationExecutesAndResumesIt() {
    replication(SALES, "full-load-and-cdc");
    replication(INVENTORY, "full-load-and-cdc");
    String arn = dms.taskArn(SALES);
    changeSetOn(SERVER2).modify(logicalId(SALES, "Config"), CONFIG, arn, "ReplicationSettings");

    Cli.Run plan = changesJson("plan");
    Cli.Run apply = changesJson("apply");

    assertThat(plan.exitCode()).isZero();
    assertThat(ChangesPlanTest.lines(plan.json()))
        .contains(
            "DmsFleet-Server-dbserver2 ready execute (1 change)",
            "  dbserver2-sales-all running | replication config modified: ReplicationSettings |"
                + " stop-and-resume: stop, then resume");
    assertThat(apply.exitCode()).isZero();
    assertThat(apply.results())
        .contains(
            entry(SERVER2, "ok: UPDATE_COMPLETE (1 change)"),
            entry(SALES, "ok: stopped; " + RESUMED));
    assertThat(dms.templateChanges(arn)).isEqualTo(1);
    assertThat(dms.startTypes(SALES)).containsExactly("resume-processing");
    assertThat(dms.status(SALES)).isEqualTo("running");
    assertThat(dms.tags(arn)).isEmpty();
    assertThat(dms.startTypes(INVENTORY)).isEmpty();
    assertThat(dms.calls("StopReplication")).isEqualTo(1);
    assertThat(dms.calls("StopReplicationTask") + dms.calls("StartReplicationTask")).isZero();
    assertThat(apply.err())
        .contains("dbserver2-sales-all: tagged " + StopMarks.KEY + "=DmsFleet/" + CHANGE_SET);
  }

  @Test
  void anEndpointChangeTouchesTheReplicationThroughItsEndpoint() {
    replication(SALES, "full-load-and-cdc");
    replication(INVENTORY, "full-load-and-cdc");
    changeSetOn(SERVER2)
        .modify(
            logicalId(INVENTORY, "SourceEndpoint"),
            ENDPOINT,
            dms.endpointArn(source(INVENTORY)),
            "MicrosoftSqlServerSettings");

    Cli.Run apply = changesJson("apply");

    assertThat(apply.exitCode()).isZero();
    assertThat(apply.results())
        .containsExactly(
            entry(ROLES, "skipped: no changes"),
            entry(STORAGE, "skipped: no changes"),
            entry(NETWORK, "skipped: no changes"),
            entry(ALERTS, "skipped: no changes"),
            entry(OVERVIEW, "skipped: no changes"),
            entry(SERVER1, "skipped: no changes"),
            entry(SERVER2, "ok: UPDATE_COMPLETE (1 change)"),
            entry(INVENTORY, "ok: stopped; " + RESUMED));
    assertThat(dms.startTypes(SALES)).isEmpty();
  }

  @Test
  void aRunningFullLoadReplicationIsNotStoppedSinceDmsCouldNotResumeIt() {
    replication(SALES, "full-load");
    changeSetOn(SERVER2)
        .modify(logicalId(SALES, "Config"), CONFIG, dms.taskArn(SALES), "TableMappings");

    Cli.Run plan = changes("plan");
    Cli.Run apply = changes("apply");

    String problem =
        "DmsFleet-Server-dbserver2: dbserver2-sales-all is a running full-load serverless"
            + " replication, which DMS cannot resume once stopped (resume-processing does not"
            + " apply to it); apply once its full load has finished";
    assertThat(plan.exitCode()).isEqualTo(ExitCode.FAILED);
    assertThat(plan.err()).contains("warning: apply would refuse: " + problem);
    assertThat(apply.exitCode()).isEqualTo(ExitCode.NOTHING_SENT);
    assertThat(apply.err()).contains("error: nothing was sent, because:\n  " + problem);
    assertThat(dms.writeCalls() + cloudFormation.writeCalls()).isZero();
  }

  @Test
  void aReplacedConfigNeedsConsentAndItsReplacementStartsFresh() {
    replication(SALES, "full-load-and-cdc");
    changeSetOn(SERVER2)
        .replace(
            logicalId(SALES, "Config"),
            CONFIG,
            dms.taskArn(SALES),
            "SourceEndpointArn",
            "dbserver2-sales-v2-all");

    Cli.Run refused = changes("apply");
    Cli.Run apply = changesJson("apply", "--yes");

    assertThat(refused.exitCode()).isEqualTo(ExitCode.NOTHING_SENT);
    assertThat(refused.err())
        .contains(
            "error: 1 task would be replaced and load every table again (dbserver2-sales-all);"
                + " nothing was sent. To apply, add --yes");
    assertThat(apply.exitCode()).isZero();
    assertThat(apply.results())
        .containsEntry(
            SALES,
            "ok: stopped; replaced by dbserver2-sales-v2-all, which started: start-replication,"
                + " running");
    assertThat(dms.startTypes("dbserver2-sales-v2-all")).containsExactly("start-replication");
    assertThat(dms.exists(SALES)).isFalse();
  }

  @Test
  void resumeStartsTheReplicationsAnInterruptedApplyLeftTagged() {
    replication(SALES, "full-load-and-cdc");
    replication(INVENTORY, "full-load-and-cdc");
    changeSetOn(SERVER2)
        .modify(logicalId(SALES, "Config"), CONFIG, dms.taskArn(SALES), "ReplicationSettings");
    tasks("stop", "--database", "sales", "--wait");
    dms.tag(dms.taskArn(SALES), StopMarks.KEY, "DmsFleet/" + CHANGE_SET);

    Cli.Run resume = changesJson("resume");
    Cli.Run rerun = changes("resume");

    assertThat(resume.exitCode()).isZero();
    assertThat(resume.results()).containsExactly(entry(SALES, "ok: " + RESUMED));
    assertThat(dms.tags(dms.taskArn(SALES))).isEmpty();
    assertThat(dms.startTypes(INVENTORY)).isEmpty();
    assertThat(rerun.out())
        .contains(
            "No task carries the tag "
                + StopMarks.KEY
                + "=DmsFleet/"
                + CHANGE_SET
                + ": nothing to resume");
  }

  /** {@code dms-ops tasks ARGS} on the same fleet. */
  private Cli.Run tasks(String... args) {
    List<String> all = new ArrayList<>(List.of("tasks"));
    all.addAll(List.of(args));
    all.add("--config=" + config);
    all.add("--poll-interval=25ms");
    return Cli.against(dms.endpoint(), all.toArray(String[]::new));
  }
}
