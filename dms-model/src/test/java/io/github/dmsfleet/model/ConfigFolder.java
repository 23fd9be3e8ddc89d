package io.github.dmsfleet.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a config folder for a test: parameters, database rows and table mappings. */
final class ConfigFolder {
  static final String MAPPING =
      """
      {
        "rules": [
          {
            "rule-type": "selection",
            "rule-id": "1",
            "rule-name": "include-dbo",
            "object-locator": {"schema-name": "dbo", "table-name": "%"},
            "rule-action": "include"
          }
        ]
      }
      """;

  private final Path dir;

  private ConfigFolder(Path dir) {
    this.dir = dir;
    write(SettingsParser.FILE_NAME, "key,value\n");
    try {
      Files.createDirectories(dir.resolve(ConfigLoader.MAPPINGS_FOLDER));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A folder with default settings and no database yet. */
  static ConfigFolder in(Path dir) {
    return new ConfigFolder(dir);
  }

  ConfigFolder parameters(String text) {
    return write(SettingsParser.FILE_NAME, text);
  }

  /** Writes {@code dms_config_details.txt} as given. */
  ConfigFolder databases(String text) {
    return write(ConfigLoader.DATABASES_FILE, text);
  }

  /** Writes {@code dms_servers.txt} as given. */
  ConfigFolder servers(String text) {
    return write(ConfigLoader.SERVERS_FILE, text);
  }

  /** Writes a file into {@code dms_task_settings/}. */
  ConfigFolder taskSettings(String fileName, String json) {
    try {
      Files.createDirectories(dir.resolve(ConfigLoader.TASK_SETTINGS_FOLDER));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return write(ConfigLoader.TASK_SETTINGS_FOLDER + "/" + fileName, json);
  }

  /** Writes a valid mapping for each {@code server:dbname} pair, named as the loader expects. */
  ConfigFolder mappingsFor(String... serverAndDatabase) {
    for (String pair : serverAndDatabase) {
      String[] parts = pair.split(":", 2);
      mapping("dms_" + parts[0] + "_" + parts[1] + "_mappings.json", MAPPING);
    }
    return this;
  }

  ConfigFolder mapping(String fileName, String json) {
    return write(ConfigLoader.MAPPINGS_FOLDER + "/" + fileName, json);
  }

  Path path() {
    return dir;
  }

  Path file(String name) {
    return dir.resolve(name);
  }

  Path mappingFile(String name) {
    return dir.resolve(ConfigLoader.MAPPINGS_FOLDER).resolve(name);
  }

  Path taskSettingsFile(String name) {
    return dir.resolve(ConfigLoader.TASK_SETTINGS_FOLDER).resolve(name);
  }

  Fleet load() {
    return ConfigLoader.load(dir);
  }

  /** Every problem of a config that must be invalid. */
  List<Problem> problems() {
    try {
      load();
    } catch (ConfigException e) {
      return e.problems();
    }
    throw new AssertionError("expected the config to be invalid");
  }

  ConfigFolder write(String name, String text) {
    try {
      Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }
}
