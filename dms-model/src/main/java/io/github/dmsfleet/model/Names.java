package io.github.dmsfleet.model;

import io.github.dmsfleet.rules.DmsNames;
import io.github.dmsfleet.rules.Secrets;
import io.github.dmsfleet.rules.SourceEngine;

/**
 * How config names become DMS identifiers, secret names and S3 prefixes; the sample's conventions.
 * The identifier and folder rules are shared with the constructs through {@link DmsNames}.
 */
final class Names {
  private Names() {}

  static String instanceIdentifier(String server) {
    return DmsNames.instanceIdentifier(server);
  }

  static String taskIdentifier(String server, String database) {
    return DmsNames.taskIdentifier(server, database);
  }

  static String sourceEndpointIdentifier(String server, String database, SourceEngine engine) {
    return DmsNames.sourceEndpointIdentifier(server, database, engine);
  }

  static String targetEndpointIdentifier(String server, String database) {
    return DmsNames.targetEndpointIdentifier(server, database);
  }

  /**
   * Fills the pattern's placeholders, then replaces characters Secrets Manager does not allow with
   * {@code _}.
   */
  static String secretName(String pattern, String server, String database, SourceEngine engine) {
    String name =
        pattern
            .replace("{server}", server)
            .replace("{dbname}", database)
            .replace("{engine}", engine.secretToken());
    return Secrets.withLegalCharacters(name);
  }

  /**
   * {@code <prefix>/<server>/<dbname>}, with characters that are unsafe in S3 keys replaced by
   * {@code _}.
   */
  static String s3Prefix(String prefix, String server, String database) {
    return DmsNames.databaseFolder(DmsNames.serverFolder(prefix, server), database);
  }
}
