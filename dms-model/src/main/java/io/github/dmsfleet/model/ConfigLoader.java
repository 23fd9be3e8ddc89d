package io.github.dmsfleet.model;

import io.github.dmsfleet.rules.DmsIdentifiers;
import io.github.dmsfleet.rules.Finding;
import io.github.dmsfleet.rules.Quotas;
import io.github.dmsfleet.rules.Secrets;
import io.github.dmsfleet.rules.SourceEngine;
import io.github.dmsfleet.rules.TableMappings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads a config folder into a {@link Fleet}: {@code parameters.txt}, {@code
 * dms_config_details.txt} and {@code dms_json_mappings/}.
 *
 * <pre>{@code
 * Fleet fleet = ConfigLoader.load(Path.of("config")); // throws ConfigException listing every problem
 * }</pre>
 */
public final class ConfigLoader {
  public static final String DATABASES_FILE = "dms_config_details.txt";
  public static final String MAPPINGS_FOLDER = "dms_json_mappings";

  private static final List<String> REQUIRED_COLUMNS = List.of("server", "dbname");
  private static final Set<String> OPTIONAL_COLUMNS = Set.of("engine", "mapping_file");

  private final Path dir;
  private final Problems problems = new Problems();
  private final Map<String, List<Path>> mappingFilesByLowerName = new HashMap<>();
  private final Map<Path, TableMapping> mappingsRead = new HashMap<>();

  private ConfigLoader(Path dir) {
    this.dir = dir;
  }

  /**
   * Reads and validates the folder; throws a {@link ConfigException} listing every problem found.
   */
  public static Fleet load(Path configDir) {
    return new ConfigLoader(configDir).load();
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
    Settings settings = SettingsParser.parse(dir.resolve(SettingsParser.FILE_NAME), problems);
    indexMappingFiles();
    List<Database> databases = readDatabases(settings);
    List<Server> servers = groupByServer(databases);
    checkQuotas(servers, databases.size());
    problems.throwIfAny();
    return ImmutableFleet.builder()
        .settings(settings)
        .servers(servers)
        .warnings(problems.warnings())
        .build();
  }

  private void indexMappingFiles() {
    Path folder = dir.resolve(MAPPINGS_FOLDER);
    if (!Files.isDirectory(folder)) {
      problems.error(
          Problem.inFile(
              folder, "folder not found; create it with one table-mapping JSON per database"));
      return;
    }
    try (Stream<Path> files = Files.list(folder)) {
      files
          .filter(Files::isRegularFile)
          .sorted()
          .forEach(
              f ->
                  mappingFilesByLowerName
                      .computeIfAbsent(
                          f.getFileName().toString().toLowerCase(Locale.ROOT),
                          k -> new ArrayList<>())
                      .add(f));
    } catch (IOException e) {
      problems.error(Problem.inFile(folder, "cannot be listed: " + e.getMessage()));
    }
  }

  private List<Database> readDatabases(Settings settings) {
    Path file = dir.resolve(DATABASES_FILE);
    CsvFile csv = CsvFile.read(file, REQUIRED_COLUMNS, OPTIONAL_COLUMNS, problems);
    if (csv == null) {
      return List.of();
    }
    if (csv.headerOnly()) {
      problems.error(Problem.inFile(file, "lists no database; add a row 'server,dbname' for each"));
    }
    List<Database> databases = new ArrayList<>();
    Map<String, Database> byTask = new HashMap<>();
    for (CsvFile.Row row : csv.rows()) {
      Database database = readDatabase(file, row, settings);
      if (database == null) {
        continue;
      }
      Database earlier = byTask.putIfAbsent(database.taskIdentifier(), database);
      if (earlier != null) {
        problems.error(
            Problem.at(
                file,
                row.line(),
                describe(database)
                    + " and "
                    + describe(earlier)
                    + " on line "
                    + earlier.line()
                    + " both become task '"
                    + database.taskIdentifier()
                    + "'; remove the duplicate or rename one"));
        continue;
      }
      databases.add(database);
    }
    return databases;
  }

  private Database readDatabase(Path file, CsvFile.Row row, Settings settings) {
    String server = row.trimmed("server");
    String name = row.trimmed("dbname");
    int line = row.line();
    boolean usable = true;
    if (server.isEmpty()) {
      problems.error(Problem.at(file, line, "'server' is empty; name the source server"));
      usable = false;
    }
    if (name.isEmpty()) {
      problems.error(Problem.at(file, line, "'dbname' is empty; name the source database"));
      usable = false;
    }
    SourceEngine engine = row.engine(file, settings.sourceEngine(), problems);
    if (!usable || engine == null) {
      return null;
    }
    String instance = Names.instanceIdentifier(server);
    String task = Names.taskIdentifier(server, name);
    String source = Names.sourceEndpointIdentifier(server, name, engine);
    String target = Names.targetEndpointIdentifier(server, name);
    usable &=
        checkLength(
            file,
            line,
            "replication instance",
            instance,
            DmsIdentifiers.MAX_INSTANCE_LENGTH,
            "server");
    usable &=
        checkLength(
            file,
            line,
            "task",
            task,
            DmsIdentifiers.MAX_TASK_OR_ENDPOINT_LENGTH,
            "server or database");
    usable &=
        checkLength(
            file,
            line,
            "source endpoint",
            source,
            DmsIdentifiers.MAX_TASK_OR_ENDPOINT_LENGTH,
            "server or database");
    String secret = Names.secretName(settings.secretNamePattern(), server, name, engine);
    usable &= checkSecretName(file, line, secret);
    TableMapping mapping = tableMapping(file, row, server, name);
    if (!usable || mapping == null) {
      return null;
    }
    return ImmutableDatabase.builder()
        .serverName(server)
        .name(name)
        .engine(engine)
        .line(line)
        .taskIdentifier(task)
        .sourceEndpointIdentifier(source)
        .targetEndpointIdentifier(target)
        .secretName(secret)
        .s3Prefix(Names.s3Prefix(settings.s3Prefix(), server, name))
        .tableMapping(mapping)
        .build();
  }

  private boolean checkLength(
      Path file, int line, String what, String identifier, int max, String shorten) {
    if (identifier.length() <= max) {
      return true;
    }
    problems.error(
        Problem.at(
            file,
            line,
            what
                + " identifier '"
                + identifier
                + "' is "
                + identifier.length()
                + " characters; DMS allows at most "
                + max
                + ": shorten the "
                + shorten
                + " name"));
    return false;
  }

  private boolean checkSecretName(Path file, int line, String secret) {
    if (secret.length() > Secrets.MAX_NAME_LENGTH) {
      problems.error(
          Problem.at(
              file,
              line,
              "secret name '"
                  + secret
                  + "' is longer than "
                  + Secrets.MAX_NAME_LENGTH
                  + " characters; shorten the names or 'secret_name_pattern'"));
      return false;
    }
    if (Secrets.looksLikeArnSuffix(secret)) {
      problems.error(
          Problem.at(
              file,
              line,
              "secret name '"
                  + secret
                  + "' ends in a hyphen and six characters,"
                  + " which Secrets Manager confuses with an ARN suffix; change 'secret_name_pattern' or the names"));
      return false;
    }
    return true;
  }

  private TableMapping tableMapping(Path file, CsvFile.Row row, String server, String name) {
    String given = row.trimmed("mapping_file");
    String expected = given.isEmpty() ? "dms_" + server + "_" + name + "_mappings.json" : given;
    Path expectedPath = dir.resolve(MAPPINGS_FOLDER).resolve(expected);
    List<Path> candidates =
        mappingFilesByLowerName.getOrDefault(expected.toLowerCase(Locale.ROOT), List.of());
    if (candidates.isEmpty()) {
      problems.error(
          Problem.at(
              file,
              row.line(),
              "no table mapping for server '"
                  + server
                  + "' database '"
                  + name
                  + "'; expected "
                  + expectedPath));
      return null;
    }
    if (candidates.size() > 1) {
      problems.error(
          Problem.at(
              file,
              row.line(),
              "table mapping for server '"
                  + server
                  + "' database '"
                  + name
                  + "' is ambiguous: "
                  + candidates
                  + " differ only in case; keep one"));
      return null;
    }
    Path mappingFile = candidates.get(0);
    if (!mappingsRead.containsKey(mappingFile)) {
      mappingsRead.put(mappingFile, readMapping(mappingFile));
    }
    return mappingsRead.get(mappingFile);
  }

  private TableMapping readMapping(Path file) {
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      problems.error(Problem.inFile(file, "cannot be read as UTF-8 text: " + e.getMessage()));
      return null;
    }
    List<Finding> findings = TableMappings.validate(json);
    findings.forEach(f -> problems.error(Problem.at(file, f.line(), f.message())));
    if (!findings.isEmpty()) {
      return null;
    }
    return ImmutableTableMapping.builder().file(file).json(json).build();
  }

  /** One server per instance identifier, whatever the order of the rows. */
  private List<Server> groupByServer(List<Database> databases) {
    Map<String, List<Database>> byInstance = new LinkedHashMap<>();
    Map<String, Database> firstOfInstance = new HashMap<>();
    Path file = dir.resolve(DATABASES_FILE);
    for (Database database : databases) {
      String instance = Names.instanceIdentifier(database.serverName());
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
        (instance, members) ->
            servers.add(
                ImmutableServer.builder()
                    .name(members.get(0).serverName())
                    .instanceIdentifier(instance)
                    .databases(members)
                    .build()));
    return servers;
  }

  private void checkQuotas(List<Server> servers, int databaseCount) {
    Path file = dir.resolve(DATABASES_FILE);
    for (Server server : servers) {
      if (server.databases().size() > Quotas.DATABASES_PER_INSTANCE) {
        Database first = server.databases().get(Quotas.DATABASES_PER_INSTANCE);
        problems.error(
            Problem.at(
                file,
                first.line(),
                "server '"
                    + server.name()
                    + "' has "
                    + server.databases().size()
                    + " databases; one replication instance serves at most "
                    + Quotas.ENDPOINTS_PER_INSTANCE
                    + " endpoints, so at most "
                    + Quotas.DATABASES_PER_INSTANCE
                    + " databases: list the rest under a second server name"
                    + " (such as '"
                    + server.name()
                    + "-2') with matching credentials rows"));
      }
    }
    warnAbove(file, servers.size(), Quotas.INSTANCES_PER_ACCOUNT, "replication instances");
    warnAbove(file, databaseCount, Quotas.TASKS_PER_ACCOUNT, "replication tasks");
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

  private static String describe(Database database) {
    return "server '" + database.serverName() + "' database '" + database.name() + "'";
  }
}
