package io.github.dmsfleet.model;

import io.github.dmsfleet.rules.Compute;
import io.github.dmsfleet.rules.DmsIdentifiers;
import io.github.dmsfleet.rules.DmsNames;
import io.github.dmsfleet.rules.MigrationType;
import io.github.dmsfleet.rules.Networks;
import io.github.dmsfleet.rules.Secrets;
import io.github.dmsfleet.rules.SourceEngine;
import io.github.dmsfleet.rules.SslMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads {@code dms_config_details.txt}: a row per database, with its names, table mapping and the
 * settings it gives over the fleet's.
 */
final class DatabaseRows {
  static final List<String> REQUIRED_COLUMNS = List.of("server", "dbname");
  static final Set<String> OPTIONAL_COLUMNS =
      Set.of(
          "engine",
          "mapping_file",
          "migration_type",
          "ssl_mode",
          "certificate_arn",
          "task_settings",
          "port");

  /** A database's effective SSL mode and the certificate it checks against. */
  private record Ssl(SslMode mode, Optional<String> certificateArn) {}

  private final Path file;
  private final SettingsParser.Parsed parsed;
  private final Path parametersFile;
  private final JsonFolder mappings;
  private final JsonFolder taskSettings;
  private final Function<String, Compute> computeOfServer;
  private final Problems problems;
  private boolean fleetCertificateUsed;

  /**
   * @param computeOfServer the compute of a server, by its instance identifier
   */
  DatabaseRows(
      Path file,
      SettingsParser.Parsed parsed,
      Path parametersFile,
      JsonFolder mappings,
      JsonFolder taskSettings,
      Function<String, Compute> computeOfServer,
      Problems problems) {
    this.file = file;
    this.parsed = parsed;
    this.parametersFile = parametersFile;
    this.mappings = mappings;
    this.taskSettings = taskSettings;
    this.computeOfServer = computeOfServer;
    this.problems = problems;
  }

  /** Whether a database checks its certificate against the fleet's {@code certificate_arn}. */
  boolean fleetCertificateUsed() {
    return fleetCertificateUsed;
  }

  /** The usable databases, in file order; every problem is recorded. */
  List<Database> read(ConfigFiles files) {
    CsvFile csv =
        CsvFile.read(
            files,
            file,
            ConfigFiles.DATABASES_CAP,
            CsvFile.Format.config(REQUIRED_COLUMNS, OPTIONAL_COLUMNS),
            problems);
    if (csv == null) {
      return List.of();
    }
    if (csv.headerOnly()) {
      problems.error(Problem.inFile(file, "lists no database; add a row 'server,dbname' for each"));
    }
    List<Database> databases = new ArrayList<>();
    Map<String, Database> byTask = new HashMap<>();
    for (CsvFile.Row row : csv.rows()) {
      Database database = read(row);
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

  private Database read(CsvFile.Row row) {
    Settings settings = parsed.settings();
    String server = row.trimmed("server");
    String name = row.trimmed("dbname");
    int line = row.line();
    int before = problems.errorCount();
    if (server.isEmpty()) {
      error(line, "'server' is empty; name the source server");
    }
    if (name.isEmpty()) {
      error(line, "'dbname' is empty; name the source database");
    }
    SourceEngine engine = row.engine(file, settings.sourceEngine(), problems);
    if (problems.errorCount() > before || engine == null) {
      return null;
    }
    String instance = DmsNames.instanceIdentifier(server);
    String task = DmsNames.taskIdentifier(server, name);
    String source = DmsNames.sourceEndpointIdentifier(server, name, engine);
    boolean serverless = computeOfServer.apply(instance) == Compute.SERVERLESS;
    if (serverless) {
      checkLength(
          line,
          "replication config",
          task,
          DmsIdentifiers.MAX_REPLICATION_CONFIG_LENGTH,
          "server or database");
    } else {
      checkLength(
          line, "replication instance", instance, DmsIdentifiers.MAX_INSTANCE_LENGTH, "server");
      checkLength(
          line, "task", task, DmsIdentifiers.MAX_TASK_OR_ENDPOINT_LENGTH, "server or database");
    }
    checkLength(
        line,
        "source endpoint",
        source,
        DmsIdentifiers.MAX_TASK_OR_ENDPOINT_LENGTH,
        "server or database");
    String secret = Names.secretName(settings.secretNamePattern(), server, name, engine);
    checkSecretName(line, secret);
    MigrationType migrationType = migrationType(row);
    Ssl ssl = ssl(row, engine);
    int port = port(row, engine);
    Optional<TableMapping> mapping = tableMapping(row, server, name);
    Optional<TaskSettingsOverride> overrides = taskSettings(row, server, name);
    // A shared file that is invalid is reported once, for the first row that names it.
    boolean filesUsable =
        mapping.isPresent() && (overrides.isPresent() || !row.has("task_settings"));
    if (problems.errorCount() > before || !filesUsable) {
      return null;
    }
    return ImmutableDatabase.builder()
        .serverName(server)
        .name(name)
        .engine(engine)
        .line(line)
        .taskIdentifier(task)
        .sourceEndpointIdentifier(source)
        .targetEndpointIdentifier(DmsNames.targetEndpointIdentifier(server, name))
        .secretName(secret)
        .s3Prefix(Names.s3Prefix(settings.s3Prefix(), server, name))
        .tableMapping(mapping.orElseThrow())
        .migrationType(migrationType)
        .sslMode(ssl.mode())
        .certificateArn(ssl.certificateArn())
        .taskSettings(overrides)
        .port(port)
        .build();
  }

  private void checkLength(int line, String what, String identifier, int max, String shorten) {
    if (identifier.length() > max) {
      error(
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
              + " name");
    }
  }

  private void checkSecretName(int line, String secret) {
    if (secret.length() > Secrets.MAX_NAME_LENGTH) {
      error(
          line,
          "secret name '"
              + secret
              + "' is longer than "
              + Secrets.MAX_NAME_LENGTH
              + " characters; shorten the names or 'secret_name_pattern'");
    } else if (Secrets.looksLikeArnSuffix(secret)) {
      error(
          line,
          "secret name '"
              + secret
              + "' ends in a hyphen and six characters,"
              + " which Secrets Manager confuses with an ARN suffix; change 'secret_name_pattern' or the names");
    }
  }

  private MigrationType migrationType(CsvFile.Row row) {
    if (!row.has("migration_type")) {
      return parsed.settings().migrationType();
    }
    try {
      return MigrationType.fromValue(row.trimmed("migration_type"));
    } catch (IllegalArgumentException e) {
      error(row.line(), "'migration_type': " + e.getMessage());
      return parsed.settings().migrationType();
    }
  }

  /** The row's port, or the engine's usual one. */
  private int port(CsvFile.Row row, SourceEngine engine) {
    if (!row.has("port")) {
      return engine.defaultPort();
    }
    String value = row.trimmed("port");
    try {
      int port = Integer.parseInt(value);
      if (Networks.PORT.contains(port)) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below with the range
    }
    error(
        row.line(),
        "'port' must be a TCP port from "
            + Networks.PORT.min()
            + " to "
            + Networks.PORT.max()
            + ", got '"
            + value
            + "'; leave it empty for "
            + engine.engineName()
            + "'s usual "
            + engine.defaultPort());
    return engine.defaultPort();
  }

  /**
   * The database's SSL mode and certificate, its row's over the fleet's. A problem that the row
   * does not cause (the fleet's mode for the fleet's engine) is reported once, in {@code
   * parameters.txt}.
   */
  private Ssl ssl(CsvFile.Row row, SourceEngine engine) {
    Settings settings = parsed.settings();
    int line = row.line();
    SslMode mode = settings.sslMode();
    boolean rowSetsMode = row.has("ssl_mode");
    if (rowSetsMode) {
      try {
        mode = SslMode.fromValue(row.trimmed("ssl_mode"));
      } catch (IllegalArgumentException e) {
        error(line, "'ssl_mode': " + e.getMessage());
        return new Ssl(mode, Optional.empty());
      }
    }
    Optional<String> rowCertificate = Optional.empty();
    if (row.has("certificate_arn")) {
      try {
        rowCertificate =
            Optional.of(Values.matching(row.trimmed("certificate_arn"), Values.CERTIFICATE_ARN));
      } catch (IllegalArgumentException e) {
        error(line, "'certificate_arn': " + e.getMessage());
      }
    }
    boolean fromFleet = !rowSetsMode && !row.has("engine");
    int fleetLine = parsed.lineOf("ssl_mode");
    if (!engine.sslModes().contains(mode)) {
      String modes = modes(engine);
      if (fromFleet) {
        problems.error(
            Problem.at(
                parametersFile,
                fleetLine,
                "ssl_mode '"
                    + mode.value()
                    + "'"
                    + (parsed.sets("ssl_mode") ? "" : " (the default)")
                    + " is not one DMS supports for "
                    + engine.engineName()
                    + " sources, which take "
                    + modes
                    + "; set ssl_mode here, or per database in "
                    + ConfigLoader.DATABASES_FILE));
      } else {
        error(
            line,
            "ssl_mode '"
                + mode.value()
                + "'"
                + (rowSetsMode ? "" : " (the fleet's)")
                + " is not one DMS supports for "
                + engine.engineName()
                + " sources; "
                + (rowSetsMode ? "use " : "set the row's ssl_mode to ")
                + modes);
      }
      return new Ssl(mode, Optional.empty());
    }
    Optional<String> certificate = Optional.empty();
    if (mode.verifiesCertificate()) {
      certificate = rowCertificate.or(settings::certificateArn);
      fleetCertificateUsed |= rowCertificate.isEmpty() && certificate.isPresent();
      if (certificate.isEmpty() && rowSetsMode) {
        error(
            line,
            "ssl_mode '"
                + mode.value()
                + "' needs a certificate: give 'certificate_arn' in this row or in "
                + SettingsParser.FILE_NAME);
      } else if (certificate.isEmpty()) {
        problems.error(
            Problem.at(
                parametersFile,
                fleetLine,
                "ssl_mode '"
                    + mode.value()
                    + "' needs 'certificate_arn', the DMS certificate of the sources' certificate"
                    + " authority"));
      }
    } else if (rowCertificate.isPresent()) {
      error(
          line,
          "'certificate_arn' applies only to ssl_mode verify-ca or verify-full; set the row's"
              + " ssl_mode or remove it");
    }
    if (mode == SslMode.NONE && !settings.allowUnencryptedSources()) {
      String message =
          "ssl_mode 'none' sends data and credentials unencrypted; set"
              + " 'allow_unencrypted_sources,true' in "
              + SettingsParser.FILE_NAME
              + " to accept that, or use an encrypted mode";
      problems.error(
          rowSetsMode
              ? Problem.at(file, line, message)
              : Problem.at(parametersFile, fleetLine, message));
    }
    return new Ssl(mode, certificate);
  }

  private static String modes(SourceEngine engine) {
    List<String> values = engine.sslModes().stream().map(SslMode::value).toList();
    return String.join(", ", values.subList(0, values.size() - 1))
        + " or "
        + values.get(values.size() - 1);
  }

  private Optional<TableMapping> tableMapping(CsvFile.Row row, String server, String name) {
    String given = row.trimmed("mapping_file");
    String expected = given.isEmpty() ? "dms_" + server + "_" + name + "_mappings.json" : given;
    return find(row, mappings, "table mapping", expected, server, name)
        .flatMap(
            f ->
                mappings
                    .json(f, problems)
                    .map(json -> ImmutableTableMapping.builder().file(f).json(json).build()));
  }

  private Optional<TaskSettingsOverride> taskSettings(CsvFile.Row row, String server, String name) {
    if (!row.has("task_settings")) {
      return Optional.empty();
    }
    return find(row, taskSettings, "task settings", row.trimmed("task_settings"), server, name)
        .flatMap(
            f ->
                taskSettings
                    .json(f, problems)
                    .map(
                        json ->
                            ImmutableTaskSettingsOverride.builder().file(f).json(json).build()));
  }

  /** The one file of that name in the folder; empty, with the problem recorded, otherwise. */
  private Optional<Path> find(
      CsvFile.Row row,
      JsonFolder folder,
      String what,
      String fileName,
      String server,
      String name) {
    List<Path> candidates = folder.find(fileName);
    if (candidates.isEmpty()) {
      error(
          row.line(),
          "no "
              + what
              + " for server '"
              + server
              + "' database '"
              + name
              + "'; expected "
              + folder.folder().resolve(fileName));
      return Optional.empty();
    }
    if (candidates.size() > 1) {
      error(
          row.line(),
          what
              + " for server '"
              + server
              + "' database '"
              + name
              + "' is ambiguous: "
              + candidates
              + " differ only in case; keep one");
      return Optional.empty();
    }
    return Optional.of(candidates.get(0));
  }

  private void error(int line, String message) {
    problems.error(Problem.at(file, line, message));
  }

  static String describe(Database database) {
    return "server '" + database.serverName() + "' database '" + database.name() + "'";
  }
}
