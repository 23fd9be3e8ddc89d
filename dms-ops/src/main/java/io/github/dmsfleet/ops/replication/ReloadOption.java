package io.github.dmsfleet.ops.replication;

/** DMS's {@code ReloadOption}. */
public enum ReloadOption {
  /** Loads the table again (and revalidates it when validation is on). */
  DATA_RELOAD("data-reload"),
  /** Only revalidates the table; needs validation on. */
  VALIDATE_ONLY("validate-only");

  private final String value;

  ReloadOption(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }
}
