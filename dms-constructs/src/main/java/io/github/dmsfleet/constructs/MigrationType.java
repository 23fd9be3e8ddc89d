package io.github.dmsfleet.constructs;

/** What a replication task does: load the tables once, replicate changes, or both. */
public enum MigrationType {
  FULL_LOAD("full-load"),
  CDC("cdc"),
  FULL_LOAD_AND_CDC("full-load-and-cdc");

  private final String value;

  MigrationType(String value) {
    this.value = value;
  }

  /** The DMS {@code MigrationType} value, for example {@code full-load-and-cdc}. */
  public String getValue() {
    return value;
  }

  /** Whether the task captures changes, so a CDC start position or time makes sense. */
  public boolean capturesChanges() {
    return this != FULL_LOAD;
  }
}
