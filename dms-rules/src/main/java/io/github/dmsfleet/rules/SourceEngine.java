package io.github.dmsfleet.rules;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The database engine of a DMS source endpoint, with DMS's name for it, its part of a secret name,
 * and the port it usually listens on.
 */
public enum SourceEngine {
  SQL_SERVER("sqlserver", "sql_server", 1433),
  MYSQL("mysql", "mysql", 3306),
  MARIADB("mariadb", "mariadb", 3306),
  AURORA_MYSQL("aurora", "aurora_mysql", 3306),
  POSTGRESQL("postgres", "postgres", 5432),
  AURORA_POSTGRESQL("aurora-postgresql", "aurora_postgresql", 5432),
  ORACLE("oracle", "oracle", 1521);

  /** Other spellings people write for an engine. */
  private static final Map<String, SourceEngine> ALIASES =
      Map.of(
          "mssql", SQL_SERVER,
          "sql_server", SQL_SERVER,
          "postgresql", POSTGRESQL,
          "aurora-mysql", AURORA_MYSQL);

  private final String engineName;
  private final String secretToken;
  private final int defaultPort;

  SourceEngine(String engineName, String secretToken, int defaultPort) {
    this.engineName = engineName;
    this.secretToken = secretToken;
    this.defaultPort = defaultPort;
  }

  /** The DMS {@code EngineName}, such as {@code sqlserver} or {@code aurora-postgresql}. */
  public String engineName() {
    return engineName;
  }

  /** The engine's part of a secret name; {@code sql_server} keeps the sample's secret names. */
  public String secretToken() {
    return secretToken;
  }

  /** The port the engine listens on unless configured otherwise. */
  public int defaultPort() {
    return defaultPort;
  }

  /**
   * The SSL modes DMS supports for this engine as a source, as the table in the DMS User Guide's
   * "Using SSL with AWS Database Migration Service" gives them: MySQL-compatible engines take no
   * {@code require}, SQL Server no {@code verify-ca}, Oracle only {@code verify-ca}.
   */
  public Set<SslMode> sslModes() {
    EnumSet<SslMode> modes =
        switch (this) {
          case SQL_SERVER -> EnumSet.of(SslMode.NONE, SslMode.REQUIRE, SslMode.VERIFY_FULL);
          case MYSQL, MARIADB, AURORA_MYSQL ->
              EnumSet.of(SslMode.NONE, SslMode.VERIFY_CA, SslMode.VERIFY_FULL);
          case POSTGRESQL, AURORA_POSTGRESQL -> EnumSet.allOf(SslMode.class);
          case ORACLE -> EnumSet.of(SslMode.NONE, SslMode.VERIFY_CA);
        };
    return Collections.unmodifiableSet(modes);
  }

  /**
   * The engine of that DMS engine name, in any case; {@code mssql}, {@code sql_server}, {@code
   * postgresql} and {@code aurora-mysql} are accepted too. Throws, listing the names, for any
   * other.
   */
  public static SourceEngine fromValue(String text) {
    return Spellings.parse(SourceEngine.class, text, SourceEngine::engineName, ALIASES);
  }
}
