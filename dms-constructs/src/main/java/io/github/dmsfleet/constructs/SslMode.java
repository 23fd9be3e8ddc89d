package io.github.dmsfleet.constructs;

/** How a DMS source endpoint encrypts its connection to the database. */
public enum SslMode {
  /** No encryption. Only for databases that cannot offer TLS. */
  NONE("none"),
  /** Encrypted, without checking the server certificate. */
  REQUIRE("require"),
  /** Encrypted, and the server certificate must be signed by the endpoint's CA certificate. */
  VERIFY_CA("verify-ca"),
  /** As {@link #VERIFY_CA}, and the host name must match the certificate. */
  VERIFY_FULL("verify-full");

  private final String value;

  SslMode(String value) {
    this.value = value;
  }

  /** The DMS {@code SslMode} value. */
  public String getValue() {
    return value;
  }

  /** Whether this mode checks the server certificate, which needs a DMS certificate ARN. */
  public boolean verifiesCertificate() {
    return this == VERIFY_CA || this == VERIFY_FULL;
  }
}
