package io.github.dmsfleet.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dmsfleet.ops.fake.FakeDms;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar run as an operator runs it, {@code java -jar target/dms-ops.jar}: it reruns
 * itself with the build's class-data-sharing archive, passes output, exit codes and Ctrl-C through,
 * and runs in one JVM when the archive does not fit or the caller chose JVM options.
 */
class LauncherIT {
  private static final Path JAR = Path.of("target", "dms-ops.jar").toAbsolutePath();
  private static final String ARCHIVE_OPTION =
      "-XX:SharedArchiveFile=" + JAR.resolveSibling("dms-ops.jsa");

  @TempDir Path dir;

  private FakeDms dms;

  @BeforeEach
  void startFakeDms() {
    assertThat(JAR.resolveSibling("dms-ops.jsa")).as("the build's archive").isRegularFile();
    dms =
        FakeDms.start(
            new FakeDms.Timing(
                Duration.ZERO,
                Duration.ofMillis(100),
                Duration.ofMinutes(5),
                Duration.ofMillis(100),
                Duration.ZERO));
    for (String id : FakeFleet.ALL) {
      dms.addTask(id, "full-load-and-cdc", "ready", true, false);
    }
  }

  @AfterEach
  void stopFakeDms() {
    dms.close();
  }

  @Test
  void rerunsItselfWithTheArchiveAndExitsAsTheCommandDoes() throws Exception {
    Jar run = Jar.start(dir, JAR, List.of(), fleet("tasks", "status", "--output", "json"));
    Cli.Run status = run.waitForEnd();

    assertThat(status.exitCode()).isZero();
    assertThat(status.json()).hasSize(5);
    status.json().forEach(task -> assertThat(task.get("status").asText()).isEqualTo("ready"));
    assertThat(status.err()).isEmpty();

    Jar typo = Jar.start(dir, JAR, List.of(), fleet("tasks", "status", "--server", "dbserver9"));
    Cli.Run refused = typo.waitForEnd();

    assertThat(refused.exitCode()).isEqualTo(ExitCode.NOTHING_SENT);
    assertThat(refused.out()).isEmpty();
    assertThat(refused.err())
        .startsWith(
            "error: --server 'dbserver9' matches no server in ../config/dms_config_details.txt;");
  }

  @Test
  void ctrlCReachesTheCommandWhichPrintsWhatItSentOnce() throws Exception {
    Jar run = Jar.start(dir, JAR, List.of(), waitingStart());
    run.awaitLines("started with", 5);
    ProcessHandle command = run.onlyJvmBeneath();

    assertThat(command.info().arguments().orElseThrow())
        .contains(ARCHIVE_OPTION, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    // What the terminal does: the signal to every process of the foreground group.
    Cli.Run interrupted = run.signal("INT", run.process.toHandle(), command);

    assertThat(interrupted.exitCode()).isEqualTo(ExitCode.INTERRUPTED);
    assertThat(command.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
    assertThat(interrupted.results().values())
        .containsOnly("ok: started: start-replication; not yet confirmed (interrupted)");
    assertThat(interrupted.err())
        .containsOnlyOnce("error: interrupted: 5 started, 0 not yet; rerun to finish");
  }

  @Test
  void aSignalForTheLauncherAloneIsPassedOn() throws Exception {
    Jar run = Jar.start(dir, JAR, List.of(), waitingStart());
    run.awaitLines("started with", 5);
    ProcessHandle command = run.onlyJvmBeneath();

    Cli.Run stopped = run.signal("TERM", run.process.toHandle());

    assertThat(stopped.exitCode()).isEqualTo(128 + 15);
    assertThat(command.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
    assertThat(stopped.results()).hasSize(5);
    assertThat(stopped.err())
        .containsOnlyOnce("error: interrupted: 5 started, 0 not yet; rerun to finish");
  }

  @Test
  void jvmOptionsRunItInOneJvm() throws Exception {
    Jar run = Jar.start(dir, JAR, List.of("-Xmx256m"), waitingStart());
    run.awaitLines("started with", 5);

    assertThat(run.jvmsBeneath()).isEmpty();
    assertThat(run.signal("INT", run.process.toHandle()).exitCode())
        .isEqualTo(ExitCode.INTERRUPTED);
  }

  @Test
  void anArchiveForAnotherJarIsNotUsed() throws Exception {
    Path copy = copyOfJarAndArchive(dir.resolve("copied"));
    Jar run = Jar.start(dir, copy, List.of(), waitingStart());
    run.awaitLines("started with", 5);

    assertThat(run.jvmsBeneath()).isEmpty();
    assertThat(run.signal("INT", run.process.toHandle()).exitCode())
        .isEqualTo(ExitCode.INTERRUPTED);
  }

  @Test
  void anArchiveTheJvmRefusesAddsNothingToTheOutput() throws Exception {
    Path copy = copyOfJarAndArchive(dir.resolve("copied"));
    // A stamp that claims the copy: the launcher uses the archive, HotSpot finds it was made for
    // the original jar and runs without it.
    Path stamp = copy.resolveSibling("dms-ops.jsa.properties");
    Properties properties = new Properties();
    try (var in = Files.newInputStream(stamp)) {
      properties.load(in);
    }
    properties.setProperty("jar.size", String.valueOf(Files.size(copy)));
    properties.setProperty(
        "jar.lastModified", String.valueOf(Files.getLastModifiedTime(copy).toMillis()));
    try (var out = Files.newOutputStream(stamp)) {
      properties.store(out, null);
    }

    Jar run = Jar.start(dir, copy, List.of(), fleet("tasks", "status", "--output", "json"));
    Cli.Run status = run.waitForEnd();

    assertThat(status.exitCode()).isZero();
    assertThat(status.json()).hasSize(5);
    assertThat(status.err()).isEmpty();
  }

  /** The jar, the archive and its stamp in {@code target}, the jar with a new mtime. */
  private static Path copyOfJarAndArchive(Path target) throws IOException {
    Files.createDirectories(target);
    Path copy = target.resolve("dms-ops.jar");
    Files.copy(JAR, copy);
    for (String name : List.of("dms-ops.jsa", "dms-ops.jsa.properties")) {
      Files.copy(
          JAR.resolveSibling(name), target.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
    }
    Files.setLastModifiedTime(
        copy, FileTime.from(Files.getLastModifiedTime(JAR).toInstant().plusSeconds(60)));
    return copy;
  }

  /** The arguments, then the sample config and the fake DMS. */
  private List<String> fleet(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--config",
            "../config",
            "--region",
            "us-east-1",
            "--endpoint-url",
            dms.endpoint().toString()));
    return all;
  }

  private List<String> waitingStart() {
    return fleet("tasks", "start", "--wait", "--poll-interval", "100ms", "--output", "json");
  }

  /** {@code java [JVM options] -jar JAR ARGS}, its stdout and stderr into files. */
  private static final class Jar {
    final Process process;
    private final Path out;
    private final Path err;

    private Jar(Process process, Path out, Path err) {
      this.process = process;
      this.out = out;
      this.err = err;
    }

    static Jar start(Path dir, Path jar, List<String> jvmOptions, List<String> args)
        throws IOException {
      Path out = Files.createTempFile(dir, "out", ".txt");
      Path err = Files.createTempFile(dir, "err", ".txt");
      List<String> command =
          new ArrayList<>(
              List.of(
                  // as DmsOpsProcess: Ctrl-C must not be ignored from the start
                  "env",
                  "--default-signal=INT",
                  Path.of(System.getProperty("java.home"), "bin", "java").toString()));
      command.addAll(jvmOptions);
      command.addAll(List.of("-jar", jar.toString()));
      command.addAll(args);
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().put("AWS_ACCESS_KEY_ID", "test");
      builder.environment().put("AWS_SECRET_ACCESS_KEY", "test");
      for (String variable : List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS")) {
        builder.environment().remove(variable);
      }
      return new Jar(builder.start(), out, err);
    }

    void awaitLines(String text, int count) throws IOException, InterruptedException {
      Instant deadline = Instant.now().plusSeconds(60);
      while (Instant.now().isBefore(deadline)) {
        if (Files.readAllLines(err, StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains(text))
                .count()
            >= count) {
          return;
        }
        Thread.sleep(100);
      }
      throw new AssertionError("no " + count + " lines with '" + text + "' in " + read(err));
    }

    List<ProcessHandle> jvmsBeneath() {
      return process
          .toHandle()
          .descendants()
          .filter(p -> p.info().command().orElse("").endsWith("/java"))
          .toList();
    }

    ProcessHandle onlyJvmBeneath() {
      List<ProcessHandle> jvms = jvmsBeneath();
      assertThat(jvms).hasSize(1);
      return jvms.get(0);
    }

    Cli.Run signal(String signal, ProcessHandle... targets)
        throws IOException, InterruptedException {
      List<String> kill = new ArrayList<>(List.of("kill", "-" + signal));
      for (ProcessHandle target : targets) {
        kill.add(String.valueOf(target.pid()));
      }
      new ProcessBuilder(kill).start().waitFor();
      return waitForEnd();
    }

    Cli.Run waitForEnd() throws IOException, InterruptedException {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("dms-ops did not end: " + read(err));
      }
      return new Cli.Run(process.exitValue(), read(out), read(err));
    }

    private static String read(Path file) throws IOException {
      return Files.readString(file, StandardCharsets.UTF_8);
    }
  }
}
