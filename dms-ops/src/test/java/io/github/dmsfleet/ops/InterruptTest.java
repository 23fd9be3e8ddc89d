package io.github.dmsfleet.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dmsfleet.ops.fake.FakeDms;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C (SIGINT) on a real {@code dms-ops} process while it waits. */
class InterruptTest {
  @TempDir Path dir;

  @Test
  void ctrlCWhileWaitingPrintsWhatWasSentAndExits130() throws Exception {
    try (FakeDms dms =
        FakeDms.start(
            new FakeDms.Timing(
                Duration.ZERO,
                Duration.ofMillis(100),
                Duration.ofMinutes(5),
                Duration.ofMillis(100),
                Duration.ZERO))) {
      for (String id : FakeFleet.ALL) {
        dms.addTask(id, "full-load-and-cdc", "ready", true, false);
      }
      dms.addTask("x", "cdc", "running", true, true);
      DmsOpsProcess process =
          DmsOpsProcess.start(
              dir,
              "tasks",
              "start",
              "--wait",
              "--config",
              Cli.CONFIG,
              "--poll-interval",
              "100ms",
              "--output",
              "json",
              "--region",
              "us-east-1",
              "--endpoint-url",
              dms.endpoint().toString());
      process.awaitLines("started with", 5);

      Cli.Run run = process.interrupt();

      assertThat(run.exitCode()).isEqualTo(ExitCode.INTERRUPTED);
      assertThat(run.results().values())
          .containsOnly("ok: started: start-replication; not yet confirmed (interrupted)");
      assertThat(run.err()).contains("error: interrupted: 5 started, 0 not yet; rerun to finish");
    }
  }
}
