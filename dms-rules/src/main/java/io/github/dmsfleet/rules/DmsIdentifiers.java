package io.github.dmsfleet.rules;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rule for replication instance, task and endpoint identifiers: ASCII letters, digits and
 * hyphens, starting with a letter, with no trailing hyphen and no two hyphens in a row. DMS accepts
 * either case and stores the identifier in lower case, which is how the API, CloudWatch and the
 * console show it; {@link #stored} gives that form.
 */
public final class DmsIdentifiers {
  /** Longest replication instance identifier. */
  public static final int MAX_INSTANCE_LENGTH = 63;

  /** Longest replication task or endpoint identifier. */
  public static final int MAX_TASK_OR_ENDPOINT_LENGTH = 255;

  /**
   * Longest replication config identifier (DMS Serverless). The API reference and the
   * CloudFormation schema state no limit of their own; the task rule's 255 applies, as the config
   * takes the task's name.
   */
  public static final int MAX_REPLICATION_CONFIG_LENGTH = MAX_TASK_OR_ENDPOINT_LENGTH;

  /** A replication instance identifier. */
  public static final TextRule INSTANCE = rule(MAX_INSTANCE_LENGTH);

  /** A replication task or endpoint identifier. */
  public static final TextRule TASK_OR_ENDPOINT = rule(MAX_TASK_OR_ENDPOINT_LENGTH);

  private static final Pattern LEGAL = Pattern.compile("[A-Za-z](-?[A-Za-z0-9])*");

  private DmsIdentifiers() {}

  /** Whether the text is a legal identifier of at most {@code maxLength} characters. */
  public static boolean isLegal(String text, int maxLength) {
    return text.length() <= maxLength && LEGAL.matcher(text).matches();
  }

  /** The identifier as DMS stores and reports it: in lower case. */
  public static String stored(String identifier) {
    return identifier.toLowerCase(Locale.ROOT);
  }

  private static TextRule rule(int maxLength) {
    return TextRule.of(
        text -> isLegal(text, maxLength),
        "a DMS identifier: 1 to "
            + maxLength
            + " letters, digits or hyphens, starting with a letter, without a trailing hyphen"
            + " or '--'");
  }
}
