package io.github.dmsfleet.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A source database engine, with the tokens the config, DMS names and secret names use for it. */
public enum SourceEngine {
  SQL_SERVER("sqlserver", "sql_server", 1433, "mssql", "sql_server"),
  MYSQL("mysql", "mysql", 3306),
  POSTGRESQL("postgres", "postgres", 5432, "postgresql"),
  ORACLE("oracle", "oracle", 1521);

  private final String token;
  private final String secretToken;
  private final int defaultPort;
  private final List<String> aliases;

  SourceEngine(String token, String secretToken, int defaultPort, String... aliases) {
    this.token = token;
    this.secretToken = secretToken;
    this.defaultPort = defaultPort;
    this.aliases = List.of(aliases);
  }

  /** The config value and DMS engine name: {@code sqlserver}, {@code mysql}, {@code postgres}, {@code oracle}. */
  public String token() {
    return token;
  }

  /** The engine's part of a secret name; {@code sql_server} keeps the sample's secret names. */
  public String secretToken() {
    return secretToken;
  }

  public int defaultPort() {
    return defaultPort;
  }

  /** Parses a config value (any case); throws with the accepted values when it is unknown. */
  public static SourceEngine parse(String value) {
    String wanted = value.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(e -> e.token.equals(wanted) || e.aliases.contains(wanted))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "unknown engine '" + value + "'; use one of " + tokens()));
  }

  static String tokens() {
    return String.join(", ", Arrays.stream(values()).map(SourceEngine::token).toList());
  }
}
