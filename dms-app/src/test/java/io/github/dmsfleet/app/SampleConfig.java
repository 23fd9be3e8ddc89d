package io.github.dmsfleet.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The repository's sample config folder, copied for a test to read or change. */
final class SampleConfig {
  static final Path FOLDER = Path.of("..", "config");

  private SampleConfig() {}

  /** Copies the sample into {@code to}, without a credentials file. */
  static Path copyTo(Path to) throws IOException {
    try (Stream<Path> files = Files.walk(FOLDER)) {
      for (Path source : files.toList()) {
        Path target = to.resolve(FOLDER.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else if (!source.getFileName().toString().equals("credentials.csv")) {
          Files.copy(source, target);
        }
      }
    }
    return to;
  }
}
