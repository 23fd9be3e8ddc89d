package io.github.dmsfleet.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Properties;

/**
 * The class-data-sharing archive the build makes beside the jar ({@code dms-ops.jsa}: the classes a
 * command loads, parsed and verified once), and its stamp ({@code dms-ops.jsa.properties}), which
 * names the JVM and the jar it was made for. HotSpot refuses an archive made by another JVM build
 * or for another jar, so an archive is used only where its stamp matches: a rebuilt jar beside an
 * old archive, or another JDK, simply runs without it.
 */
final class SharedArchive {
  private static final String NAME = "dms-ops.jsa";

  private final Path jar;
  private final Path archive;
  private final Path stamp;

  private SharedArchive(Path jar) {
    this.jar = jar;
    this.archive = jar.resolveSibling(NAME);
    this.stamp = jar.resolveSibling(NAME.concat(".properties"));
  }

  /** The archive for this jar, whether or not it exists. */
  static SharedArchive beside(Path jar) {
    return new SharedArchive(jar.toAbsolutePath());
  }

  Path jar() {
    return jar;
  }

  Path file() {
    return archive;
  }

  /**
   * The JVM options a command runs with, the same when the archive is made and used: the archive
   * ({@code -XX:ArchiveClassesAtExit=FILE} or {@code -XX:SharedArchiveFile=FILE}), C1 only (a
   * command is over before C2's compilations pay off) and the serial collector (the quickest to
   * start, and plenty for a command's heap). CDS's own messages stay quiet, so that an archive the
   * JVM refuses after all never adds a line to a command's output.
   */
  static List<String> jvmOptions(String archiveOption) {
    return List.of(
        archiveOption,
        "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC",
        "-Xlog:cds=off,cds+dynamic=off");
  }

  /** Whether the archive exists and was made by this JVM for this very jar. */
  boolean fitsThisJvm() {
    if (!Files.isRegularFile(archive) || !Files.isRegularFile(stamp)) {
      return false;
    }
    try (InputStream in = Files.newInputStream(stamp)) {
      Properties written = new Properties();
      written.load(in);
      return written.equals(stampForThisJvm());
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Puts a newly made archive in place, then its stamp, each by an atomic rename: a half-written
   * archive crashes the JVM that maps it, so none is ever in place.
   */
  void install(Path made) throws IOException {
    Path newStamp = stamp.resolveSibling(stamp.getFileName() + ".new");
    try (OutputStream out = Files.newOutputStream(newStamp)) {
      stampForThisJvm().store(out, "the JVM and the jar " + NAME + " was made for");
    }
    Files.move(made, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    Files.move(
        newStamp, stamp, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private Properties stampForThisJvm() throws IOException {
    Properties properties = new Properties();
    properties.setProperty("java.home", System.getProperty("java.home"));
    properties.setProperty("java.vm.version", System.getProperty("java.vm.version"));
    properties.setProperty("jar.size", String.valueOf(Files.size(jar)));
    properties.setProperty(
        "jar.lastModified", String.valueOf(Files.getLastModifiedTime(jar).toMillis()));
    return properties;
  }
}
