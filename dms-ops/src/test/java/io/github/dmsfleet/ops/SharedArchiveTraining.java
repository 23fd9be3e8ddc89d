package io.github.dmsfleet.ops;

import io.github.dmsfleet.ops.fake.FakeDms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Makes the class-data-sharing archive beside the shaded jar; the build runs it right after
 * shading. It runs {@code tasks status} once, from the jar, against the fake DMS serving the sample
 * fleet, with {@code -XX:ArchiveClassesAtExit}: the archive then holds what a command loads
 * (picocli's model, the config, the SDK client and its HTTP stack, a call and its answer, the
 * table), most of which every other command loads too. Args: the jar, the config folder.
 */
public final class SharedArchiveTraining {
  private SharedArchiveTraining() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    SharedArchive archive = SharedArchive.beside(Path.of(args[0]));
    Path made = archive.file().resolveSibling(archive.file().getFileName() + ".made");
    Path log = archive.file().resolveSibling(archive.file().getFileName() + ".log");
    Files.deleteIfExists(made);
    try (FakeDms dms = FakeDms.start(FakeDms.Timing.quick())) {
      dms.addTask("dbserver1-dbname1-all", "full-load-and-cdc", "running", true, true);
      dms.addTask("dbserver1-dbname2-all", "full-load-and-cdc", "stopped", true, true);
      dms.addTask("dbserver2-sales-all", "full-load", "ready", false, false);
      List<String> command =
          new ArrayList<>(
              List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
      command.addAll(SharedArchive.jvmOptions("-XX:ArchiveClassesAtExit=" + made));
      command.addAll(
          List.of(
              "-jar",
              archive.jar().toString(),
              "tasks",
              "status",
              "--config",
              args[1],
              "--region",
              "us-east-1",
              "--endpoint-url",
              dms.endpoint().toString()));
      ProcessBuilder training =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      training.environment().put("AWS_ACCESS_KEY_ID", "training");
      training.environment().put("AWS_SECRET_ACCESS_KEY", "training");
      int exitCode = training.start().waitFor();
      // tasks status exits 1 here: two of the fleet's tasks do not exist in the fake.
      if (!Set.of(ExitCode.OK, ExitCode.FAILED).contains(exitCode)
          || !Files.isRegularFile(made)
          || Files.size(made) == 0) {
        throw new IllegalStateException(
            "the class-data-sharing archive was not made (exit "
                + exitCode
                + "); see "
                + log
                + ":\n"
                + Files.readString(log));
      }
    }
    archive.install(made);
    System.out.println("made " + archive.file() + " (" + Files.size(archive.file()) + " bytes)");
  }
}
