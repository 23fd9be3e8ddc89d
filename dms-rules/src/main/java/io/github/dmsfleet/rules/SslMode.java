package io.github.dmsfleet.rules;

import java.util.Map;

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

  /** The DMS {@code SslMode} value, such as {@code verify-full}. */
  public String value() {
    return value;
  }

  /** Whether this mode checks the server certificate, which needs a DMS certificate ARN. */
  public boolean verifiesCertificate() {
    return this == VERIFY_CA || this == VERIFY_FULL;
  }

  /** The mode of that DMS value, in any case; throws, listing the values, for any other. */
  public static SslMode fromValue(String text) {
    return Spellings.parse(SslMode.class, text, SslMode::value, Map.of());
  }
}
