package io.github.dmsfleet.rules;

import java.util.Map;

/** What a replication task does: load the tables once, replicate changes, or both. */
public enum MigrationType {
  FULL_LOAD("full-load"),
  CDC("cdc"),
  FULL_LOAD_AND_CDC("full-load-and-cdc");

  private final String value;

  MigrationType(String value) {
    this.value = value;
  }

  /** The DMS {@code MigrationType} value, such as {@code full-load-and-cdc}. */
  public String value() {
    return value;
  }

  /** Whether the task captures changes, so a CDC start position or time makes sense. */
  public boolean capturesChanges() {
    return this != FULL_LOAD;
  }

  /** The type of that DMS value, in any case; throws, listing the values, for any other. */
  public static MigrationType fromValue(String text) {
    return Spellings.parse(MigrationType.class, text, MigrationType::value, Map.of());
  }
}
