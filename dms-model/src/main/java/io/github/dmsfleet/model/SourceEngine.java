package io.github.dmsfleet.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/** A source database engine, with the tokens the config, DMS names and secret names use for it. */
public enum SourceEngine {
  SQL_SERVER("sqlserver", "sql_server", 1433),
  MYSQL("mysql", "mysql", 3306),
  POSTGRESQL("postgres", "postgres", 5432),
  ORACLE("oracle", "oracle", 1521);

  /** Other spellings the config accepts. */
  private static final Map<String, SourceEngine> ALIASES =
      Map.of("mssql", SQL_SERVER, "sql_server", SQL_SERVER, "postgresql", POSTGRESQL);

  private final String token;
  private final String secretToken;
  private final int defaultPort;

  SourceEngine(String token, String secretToken, int defaultPort) {
    this.token = token;
    this.secretToken = secretToken;
    this.defaultPort = defaultPort;
  }

  /**
   * The config value and DMS engine name: {@code sqlserver}, {@code mysql}, {@code postgres},
   * {@code oracle}.
   */
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
        .filter(e -> e.token.equals(wanted) || ALIASES.get(wanted) == e)
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown engine '" + value + "'; use one of " + tokens()));
  }

  static String tokens() {
    return String.join(", ", Arrays.stream(values()).map(SourceEngine::token).toList());
  }
}
