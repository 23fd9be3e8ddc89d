package io.github.dmsfleet.model;

import io.github.dmsfleet.rules.DmsNames;
import io.github.dmsfleet.rules.Networks;
import io.github.dmsfleet.rules.SourceEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a credentials CSV ({@code servername,dbname,username,password,ipaddress,port,engine}).
 * Names and hosts are trimmed; usernames and passwords are kept exactly as written. No message
 * quotes anything from the file: a row whose columns shift (an unquoted comma in a password) would
 * otherwise print a piece of a password as a host name.
 */
public final class CredentialsLoader {
  public static final List<String> COLUMNS =
      List.of("servername", "dbname", "username", "password", "ipaddress", "port", "engine");
  private static final Set<String> VERBATIM = Set.of("username", "password");
  private static final Pattern IPV4 =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern IPV6 = Pattern.compile("\\[?[0-9A-Fa-f]*:[0-9A-Fa-f:.]*\\]?");
  private static final Pattern DNS_NAME =
      Pattern.compile(
          "(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
              + "(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
  private static final Pattern DIGITS_AND_DOTS = Pattern.compile("[0-9.]+");
  private static final String ENGINE_NAMES =
      Arrays.stream(SourceEngine.values())
          .map(SourceEngine::engineName)
          .collect(Collectors.joining(", "));
  private static final String CHECK_THE_COLUMNS =
      "; check that the row's values follow the header's order and that a value holding a comma is"
          + " quoted";

  private CredentialsLoader() {}

  /**
   * Reads and validates the file; throws a {@link ConfigException} listing every problem found.
   * {@link #read} gives the warnings about the file too.
   *
   * @param settings give the default engine and the secret-name pattern
   */
  public static List<Credential> load(Path file, Settings settings) {
    return read(file, settings).credentials();
  }

  /**
   * Reads and validates the file, with a warning when other users can read it; throws a {@link
   * ConfigException} listing every problem found.
   *
   * @param settings give the default engine and the secret-name pattern
   */
  public static CredentialsFile read(Path file, Settings settings) {
    Problems problems = new Problems();
    CsvFile csv =
        CsvFile.read(
            ConfigFiles.anywhere(),
            file,
            ConfigFiles.CREDENTIALS_CAP,
            CsvFile.Format.secret(COLUMNS, VERBATIM),
            problems);
    List<Credential> credentials = new ArrayList<>();
    if (csv != null) {
      warnWhenOthersCanRead(file, problems);
      Map<String, Credential> byTask = new HashMap<>();
      for (CsvFile.Row row : csv.rows()) {
        Credential credential = read(file, row, settings, problems);
        if (credential == null) {
          continue;
        }
        Credential earlier =
            byTask.putIfAbsent(
                DmsNames.taskIdentifier(credential.serverName(), credential.databaseName()),
                credential);
        if (earlier != null) {
          problems.error(
              Problem.at(
                  file,
                  row.line(),
                  "'servername' and 'dbname' name the database of line "
                      + earlier.line()
                      + " again; keep one row per database"));
          continue;
        }
        credentials.add(credential);
      }
      if (csv.headerOnly()) {
        problems.error(Problem.inFile(file, "lists no credentials; add one row per database"));
      }
    }
    problems.throwIfAny();
    return ImmutableCredentialsFile.builder()
        .credentials(credentials)
        .warnings(problems.warnings())
        .build();
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
    if (!host.isEmpty() && !isHost(host)) {
      problems.error(
          Problem.at(
              file, line, "'ipaddress' is not a host name or IP address" + CHECK_THE_COLUMNS));
    }
    SourceEngine engine = engine(file, row, settings, problems);
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

  /**
   * The row's engine, or the default; for an unknown one the default, with the problem recorded, so
   * that the port is still checked.
   */
  private static SourceEngine engine(
      Path file, CsvFile.Row row, Settings settings, Problems problems) {
    String value = row.trimmed("engine");
    if (value.isEmpty()) {
      return settings.sourceEngine();
    }
    try {
      return SourceEngine.fromValue(value);
    } catch (IllegalArgumentException e) {
      problems.error(
          Problem.at(
              file,
              row.line(),
              "'engine' is not one of "
                  + ENGINE_NAMES
                  + " (or empty for source_engine)"
                  + CHECK_THE_COLUMNS));
      return settings.sourceEngine();
    }
  }

  private static int port(Path file, CsvFile.Row row, SourceEngine engine, Problems problems) {
    String text = row.trimmed("port");
    if (text.isEmpty()) {
      return engine.defaultPort();
    }
    try {
      int port = Integer.parseInt(text);
      if (Networks.PORT.contains(port)) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.error(
        Problem.at(
            file,
            row.line(),
            "'port' must be a number from 1 to 65535 ("
                + engine.engineName()
                + " usually listens on "
                + engine.defaultPort()
                + ")"
                + CHECK_THE_COLUMNS));
    return 0;
  }

  /** An IPv4 address, an IPv6 address (in brackets or not), or a DNS name. */
  static boolean isHost(String host) {
    Matcher ipv4 = IPV4.matcher(host);
    if (ipv4.matches()) {
      for (int octet = 1; octet <= 4; octet++) {
        if (Integer.parseInt(ipv4.group(octet)) > 255) {
          return false;
        }
      }
      return true;
    }
    if (host.contains(":")) {
      return IPV6.matcher(host).matches();
    }
    return !DIGITS_AND_DOTS.matcher(host).matches() && DNS_NAME.matcher(host).matches();
  }

  /** Passwords are in the file: other users should not be able to read it. */
  private static void warnWhenOthersCanRead(Path file, Problems problems) {
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    if (view == null) {
      return; // no POSIX permissions on this file system
    }
    try {
      Set<PosixFilePermission> permissions = view.readAttributes().permissions();
      if (permissions.contains(PosixFilePermission.GROUP_READ)
          || permissions.contains(PosixFilePermission.OTHERS_READ)) {
        problems.warning(
            Problem.inFile(
                file,
                "holds passwords but its group or other users can read it ("
                    + PosixFilePermissions.toString(permissions)
                    + "); restrict it with chmod 600 "
                    + file));
      }
    } catch (IOException e) {
      // the permissions cannot be read: nothing to warn about
    }
  }
}
