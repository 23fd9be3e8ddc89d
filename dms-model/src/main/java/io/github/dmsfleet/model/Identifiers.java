package io.github.dmsfleet.model;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one rule that turns config names into legal DMS identifiers.
 *
 * <p>DMS identifiers hold only ASCII letters, digits and hyphens, start with a letter, and have no
 * trailing hyphen and no two hyphens in a row; DMS stores them in lower case. The rule: join the
 * parts with hyphens, lower-case them, replace every run of other characters with one hyphen, drop
 * hyphens at either end, and put {@code dms-} in front when the result does not start with a
 * letter. So {@code SQL_PROD.01} and {@code Sales DB} give {@code sql-prod-01-sales-db}. The rule
 * is deterministic and idempotent; it does not shorten: callers check length.
 */
public final class Identifiers {
  /** Longest replication instance identifier. */
  public static final int MAX_INSTANCE_LENGTH = 63;

  /** Longest replication task or endpoint identifier. */
  public static final int MAX_TASK_OR_ENDPOINT_LENGTH = 255;

  private static final Pattern ILLEGAL_RUN = Pattern.compile("[^a-z0-9]+");
  private static final Pattern LEGAL = Pattern.compile("[a-z](?:[a-z0-9]|-(?!-))*(?<!-)");
  private static final String PREFIX_WHEN_NOT_A_LETTER = "dms-";

  private Identifiers() {}

  /** Applies the rule to the parts, joined with hyphens. */
  public static String of(String... parts) {
    String joined = String.join("-", parts).toLowerCase(Locale.ROOT);
    String hyphenated = ILLEGAL_RUN.matcher(joined).replaceAll("-");
    String trimmed = trimHyphens(hyphenated);
    return startsWithLetter(trimmed) ? trimmed : PREFIX_WHEN_NOT_A_LETTER + trimmed;
  }

  /** Whether the text is a legal DMS identifier of at most {@code maxLength} characters. */
  public static boolean isLegal(String text, int maxLength) {
    return text.length() <= maxLength && LEGAL.matcher(text).matches();
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
