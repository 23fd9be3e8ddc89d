package io.github.dmsfleet.ops;

import io.github.dmsfleet.model.ConfigLoader;
import io.github.dmsfleet.model.Fleet;
import io.github.dmsfleet.model.Problem;
import io.github.dmsfleet.ops.internal.Console;
import java.nio.file.Path;

/**
 * The config as dms-ops needs it: names only. dms-ops deploys nothing and never reads a table
 * mapping or task settings, so a problem inside one of those files (a stray byte-order mark, a rule
 * another server's deploy would refuse) is a warning here, not a reason to refuse stopping a task.
 * Every other problem still fails, since it can change the names.
 */
final class OperationsConfig {
  private OperationsConfig() {}

  static Fleet load(Path config, Console console) {
    Fleet fleet = ConfigLoader.loadForOperations(config);
    Path mappings = config.resolve(ConfigLoader.MAPPINGS_FOLDER);
    Path taskSettings = config.resolve(ConfigLoader.TASK_SETTINGS_FOLDER);
    for (Problem warning : fleet.warnings()) {
      String ignored =
          warning.file().startsWith(mappings)
              ? " (ignored: dms-ops reads no table mapping)"
              : warning.file().startsWith(taskSettings)
                  ? " (ignored: dms-ops reads no task settings)"
                  : "";
      console.warn(warning + ignored);
    }
    return fleet;
  }
}
