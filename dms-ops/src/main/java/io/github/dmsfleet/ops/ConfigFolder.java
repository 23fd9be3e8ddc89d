package io.github.dmsfleet.ops;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --config}: the config folder a command reads. */
final class ConfigFolder {
  @Option(
      names = "--config",
      paramLabel = "DIR",
      defaultValue = "config",
      description = "The config folder (default: ${DEFAULT-VALUE}).")
  private Path path;

  Path path() {
    return path;
  }
}
