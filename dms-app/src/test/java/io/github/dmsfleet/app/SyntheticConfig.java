package io.github.dmsfleet.app;

import io.github.dmsfleet.rules.Compute;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a config folder of {@code servers} x {@code databasesPerServer} databases, rows
 * interleaved by server.
 */
final class SyntheticConfig {
  private static final String MAPPING =
      """
      {
        "rules": [
          {
            "rule-type": "selection",
            "rule-id": "1",
            "rule-name": "include-dbo",
            "object-locator": {"schema-name": "dbo", "table-name": "%%"},
            "rule-action": "include"
          },
          {
            "rule-type": "selection",
            "rule-id": "2",
            "rule-name": "exclude-%s-audit",
            "object-locator": {"schema-name": "dbo", "table-name": "audit%%"},
            "rule-action": "exclude"
          }
        ]
      }
      """;

  private SyntheticConfig() {}

  static Path write(Path dir, int servers, int databasesPerServer) throws IOException {
    return write(dir, servers, databasesPerServer, Compute.INSTANCE);
  }

  /** As {@link #write(Path, int, int)}, every server on {@code compute}. */
  static Path write(Path dir, int servers, int databasesPerServer, Compute compute)
      throws IOException {
    Files.createDirectories(dir.resolve("dms_json_mappings"));
    Files.writeString(
        dir.resolve("parameters.txt"),
        "key,value\n"
            + (compute == Compute.INSTANCE ? "instancesize,dms.r5.large" : "compute,serverless")
            + "\nalert_email,dms-alerts@example.com\n");
    List<String> rows = new ArrayList<>(List.of("server,dbname"));
    // Database-major order, so that no server's rows stand together: grouping must not depend on
    // order.
    for (int d = 1; d <= databasesPerServer; d++) {
      for (int s = 1; s <= servers; s++) {
        String server = "sqlsrv" + s;
        String database = "db" + d;
        rows.add(server + "," + database);
        Files.writeString(
            dir.resolve("dms_json_mappings/dms_" + server + "_" + database + "_mappings.json"),
            MAPPING.formatted(database));
      }
    }
    Files.write(dir.resolve("dms_config_details.txt"), rows);
    return dir;
  }
}
