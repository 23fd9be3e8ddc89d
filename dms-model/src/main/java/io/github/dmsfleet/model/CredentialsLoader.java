package io.github.dmsfleet.model;

import io.github.dmsfleet.rules.SourceEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a credentials CSV ({@code servername,dbname,username,password,ipaddress,port,engine}).
 * Names and hosts are trimmed; usernames and passwords are kept exactly as written and never appear
 * in a message.
 */
public final class CredentialsLoader {
  public static final List<String> COLUMNS =
      List.of("servername", "dbname", "username", "password", "ipaddress", "port", "engine");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\[\\]-]+");

  private CredentialsLoader() {}

  /**
   * Reads and validates the file; throws a {@link ConfigException} listing every problem found.
   *
   * @param settings give the default engine and the secret-name pattern
   */
  public static List<Credential> load(Path file, Settings settings) {
    Problems problems = new Problems();
    CsvFile csv = CsvFile.read(file, COLUMNS, Set.of(), problems);
    List<Credential> credentials = new ArrayList<>();
    if (csv != null) {
      Map<String, Credential> byTask = new HashMap<>();
      for (CsvFile.Row row : csv.rows()) {
        Credential credential = read(file, row, settings, problems);
        if (credential == null) {
          continue;
        }
        Credential earlier =
            byTask.putIfAbsent(
                Names.taskIdentifier(credential.serverName(), credential.databaseName()),
                credential);
        if (earlier != null) {
          problems.error(
              Problem.at(
                  file,
                  row.line(),
                  "server '"
                      + credential.serverName()
                      + "' database '"
                      + credential.databaseName()
                      + "' already has credentials on line "
                      + earlier.line()
                      + "; keep one row per database"));
          continue;
        }
        credentials.add(credential);
      }
      if (csv.headerOnly()) {
        problems.error(Problem.inFile(file, "lists no credentials; add one row per database"));
      }
    }
    problems.throwIfAny();
    return List.copyOf(credentials);
  }

  private static Credential read(Path file, CsvFile.Row row, Settings settings, Problems problems) {
    int line = row.line();
    int before = problems.errorCount();
    String server = required(file, row, "servername", "name the source server", problems);
    String database = required(file, row, "dbname", "name the source database", problems);
    if (row.raw("username").isEmpty()) {
      problems.error(
          Problem.at(file, line, "'username' is empty; give the database user DMS logs in as"));
    }
    if (row.raw("password").isEmpty()) {
      problems.error(
          Problem.at(file, line, "'password' is empty; give the database user's password"));
    }
    String host =
        required(file, row, "ipaddress", "give the server's host name or IP address", problems);
    if (!host.isEmpty() && !HOST.matcher(host).matches()) {
      problems.error(
          Problem.at(file, line, "'ipaddress' '" + host + "' is not a host name or IP address"));
    }
    // An unknown engine is recorded; the port is then checked against the default engine's.
    SourceEngine engine =
        Objects.requireNonNullElse(
            row.engine(file, settings.sourceEngine(), problems), settings.sourceEngine());
    int port = port(file, row, engine, problems);
    if (problems.errorCount() > before) {
      return null;
    }
    return ImmutableCredential.builder()
        .serverName(server)
        .databaseName(database)
        .username(row.raw("username"))
        .password(row.raw("password"))
        .host(host)
        .port(port)
        .engine(engine)
        .secretName(Names.secretName(settings.secretNamePattern(), server, database, engine))
        .line(line)
        .build();
  }

  private static String required(
      Path file, CsvFile.Row row, String column, String fix, Problems problems) {
    String value = row.trimmed(column);
    if (value.isEmpty()) {
      problems.error(Problem.at(file, row.line(), "'" + column + "' is empty; " + fix));
    }
    return value;
  }

  private static int port(Path file, CsvFile.Row row, SourceEngine engine, Problems problems) {
    String text = row.trimmed("port");
    if (text.isEmpty()) {
      return engine.defaultPort();
    }
    try {
      int port = Integer.parseInt(text);
      if (port >= 1 && port <= 65_535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.error(
        Problem.at(
            file,
            row.line(),
            "'port' must be a number from 1 to 65535, got '"
                + text
                + "' ("
                + engine.engineName()
                + " usually listens on "
                + engine.defaultPort()
                + ")"));
    return 0;
  }
}
