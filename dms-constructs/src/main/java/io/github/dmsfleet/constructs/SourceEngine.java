package io.github.dmsfleet.constructs;

/** The database engine of a DMS source endpoint. */
public enum SourceEngine {
  SQL_SERVER("sqlserver"),
  MYSQL("mysql"),
  MARIADB("mariadb"),
  AURORA_MYSQL("aurora"),
  POSTGRESQL("postgres"),
  AURORA_POSTGRESQL("aurora-postgresql"),
  ORACLE("oracle");

  private final String engineName;

  SourceEngine(String engineName) {
    this.engineName = engineName;
  }

  /** The DMS {@code EngineName} of this engine, for example {@code sqlserver}. */
  public String getEngineName() {
    return engineName;
  }
}
