package io.github.dmsfleet.ops;

import io.github.dmsfleet.model.ConfigException;
import io.github.dmsfleet.model.ConfigLoader;
import io.github.dmsfleet.model.Fleet;
import io.github.dmsfleet.model.Problem;
import io.github.dmsfleet.ops.internal.Console;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The config as dms-ops needs it: names only. dms-ops deploys nothing and never reads a table
 * mapping, so a problem inside a mapping file (a stray byte-order mark, a rule another server's
 * deploy would refuse) is a warning here, not a reason to refuse stopping a task. Every other
 * problem still fails, since it can change the names.
 */
final class OperationsConfig {
  /** Stands in for a mapping file with problems; only its validity matters. */
  private static final String ANY_MAPPING =
      "{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"1\","
          + "\"object-locator\":{\"schema-name\":\"%\",\"table-name\":\"%\"},\"rule-action\":\"include\"}]}";

  private OperationsConfig() {}

  static Fleet load(Path config, Console console) {
    try {
      Fleet fleet = ConfigLoader.load(config);
      fleet.warnings().forEach(w -> console.warn(w.toString()));
      return fleet;
    } catch (ConfigException invalid) {
      Path mappings = config.resolve(ConfigLoader.MAPPINGS_FOLDER);
      Set<Path> broken =
          invalid.problems().stream()
              .map(Problem::file)
              .filter(f -> f.startsWith(mappings) && !f.equals(mappings))
              .collect(Collectors.toSet());
      if (broken.isEmpty()
          || invalid.problems().stream().anyMatch(p -> !broken.contains(p.file()))) {
        throw invalid;
      }
      Fleet fleet = loadWithout(config, broken, invalid, console);
      invalid
          .problems()
          .forEach(p -> console.warn(p + " (ignored: dms-ops reads no table mapping)"));
      return fleet;
    }
  }

  /** Loads a copy of the config whose broken mapping files select every table instead. */
  private static Fleet loadWithout(
      Path config, Set<Path> broken, ConfigException invalid, Console console) {
    Path copy = null;
    try {
      copy = Files.createTempDirectory("dms-ops-config");
      for (String file : List.of("parameters.txt", ConfigLoader.DATABASES_FILE)) {
        if (Files.isRegularFile(config.resolve(file))) {
          Files.copy(config.resolve(file), copy.resolve(file));
        }
      }
      Path mappings = Files.createDirectory(copy.resolve(ConfigLoader.MAPPINGS_FOLDER));
      try (Stream<Path> files = Files.list(config.resolve(ConfigLoader.MAPPINGS_FOLDER))) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          Path target = mappings.resolve(file.getFileName().toString());
          if (broken.contains(file)) {
            Files.writeString(target, ANY_MAPPING);
          } else {
            Files.copy(file, target);
          }
        }
      }
      Fleet fleet = ConfigLoader.load(copy);
      Path root = copy;
      fleet
          .warnings()
          .forEach(
              w ->
                  console.warn(
                      new Problem(config.resolve(root.relativize(w.file())), w.line(), w.message())
                          .toString()));
      return fleet;
    } catch (ConfigException stillInvalid) {
      throw invalid;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(copy);
    }
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // a temp folder left behind is harmless
    }
  }
}
