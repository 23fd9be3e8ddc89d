package io.github.dmsfleet.model;

import java.util.regex.Pattern;

/**
 * How config names become DMS identifiers, secret names and S3 prefixes; the sample's conventions.
 */
final class Names {
  private static final Pattern SECRET_ILLEGAL = Pattern.compile("[^A-Za-z0-9/_+=.@-]");

  /**
   * S3's safe key characters, less {@code *}, which IAM would read as a wildcard in the target
   * role's policy.
   */
  private static final Pattern S3_UNSAFE = Pattern.compile("[^A-Za-z0-9!_.'()-]");

  private Names() {}

  static String instanceIdentifier(String server) {
    return Identifiers.of(server, "instance");
  }

  static String taskIdentifier(String server, String database) {
    return Identifiers.of(server, database, "all");
  }

  static String sourceEndpointIdentifier(String server, String database, SourceEngine engine) {
    return Identifiers.of(server, database, engine.token(), "source-endpoint");
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
    return SECRET_ILLEGAL.matcher(name).replaceAll("_");
  }

  /**
   * {@code <prefix>/<server>/<dbname>}, with characters that are unsafe in S3 keys replaced by
   * {@code _}.
   */
  static String s3Prefix(String prefix, String server, String database) {
    String folder = prefix.isEmpty() ? "" : prefix + "/";
    return folder + s3Safe(server) + "/" + s3Safe(database);
  }

  private static String s3Safe(String name) {
    return S3_UNSAFE.matcher(name).replaceAll("_");
  }
}
