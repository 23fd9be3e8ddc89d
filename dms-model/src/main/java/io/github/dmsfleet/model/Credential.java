package io.github.dmsfleet.model;

import io.github.dmsfleet.rules.SourceEngine;
import org.immutables.value.Value;

/**
 * One row of the credentials CSV: how DMS reaches one source database. Username and password never
 * print.
 */
@Value.Immutable
public interface Credential {
  String serverName();

  String databaseName();

  @Value.Redacted
  String username();

  @Value.Redacted
  String password();

  String host();

  int port();

  SourceEngine engine();

  /** The Secrets Manager secret these credentials go into. */
  String secretName();

  /** Its line in the credentials CSV. */
  int line();
}
