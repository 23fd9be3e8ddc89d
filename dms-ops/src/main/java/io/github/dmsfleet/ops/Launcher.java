package io.github.dmsfleet.ops;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The jar's entry point. Plain {@code java -jar dms-ops.jar ARGS} runs the command in a second JVM
 * started with the build's class-data-sharing archive ({@link SharedArchive}), which starts a
 * command in about half the time, and exits with that JVM's exit code. The second JVM shares stdin,
 * stdout and stderr; Ctrl-C reaches both, the command prints what it sent, and this JVM exits as it
 * did. The command runs in this JVM instead whenever the caller chose JVM options (on the command
 * line or in {@code JDK_JAVA_OPTIONS}, {@code JAVA_TOOL_OPTIONS}), or there is no archive made by
 * this JVM for this jar.
 */
public final class Launcher {
  private static final List<String> OPTION_VARIABLES =
      List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS");

  private Launcher() {}

  public static void main(String[] args) {
    List<String> command = withArchive(args);
    Process child = null;
    if (command != null) {
      try {
        child = new ProcessBuilder(command).inheritIO().start();
      } catch (IOException e) {
        child = null;
      }
    }
    if (child == null) {
      DmsOps.main(args);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new ExitAsChild(child));
    System.exit(exitCode(child));
  }

  /** The command line that reruns this one with the archive; null to run here. */
  static List<String> withArchive(String[] args) {
    Path jar = runningJar();
    if (jar == null || !startedPlainly(jar)) {
      return null;
    }
    SharedArchive archive = SharedArchive.beside(jar);
    if (!archive.fitsThisJvm()) {
      return null;
    }
    List<String> command = new ArrayList<>();
    command.add(
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(
        SharedArchive.jvmOptions("-XX:SharedArchiveFile=".concat(archive.file().toString())));
    command.add("-jar");
    command.add(archive.jar().toString());
    command.addAll(List.of(args));
    return command;
  }

  /** {@code java -jar JAR ...}: no JVM option anywhere, so the caller left the JVM to us. */
  private static boolean startedPlainly(Path jar) {
    for (String variable : OPTION_VARIABLES) {
      String options = System.getenv(variable);
      if (options != null && !options.isBlank()) {
        return false;
      }
    }
    String[] arguments = ProcessHandle.current().info().arguments().orElse(new String[0]);
    try {
      return arguments.length >= 2
          && arguments[0].equals("-jar")
          && Files.isSameFile(Path.of(arguments[1]), jar);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static Path runningJar() {
    CodeSource source = Launcher.class.getProtectionDomain().getCodeSource();
    try {
      Path path = source == null ? null : Path.of(source.getLocation().toURI());
      return path != null && Files.isRegularFile(path) ? path : null;
    } catch (URISyntaxException | RuntimeException e) {
      return null;
    }
  }

  /**
   * On Ctrl-C, which the terminal sends to both JVMs, the command prints what it sent and exits;
   * this JVM waits for that and exits the same. A signal for this JVM alone (a supervisor stopping
   * it) is passed on as SIGTERM, on which the command does the same.
   */
  private static final class ExitAsChild extends Thread {
    private final Process child;

    ExitAsChild(Process child) {
      super("dms-ops-launcher");
      this.child = child;
    }

    @Override
    public void run() {
      try {
        if (!child.waitFor(2, TimeUnit.SECONDS)) {
          child.destroy();
        }
      } catch (InterruptedException e) {
        child.destroy();
      }
      Runtime.getRuntime().halt(exitCode(child));
    }
  }

  private static int exitCode(Process child) {
    while (true) {
      try {
        return child.waitFor();
      } catch (InterruptedException e) {
        // Only a signal ends this JVM's wait: the shutdown hook takes over then.
      }
    }
  }
}
