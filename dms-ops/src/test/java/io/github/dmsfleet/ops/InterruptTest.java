package io.github.dmsfleet.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dmsfleet.ops.fake.FakeDms;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
      Path out = dir.resolve("out");
      Path err = dir.resolve("err");
      ProcessBuilder builder =
          new ProcessBuilder(
                  // A JVM started with SIGINT ignored (as under nohup or a background build)
                  // ignores Ctrl-C; coreutils' env gives the child the default disposition back.
                  "env",
                  "--default-signal=INT",
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  DmsOps.class.getName(),
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
                  dms.endpoint().toString())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      builder.environment().put("AWS_ACCESS_KEY_ID", "test");
      builder.environment().put("AWS_SECRET_ACCESS_KEY", "test");
      Process process = builder.start();
      awaitLines(err, "started with", 5);

      new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor();

      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isEqualTo(ExitCode.INTERRUPTED);
      Cli.Run run =
          new Cli.Run(
              process.exitValue(),
              Files.readString(out, StandardCharsets.UTF_8),
              Files.readString(err, StandardCharsets.UTF_8));
      assertThat(run.results().values())
          .containsOnly("ok: started: start-replication; not yet confirmed (interrupted)");
      assertThat(run.err()).contains("error: interrupted: 5 started, 0 not yet; rerun to finish");
    }
  }

  private static void awaitLines(Path file, String text, int count)
      throws IOException, InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (lines.stream().filter(l -> l.contains(text)).count() >= count) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "no " + count + " lines with '" + text + "' in " + Files.readString(file));
  }
}
