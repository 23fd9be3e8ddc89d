package io.github.dmsfleet.rules;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A rule for one text value: whether it holds, and what it expects, phrased to follow "is not" or
 * "must be", such as {@code a DMS instance class such as dms.r5.xlarge}.
 */
public final class TextRule {
  private final Predicate<String> accepts;
  private final String expected;

  private TextRule(Predicate<String> accepts, String expected) {
    this.accepts = accepts;
    this.expected = expected;
  }

  /** A rule that the whole value must match {@code pattern}. */
  public static TextRule matching(Pattern pattern, String expected) {
    return new TextRule(value -> pattern.matcher(value).matches(), expected);
  }

  /** A rule that {@code accepts} decides. */
  public static TextRule of(Predicate<String> accepts, String expected) {
    return new TextRule(accepts, expected);
  }

  /** Whether the value follows the rule; null never does. */
  public boolean accepts(String value) {
    return value != null && accepts.test(value);
  }

  /** What the rule expects, such as {@code a DMS instance class such as dms.r5.xlarge}. */
  public String expected() {
    return expected;
  }

  @Override
  public String toString() {
    return expected;
  }
}
