package io.github.dmsfleet.rules;

import java.util.Map;

/** The compression DMS applies to the files it writes to an S3 target. */
public enum S3Compression {
  GZIP("gzip"),
  NONE("none");

  private final String value;

  S3Compression(String value) {
    this.value = value;
  }

  /** The DMS {@code CompressionType} value, such as {@code gzip}. */
  public String value() {
    return value;
  }

  /** The compression of that DMS value, in any case; throws, listing the values, for any other. */
  public static S3Compression fromValue(String text) {
    return Spellings.parse(S3Compression.class, text, S3Compression::value, Map.of());
  }
}
