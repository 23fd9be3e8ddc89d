package io.github.dmsfleet.app;

import io.github.dmsfleet.constructs.DmsDatabaseOptions;
import io.github.dmsfleet.model.Database;
import io.github.dmsfleet.model.TaskSettingsOverride;

/**
 * A database's own settings from the config (as the model resolved them over the fleet's), as
 * either kind of source server takes them; the constructs name its replication, endpoints and
 * folder by the model's own rule ({@code DmsNames}), so none of those is passed.
 */
final class DatabaseOptions {
  private DatabaseOptions() {}

  static DmsDatabaseOptions of(Database database) {
    return DmsDatabaseOptions.builder()
        .secretName(database.secretName())
        .tableMappings(database.tableMapping().json())
        .migrationType(database.migrationType())
        .sslMode(database.sslMode())
        .certificateArn(database.certificateArn().orElse(null))
        .taskSettings(database.taskSettings().map(TaskSettingsOverride::json).orElse(null))
        .sourcePort(database.port())
        .build();
  }
}
