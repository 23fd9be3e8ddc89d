package io.github.dmsfleet.model;

import io.github.dmsfleet.rules.Compute;
import io.github.dmsfleet.rules.DmsNames;
import io.github.dmsfleet.rules.ReplicationInstances;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads the optional {@code dms_servers.txt}: a row per server whose settings differ from the
 * fleet's, with a column per setting it overrides; an empty cell keeps the fleet's.
 */
final class ServersFile {
  static final String FILE_NAME = "dms_servers.txt";

  /** A column's value read into what it sets on a server; throws for a bad value. */
  private interface Column extends Function<String, Consumer<ImmutableServer.Builder>> {}

  /** Every column, as {@code config/README.md} documents them, with how its value is read. */
  private static final Map<String, Column> COLUMNS = new LinkedHashMap<>();

  static {
    COLUMNS.put(
        "compute",
        v -> {
          Compute compute = Compute.fromValue(v);
          return b -> b.compute(compute);
        });
    COLUMNS.put(
        "instance_class",
        v -> {
          String instanceClass = Values.matching(v, ReplicationInstances.INSTANCE_CLASS);
          return b -> b.instanceClass(instanceClass);
        });
    COLUMNS.put(
        "allocated_storage",
        v -> {
          int gib = Values.integer(v, ReplicationInstances.ALLOCATED_STORAGE_GIB, "GiB");
          return b -> b.allocatedStorageGiB(gib);
        });
    COLUMNS.put(
        "engine_version",
        v -> {
          String version = Values.matching(v, Values.ENGINE_VERSION);
          return b -> b.engineVersion(version);
        });
    COLUMNS.put(
        "max_capacity_units",
        v -> {
          int units = Values.capacityUnits(v);
          return b -> b.maxCapacityUnits(units);
        });
    COLUMNS.put(
        "min_capacity_units",
        v -> {
          int units = Values.capacityUnits(v);
          return b -> b.minCapacityUnits(units);
        });
    COLUMNS.put(
        "multi_az",
        v -> {
          boolean multiAz = Values.bool(v);
          return b -> b.multiAz(multiAz);
        });
    COLUMNS.put(
        "maintenance_window",
        v -> {
          String window = Values.maintenanceWindow(v);
          return b -> b.maintenanceWindow(window);
        });
  }

  /** The columns that only servers of that compute use. */
  static List<String> columnsOnlyFor(Compute compute) {
    return compute == Compute.INSTANCE
        ? List.of("instance_class", "allocated_storage", "engine_version")
        : List.of("max_capacity_units", "min_capacity_units");
  }

  /**
   * One server's row.
   *
   * @param compute the server's compute: the row's, or the fleet's
   * @param columns the columns it gives a value
   * @param overrides what those values set, to apply over the fleet's settings
   */
  record Row(
      int line,
      String server,
      Compute compute,
      Set<String> columns,
      List<Consumer<ImmutableServer.Builder>> overrides) {
    /**
     * The fleet's settings with this row's over them, ready for the server's name and databases.
     */
    ImmutableServer.Builder applyTo(ImmutableServer.Builder builder) {
      overrides.forEach(o -> o.accept(builder));
      return builder;
    }
  }

  private ServersFile() {}

  /**
   * The rows by the instance identifier of the server each names; empty when the file does not
   * exist. A row with a problem is reported and left out.
   */
  static Map<String, Row> read(ConfigFiles files, Path file, Settings settings, Problems problems) {
    Map<String, Row> rows = new LinkedHashMap<>();
    if (Files.notExists(file, LinkOption.NOFOLLOW_LINKS)) {
      return rows;
    }
    CsvFile csv =
        CsvFile.read(
            files,
            file,
            ConfigFiles.SERVERS_CAP,
            CsvFile.Format.config(List.of("server"), COLUMNS.keySet()),
            problems);
    if (csv == null) {
      return rows;
    }
    for (CsvFile.Row csvRow : csv.rows()) {
      Row row = read(file, csvRow, settings, problems);
      if (row == null) {
        continue;
      }
      Row earlier = rows.putIfAbsent(DmsNames.instanceIdentifier(row.server()), row);
      if (earlier != null) {
        problems.error(
            Problem.at(
                file,
                row.line(),
                "server '"
                    + row.server()
                    + "' already has a row on line "
                    + earlier.line()
                    + "; keep one row per server"));
      }
    }
    return rows;
  }

  private static Row read(Path file, CsvFile.Row row, Settings settings, Problems problems) {
    String server = row.trimmed("server");
    if (server.isEmpty()) {
      problems.error(
          Problem.at(
              file,
              row.line(),
              "'server' is empty; name a server of " + ConfigLoader.DATABASES_FILE));
      return null;
    }
    Set<String> columns = new LinkedHashSet<>();
    List<Consumer<ImmutableServer.Builder>> overrides = new ArrayList<>();
    boolean usable = true;
    for (Map.Entry<String, Column> column : COLUMNS.entrySet()) {
      String value = row.trimmed(column.getKey());
      if (value.isEmpty()) {
        continue;
      }
      try {
        overrides.add(column.getValue().apply(value));
        columns.add(column.getKey());
      } catch (IllegalArgumentException e) {
        problems.error(
            Problem.at(file, row.line(), "'" + column.getKey() + "': " + e.getMessage()));
        usable = false;
      }
    }
    if (!usable) {
      return null;
    }
    Compute compute =
        columns.contains("compute")
            ? Compute.fromValue(row.trimmed("compute"))
            : settings.compute();
    return new Row(
        row.line(), server, compute, Collections.unmodifiableSet(columns), List.copyOf(overrides));
  }
}
