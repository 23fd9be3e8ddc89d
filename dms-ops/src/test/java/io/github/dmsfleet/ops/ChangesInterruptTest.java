package io.github.dmsfleet.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.github.dmsfleet.ops.changes.StopMarks;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C on a real {@code dms-ops changes apply} while a stack updates, then the rerun. */
class ChangesInterruptTest extends FakeChangeSets {
  @TempDir Path dir;

  @Test
  void ctrlCDuringTheUpdateLeavesTheTaskTaggedAndTheRerunResumesIt() throws Exception {
    fleet();
    changeSetOn(SERVER1)
        .modify(logicalId(DBNAME1, "Task"), TASK, dms.taskArn(DBNAME1), "TableMappings");
    cloudFormation.step(Duration.ofSeconds(2));
    DmsOpsProcess process =
        DmsOpsProcess.start(
            dir,
            "changes",
            "apply",
            "--config",
            Cli.CONFIG,
            "--change-set",
            CHANGE_SET,
            "--poll-interval",
            "100ms",
            "--output",
            "json",
            "--region",
            "us-east-1",
            "--endpoint-url",
            dms.endpoint().toString());
    process.awaitLines("executing change set", 1);

    Cli.Run interrupted = process.interrupt();
    String tagWhileInterrupted = dms.tags(dms.taskArn(DBNAME1)).get(StopMarks.KEY);
    Cli.Run rerun = changesJson("apply");

    assertThat(interrupted.exitCode()).isEqualTo(ExitCode.INTERRUPTED);
    assertThat(interrupted.results())
        .containsExactly(
            entry(SERVER1, "ok: executing add-orders; not yet confirmed (interrupted)"),
            entry(DBNAME1, "ok: stopped"));
    assertThat(interrupted.err())
        .contains(
            "error: interrupted: 2 changed, 0 not yet; rerun to finish\n"
                + "warning: stopped tasks carry the tag"
                + " dms-ops:stopped-for-change-set=DmsFleet/add-orders; rerun 'dms-ops changes"
                + " apply --change-set add-orders' to finish, or 'dms-ops changes resume"
                + " --change-set add-orders' to only resume them\n");
    assertThat(tagWhileInterrupted).isEqualTo("DmsFleet/add-orders");
    assertThat(rerun.exitCode()).isZero();
    assertThat(rerun.results())
        .containsEntry(SERVER1, "ok: UPDATE_COMPLETE (an earlier apply executed it)")
        .containsEntry(DBNAME1, "ok: started: resume-processing (it was stopped, NORMAL), running");
    assertThat(dms.tags(dms.taskArn(DBNAME1))).isEmpty();
    assertThat(cloudFormation.calls("ExecuteChangeSet")).isEqualTo(1);
  }
}
