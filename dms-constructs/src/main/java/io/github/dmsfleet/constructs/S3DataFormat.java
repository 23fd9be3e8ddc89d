package io.github.dmsfleet.constructs;

/** The file format DMS writes to the S3 target. */
public enum S3DataFormat {
  PARQUET("parquet"),
  CSV("csv");

  private final String value;

  S3DataFormat(String value) {
    this.value = value;
  }

  /** The DMS {@code DataFormat} value. */
  public String getValue() {
    return value;
  }
}
