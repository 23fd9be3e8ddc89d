package io.github.dmsfleet.model;

/** What a replication task does: DMS's {@code MigrationType}. */
public enum MigrationType {
  FULL_LOAD("full-load"),
  CDC("cdc"),
  FULL_LOAD_AND_CDC("full-load-and-cdc");

  private final String value;

  MigrationType(String value) {
    this.value = value;
  }

  /** The DMS API value, such as {@code full-load-and-cdc}. */
  public String value() {
    return value;
  }

  static MigrationType parse(String text) {
    return Choices.parse(MigrationType.class, text, MigrationType::value);
  }
}
