package io.github.dmsfleet.rules;

import java.util.Map;

/** The file format DMS writes to an S3 target. */
public enum S3DataFormat {
  PARQUET("parquet"),
  CSV("csv");

  private final String value;

  S3DataFormat(String value) {
    this.value = value;
  }

  /** The DMS {@code DataFormat} value, such as {@code parquet}. */
  public String value() {
    return value;
  }

  /** The format of that DMS value, in any case; throws, listing the values, for any other. */
  public static S3DataFormat fromValue(String text) {
    return Spellings.parse(S3DataFormat.class, text, S3DataFormat::value, Map.of());
  }
}
