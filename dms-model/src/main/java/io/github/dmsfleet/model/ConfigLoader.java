package io.github.dmsfleet.model;

import io.github.dmsfleet.rules.Compute;
import io.github.dmsfleet.rules.DmsNames;
import io.github.dmsfleet.rules.Quotas;
import io.github.dmsfleet.rules.Suggestions;
import io.github.dmsfleet.rules.TableMappings;
import io.github.dmsfleet.rules.TaskSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Reads a config folder into a {@link Fleet}: {@code parameters.txt}, {@code
 * dms_config_details.txt}, {@code dms_json_mappings/}, and the optional {@code dms_servers.txt} and
 * {@code dms_task_settings/}.
 *
 * <pre>{@code
 * Fleet fleet = ConfigLoader.load(Path.of("config")); // throws ConfigException listing every problem
 * }</pre>
 */
public final class ConfigLoader {
  public static final String DATABASES_FILE = "dms_config_details.txt";
  public static final String SERVERS_FILE = ServersFile.FILE_NAME;
  public static final String MAPPINGS_FOLDER = "dms_json_mappings";
  public static final String TASK_SETTINGS_FOLDER = "dms_task_settings";

  /** The keys of {@code parameters.txt} that only servers of one compute use. */
  private static final Map<Compute, List<String>> FLEET_KEYS_ONLY_FOR =
      Map.of(
          Compute.INSTANCE,
          List.of("instancesize", "allocated_storage", "engine_version"),
          Compute.SERVERLESS,
          List.of("max_capacity_units", "min_capacity_units"));

  private final Path dir;
  private final ConfigFiles files;
  private final Problems problems = new Problems();
  private final boolean documentsUnread;

  private ConfigLoader(Path dir, boolean documentsUnread) {
    this.dir = dir;
    this.files = ConfigFiles.in(dir);
    this.documentsUnread = documentsUnread;
  }

  /**
   * Reads and validates the folder; throws a {@link ConfigException} listing every problem found.
   */
  public static Fleet load(Path configDir) {
    return new ConfigLoader(configDir, false).load();
  }

  /**
   * Reads the folder for a command that deploys nothing and so never reads a table mapping or task
   * settings: problems inside those documents are warnings (in {@link Fleet#warnings()}), since
   * they change no name, and each database holds its documents as they are. Every other problem
   * throws.
   */
  public static Fleet loadForOperations(Path configDir) {
    return new ConfigLoader(configDir, true).load();
  }

  private Fleet load() {
    if (!Files.isDirectory(dir)) {
      throw new ConfigException(
          List.of(
              Problem.inFile(
                  dir,
                  "config folder not found; point to the folder holding "
                      + SettingsParser.FILE_NAME
                      + " and "
                      + DATABASES_FILE)));
    }
    Path parametersFile = dir.resolve(SettingsParser.FILE_NAME);
    SettingsParser.Parsed parsed = SettingsParser.read(files, parametersFile, problems);
    Settings settings = parsed.settings();
    Map<String, ServersFile.Row> serverRows =
        ServersFile.read(files, dir.resolve(SERVERS_FILE), settings, problems);
    JsonFolder mappings =
        new JsonFolder(
                files,
                dir.resolve(MAPPINGS_FOLDER),
                ConfigFiles.MAPPING_CAP,
                TableMappings::validate,
                documentsUnread)
            .index(
                "folder not found; create it with one table-mapping JSON per database", problems);
    JsonFolder taskSettings =
        new JsonFolder(
                files,
                dir.resolve(TASK_SETTINGS_FOLDER),
                ConfigFiles.TASK_SETTINGS_CAP,
                TaskSettings::validate,
                documentsUnread)
            .index(null, problems);
    DatabaseRows rows =
        new DatabaseRows(
            dir.resolve(DATABASES_FILE),
            parsed,
            parametersFile,
            mappings,
            taskSettings,
            instance ->
                serverRows.containsKey(instance)
                    ? serverRows.get(instance).compute()
                    : settings.compute(),
            problems);
    List<Database> databases = rows.read(files);
    List<Server> servers = groupByServer(databases, settings, serverRows);
    if (!servers.isEmpty()) {
      checkServerRows(servers, serverRows);
      checkComputeSettings(servers, serverRows, parsed, parametersFile);
      if (settings.certificateArn().isPresent() && !rows.fleetCertificateUsed()) {
        problems.error(
            Problem.at(
                parametersFile,
                parsed.lineOf("certificate_arn"),
                "key 'certificate_arn' applies only to databases whose ssl_mode is verify-ca or"
                    + " verify-full and whose row names no certificate, and none does; set"
                    + " ssl_mode or remove the key"));
      }
    }
    checkQuotas(servers, databases.size());
    problems.throwIfAny();
    return ImmutableFleet.builder()
        .settings(settings)
        .servers(servers)
        .warnings(problems.warnings())
        .build();
  }

  /** One server per instance identifier, whatever the order of the rows. */
  private List<Server> groupByServer(
      List<Database> databases, Settings settings, Map<String, ServersFile.Row> serverRows) {
    Map<String, List<Database>> byInstance = new LinkedHashMap<>();
    Map<String, Database> firstOfInstance = new HashMap<>();
    Path file = dir.resolve(DATABASES_FILE);
    for (Database database : databases) {
      String instance = DmsNames.instanceIdentifier(database.serverName());
      Database first = firstOfInstance.putIfAbsent(instance, database);
      if (first != null && !first.serverName().equals(database.serverName())) {
        problems.error(
            Problem.at(
                file,
                database.line(),
                "server '"
                    + database.serverName()
                    + "' and server '"
                    + first.serverName()
                    + "' on line "
                    + first.line()
                    + " both become replication instance '"
                    + instance
                    + "'; spell the server name the same way in every row"));
        continue;
      }
      byInstance.computeIfAbsent(instance, k -> new ArrayList<>()).add(database);
    }
    List<Server> servers = new ArrayList<>();
    byInstance.forEach(
        (instance, members) -> {
          ImmutableServer.Builder server = ImmutableServer.builder().from(settings);
          ServersFile.Row row = serverRows.get(instance);
          if (row != null) {
            row.applyTo(server);
          }
          servers.add(
              server
                  .name(members.get(0).serverName())
                  .instanceIdentifier(instance)
                  .databases(members)
                  .build());
        });
    return servers;
  }

  /** Every row of {@code dms_servers.txt} names a server of {@code dms_config_details.txt}. */
  private void checkServerRows(List<Server> servers, Map<String, ServersFile.Row> serverRows) {
    List<String> instances = servers.stream().map(Server::instanceIdentifier).toList();
    List<String> names = servers.stream().map(Server::name).toList();
    serverRows.forEach(
        (instance, row) -> {
          if (!instances.contains(instance)) {
            problems.error(
                Problem.at(
                    dir.resolve(SERVERS_FILE),
                    row.line(),
                    "server '"
                        + row.server()
                        + "' is not in "
                        + DATABASES_FILE
                        + "; "
                        + Suggestions.didYouMean(row.server(), names)));
          }
        });
  }

  /**
   * Instance-only settings apply to servers on instances, capacities to serverless ones, each as
   * the server's row or the fleet's settings give them.
   */
  private void checkComputeSettings(
      List<Server> servers,
      Map<String, ServersFile.Row> serverRows,
      SettingsParser.Parsed parsed,
      Path parametersFile) {
    Path serversFile = dir.resolve(SERVERS_FILE);
    for (Server server : servers) {
      ServersFile.Row row = serverRows.get(server.instanceIdentifier());
      if (row != null) {
        for (Compute other : Compute.values()) {
          for (String column : ServersFile.columnsOnlyFor(other)) {
            if (other != server.compute() && row.columns().contains(column)) {
              problems.error(
                  Problem.at(
                      serversFile,
                      row.line(),
                      "'"
                          + column
                          + "' applies only to "
                          + appliesTo(other)
                          + ", and server '"
                          + server.name()
                          + "' runs "
                          + runsOn(server.compute())
                          + "; remove it or set compute "
                          + other.value()));
            }
          }
        }
      }
      OptionalInt min = server.minCapacityUnits();
      if (server.compute() == Compute.SERVERLESS
          && min.isPresent()
          && min.getAsInt() > server.maxCapacityUnits()) {
        boolean rowSetsCapacity =
            row != null
                && (row.columns().contains("min_capacity_units")
                    || row.columns().contains("max_capacity_units"));
        String message =
            "min_capacity_units "
                + min.getAsInt()
                + " is above max_capacity_units "
                + server.maxCapacityUnits()
                + "; lower it or raise max_capacity_units";
        problems.error(
            rowSetsCapacity
                ? Problem.at(serversFile, row.line(), message)
                : Problem.at(parametersFile, parsed.lineOf("min_capacity_units"), message));
      }
    }
    for (Compute compute : Compute.values()) {
      if (servers.stream().noneMatch(s -> s.compute() == compute)) {
        for (String key : FLEET_KEYS_ONLY_FOR.get(compute)) {
          if (parsed.sets(key)) {
            problems.error(
                Problem.at(
                    parametersFile,
                    parsed.lineOf(key),
                    "key '"
                        + key
                        + "' applies only to "
                        + appliesTo(compute)
                        + ", and no server runs "
                        + runsOn(compute)
                        + "; remove it, or set compute "
                        + compute.value()
                        + " here or for a server in "
                        + SERVERS_FILE));
          }
        }
      }
    }
  }

  private static String appliesTo(Compute compute) {
    return compute == Compute.INSTANCE ? "replication instances" : "serverless replications";
  }

  private static String runsOn(Compute compute) {
    return compute == Compute.INSTANCE ? "on a replication instance" : "serverless";
  }

  private void checkQuotas(List<Server> servers, int databaseCount) {
    Path file = dir.resolve(DATABASES_FILE);
    List<Server> onInstances =
        servers.stream().filter(s -> s.compute() == Compute.INSTANCE).toList();
    for (Server server : servers) {
      int cap =
          server.compute() == Compute.INSTANCE
              ? Quotas.DATABASES_PER_INSTANCE
              : Quotas.DATABASES_PER_SERVERLESS_SERVER;
      if (server.databases().size() > cap) {
        String why =
            server.compute() == Compute.INSTANCE
                ? "one replication instance serves at most "
                    + Quotas.ENDPOINTS_PER_INSTANCE
                    + " endpoints, so at most "
                : "a serverless server's stack holds 6 resources per database and CloudFormation"
                    + " takes "
                    + Quotas.RESOURCES_PER_STACK
                    + " per stack, so at most ";
        problems.error(
            Problem.at(
                file,
                server.databases().get(cap).line(),
                "server '"
                    + server.name()
                    + "' has "
                    + server.databases().size()
                    + " databases; "
                    + why
                    + cap
                    + " databases: list the rest under a second server name"
                    + " (such as '"
                    + server.name()
                    + "-2') with matching credentials rows"));
      }
    }
    int tasks = onInstances.stream().mapToInt(s -> s.databases().size()).sum();
    warnAbove(file, onInstances.size(), Quotas.INSTANCES_PER_ACCOUNT, "replication instances");
    warnAbove(file, tasks, Quotas.TASKS_PER_ACCOUNT, "replication tasks");
    warnAbove(file, 2 * databaseCount, Quotas.ENDPOINTS_PER_ACCOUNT, "endpoints");
  }

  private void warnAbove(Path file, int count, int quota, String what) {
    if (count > quota) {
      problems.warning(
          Problem.inFile(
              file,
              "the config needs "
                  + count
                  + " "
                  + what
                  + "; the default DMS quota is "
                  + quota
                  + " per account and Region: raise it in Service Quotas before deploying"));
    }
  }
}
