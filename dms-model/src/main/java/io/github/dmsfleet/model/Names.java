package io.github.dmsfleet.model;

import io.github.dmsfleet.rules.S3Targets;
import io.github.dmsfleet.rules.Secrets;
import io.github.dmsfleet.rules.SourceEngine;

/**
 * How config names become DMS identifiers, secret names and S3 prefixes; the sample's conventions.
 */
final class Names {
  private Names() {}

  static String instanceIdentifier(String server) {
    return Identifiers.of(server, "instance");
  }

  static String taskIdentifier(String server, String database) {
    return Identifiers.of(server, database, "all");
  }

  static String sourceEndpointIdentifier(String server, String database, SourceEngine engine) {
    return Identifiers.of(server, database, engine.engineName(), "source-endpoint");
  }

  static String targetEndpointIdentifier(String server, String database) {
    return Identifiers.of(server, database, "s3-target-endpoint");
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
    String folder = prefix.isEmpty() ? "" : prefix + "/";
    return folder + S3Targets.safeFolderName(server) + "/" + S3Targets.safeFolderName(database);
  }
}
