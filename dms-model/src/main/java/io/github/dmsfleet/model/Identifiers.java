package io.github.dmsfleet.model;

import io.github.dmsfleet.rules.DmsIdentifiers;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one rule that turns config names into legal DMS identifiers ({@link DmsIdentifiers}).
 *
 * <p>Join the parts with hyphens, lower-case them (DMS stores identifiers in lower case), replace
 * every run of other characters than letters and digits with one hyphen, drop hyphens at either
 * end, and put {@code dms-} in front when the result does not start with a letter. So {@code
 * SQL_PROD.01} and {@code Sales DB} give {@code sql-prod-01-sales-db}. The rule is deterministic
 * and idempotent; it does not shorten: callers check length.
 */
public final class Identifiers {
  private static final Pattern ILLEGAL_RUN = Pattern.compile("[^a-z0-9]+");
  private static final String PREFIX_WHEN_NOT_A_LETTER = "dms-";

  private Identifiers() {}

  /** Applies the rule to the parts, joined with hyphens. */
  public static String of(String... parts) {
    String joined = String.join("-", parts).toLowerCase(Locale.ROOT);
    String hyphenated = ILLEGAL_RUN.matcher(joined).replaceAll("-");
    String trimmed = trimHyphens(hyphenated);
    return startsWithLetter(trimmed) ? trimmed : PREFIX_WHEN_NOT_A_LETTER + trimmed;
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
