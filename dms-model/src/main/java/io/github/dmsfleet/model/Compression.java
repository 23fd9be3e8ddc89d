package io.github.dmsfleet.model;

/** Compression of the files DMS writes to S3. */
public enum Compression {
  GZIP("gzip"),
  NONE("none");

  private final String value;

  Compression(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }

  static Compression parse(String text) {
    return Choices.parse(Compression.class, text, Compression::value);
  }
}
