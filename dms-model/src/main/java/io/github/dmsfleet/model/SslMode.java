package io.github.dmsfleet.model;

/** How a source endpoint encrypts its connection: DMS's {@code SslMode}. */
public enum SslMode {
  NONE("none"),
  REQUIRE("require"),
  VERIFY_CA("verify-ca"),
  VERIFY_FULL("verify-full");

  private final String value;

  SslMode(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }

  static SslMode parse(String text) {
    return Choices.parse(SslMode.class, text, SslMode::value);
  }
}
