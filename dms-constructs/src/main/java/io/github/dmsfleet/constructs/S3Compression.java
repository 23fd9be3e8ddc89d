package io.github.dmsfleet.constructs;

/** The compression DMS applies to the files it writes to the S3 target. */
public enum S3Compression {
  GZIP("gzip"),
  NONE("none");

  private final String value;

  S3Compression(String value) {
    this.value = value;
  }

  /** The DMS {@code CompressionType} value. */
  public String getValue() {
    return value;
  }
}
