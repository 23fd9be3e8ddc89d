package io.github.dmsfleet.model;

/** The file format DMS writes to S3. */
public enum OutputFormat {
  PARQUET("parquet"),
  CSV("csv");

  private final String value;

  OutputFormat(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }

  static OutputFormat parse(String text) {
    return Choices.parse(OutputFormat.class, text, OutputFormat::value);
  }
}
