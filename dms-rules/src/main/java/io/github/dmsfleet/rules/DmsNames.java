package io.github.dmsfleet.rules;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How names of servers and databases become DMS identifiers and S3 folders. The config model and
 * the constructs both name things by these rules, so a fleet built from the config and one built
 * from the constructs alone get the same identifiers.
 *
 * <p>An identifier joins its parts with hyphens, lower-cases them (DMS stores identifiers in lower
 * case), replaces every run of other characters than letters and digits with one hyphen, drops
 * hyphens at either end, and puts {@code dms-} in front when the result does not start with a
 * letter. So {@code SQL_PROD.01} and {@code Sales DB} give {@code sql-prod-01-sales-db}. The rule
 * is deterministic and idempotent; it does not shorten: callers check the length ({@link
 * DmsIdentifiers}).
 */
public final class DmsNames {
  private static final Pattern ILLEGAL_RUN = Pattern.compile("[^a-z0-9]+");
  private static final String PREFIX_WHEN_NOT_A_LETTER = "dms-";

  private DmsNames() {}

  /** Applies the identifier rule to the parts, joined with hyphens. */
  public static String identifier(String... parts) {
    String joined = String.join("-", parts).toLowerCase(Locale.ROOT);
    String hyphenated = ILLEGAL_RUN.matcher(joined).replaceAll("-");
    String trimmed = trimHyphens(hyphenated);
    return startsWithLetter(trimmed) ? trimmed : PREFIX_WHEN_NOT_A_LETTER + trimmed;
  }

  /** {@code <server>-instance}. */
  public static String instanceIdentifier(String server) {
    return identifier(server, "instance");
  }

  /** {@code <server>-<database>-all}: the replication task of a database. */
  public static String taskIdentifier(String server, String database) {
    return identifier(server, database, "all");
  }

  /** {@code <server>-<database>-<engine>-source-endpoint}. */
  public static String sourceEndpointIdentifier(
      String server, String database, SourceEngine engine) {
    return identifier(server, database, engine.engineName(), "source-endpoint");
  }

  /** {@code <server>-<database>-s3-target-endpoint}. */
  public static String targetEndpointIdentifier(String server, String database) {
    return identifier(server, database, "s3-target-endpoint");
  }

  /**
   * {@code <prefix>/<server>}, or {@code <server>} for an empty prefix, with the characters that
   * are unsafe in S3 keys replaced by {@code _}: the folder a server's databases are written under.
   */
  public static String serverFolder(String prefix, String server) {
    String folder = S3Targets.safeFolderName(server);
    return prefix.isEmpty() ? folder : prefix + "/" + folder;
  }

  /** {@code <server folder>/<database>}, the database made safe as in {@link #serverFolder}. */
  public static String databaseFolder(String serverFolder, String database) {
    return serverFolder + "/" + S3Targets.safeFolderName(database);
  }

  private static String trimHyphens(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && text.charAt(start) == '-') {
      start++;
    }
    while (end > start && text.charAt(end - 1) == '-') {
      end--;
    }
    return text.substring(start, end);
  }

  private static boolean startsWithLetter(String text) {
    return !text.isEmpty() && text.charAt(0) >= 'a' && text.charAt(0) <= 'z';
  }
}
