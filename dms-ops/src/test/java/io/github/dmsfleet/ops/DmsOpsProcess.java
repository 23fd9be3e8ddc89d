package io.github.dmsfleet.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code dms-ops} process with dummy credentials, for what only a process shows (Ctrl-C).
 */
final class DmsOpsProcess {
  private final Process process;
  private final Path out;
  private final Path err;

  private DmsOpsProcess(Process process, Path out, Path err) {
    this.process = process;
    this.out = out;
    this.err = err;
  }

  /** Starts {@code dms-ops ARGS}, its stdout and stderr into files of {@code dir}. */
  static DmsOpsProcess start(Path dir, String... args) throws IOException {
    return start(dir, Map.of(), args);
  }

  /** Runs {@code dms-ops ARGS} with these environment variables too, to its end. */
  static Cli.Run run(Path dir, Map<String, String> environment, String... args)
      throws IOException, InterruptedException {
    DmsOpsProcess process = start(dir, environment, args);
    if (!process.process.waitFor(60, TimeUnit.SECONDS)) {
      process.process.destroyForcibly();
      throw new AssertionError("dms-ops did not end within 60 s");
    }
    return process.printed();
  }

  private static DmsOpsProcess start(Path dir, Map<String, String> environment, String... args)
      throws IOException {
    Path out = dir.resolve("out");
    Path err = dir.resolve("err");
    List<String> command =
        new ArrayList<>(
            List.of(
                // A JVM started with SIGINT ignored (as under nohup or a background build)
                // ignores Ctrl-C; coreutils' env gives the child the default disposition back.
                "env",
                "--default-signal=INT",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                DmsOps.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().put("AWS_ACCESS_KEY_ID", "test");
    builder.environment().put("AWS_SECRET_ACCESS_KEY", "test");
    builder.environment().putAll(environment);
    return new DmsOpsProcess(builder.start(), out, err);
  }

  /** Waits until stderr has {@code count} lines containing {@code text}. */
  void awaitLines(String text, int count) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      List<String> lines = Files.readAllLines(err, StandardCharsets.UTF_8);
      if (lines.stream().filter(l -> l.contains(text)).count() >= count) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "no " + count + " lines with '" + text + "' in " + Files.readString(err));
  }

  /** Sends SIGINT, as Ctrl-C does, and returns what the process printed and exited with. */
  Cli.Run interrupt() throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("dms-ops did not end after SIGINT");
    }
    return printed();
  }

  private Cli.Run printed() throws IOException {
    return new Cli.Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
