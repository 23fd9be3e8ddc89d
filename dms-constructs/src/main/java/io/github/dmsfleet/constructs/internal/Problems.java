package io.github.dmsfleet.constructs.internal;

import io.github.dmsfleet.rules.Finding;
import io.github.dmsfleet.rules.Range;
import io.github.dmsfleet.rules.TextRule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Collects everything wrong with a construct's props, so one exception can report all of it. */
public final class Problems {
  private final String subject;
  private final List<String> messages = new ArrayList<>();

  /**
   * @param subject what is validated, for example {@code DmsReplicationServer 'Sales'}
   */
  public Problems(String subject) {
    this.subject = subject;
  }

  public void add(String message) {
    messages.add(message);
  }

  public void require(String name, Object value) {
    if (value == null) {
      add("'" + name + "' is required");
    }
  }

  /** Requires exactly one of two values, which are alternatives. */
  public void requireOne(String first, Object firstValue, String second, Object secondValue) {
    if (firstValue == null && secondValue == null) {
      add("'" + first + "' or '" + second + "' is required");
    }
    exclusive(first, firstValue, second, secondValue);
  }

  /** Rejects a value that applies only in another case, saying which. */
  public void rejectUnless(boolean applies, String name, Object value, String onlyWhen) {
    if (!applies && value != null) {
      add("'" + name + "' applies only " + onlyWhen + ": remove it");
    }
  }

  /** Requires the value and checks it against the rule. */
  public void require(String name, String value, TextRule rule) {
    require(name, value);
    check(name, value, rule);
  }

  public void requireNotEmpty(String name, Collection<?> value) {
    if (value == null || value.isEmpty()) {
      add("'" + name + "' must hold at least one element");
    }
  }

  public void between(String name, Number value, long min, long max) {
    if (value != null && (value.longValue() < min || value.longValue() > max)) {
      add("'" + name + "' must be between " + min + " and " + max + ", got " + value);
    }
  }

  public void between(String name, Number value, Range range) {
    between(name, value, range.min(), range.max());
  }

  /** Checks a value against a rule, unless it is absent or a token resolved only at deployment. */
  public void check(String name, String value, TextRule rule) {
    if (value != null && !Tokens.isUnresolved(value) && !rule.accepts(value)) {
      add("'" + name + "' must be " + rule.expected() + ", got '" + value + "'");
    }
  }

  /** Checks each element of a list against a rule, as {@link #check} checks one value. */
  public void checkEach(String name, List<String> values, TextRule rule) {
    if (values == null) {
      return;
    }
    for (String value : values) {
      if (value == null || (!Tokens.isUnresolved(value) && !rule.accepts(value))) {
        add("'" + name + "' holds '" + value + "', which is not " + rule.expected());
      }
    }
  }

  /** Adds what is wrong in a document, such as a table mapping, with its line when it has one. */
  public void addFindings(String name, List<Finding> findings) {
    for (Finding finding : findings) {
      String where = finding.line() > 0 ? " (line " + finding.line() + ")" : "";
      add("'" + name + "'" + where + ": " + finding.message());
    }
  }

  public void exclusive(String first, Object firstValue, String second, Object secondValue) {
    if (firstValue != null && secondValue != null) {
      add("'" + first + "' and '" + second + "' are mutually exclusive: set only one of them");
    }
  }

  /** Checks that a converted size is a whole number of {@code unit} within the range. */
  public void wholeBetween(String name, double value, String unit, Range range) {
    if (value != Math.rint(value) || !range.contains((long) value)) {
      add(
          "'"
              + name
              + "' must be a whole number of "
              + unit
              + " from "
              + range.min()
              + " to "
              + range.max()
              + ", got "
              + format(value)
              + " "
              + unit);
    }
  }

  /** A number as a message shows it: 50, not 50.0; 1.5 as it is. */
  public static String format(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }

  /** Throws one {@link IllegalArgumentException} listing every problem, if there is any. */
  public void throwIfAny() {
    if (!messages.isEmpty()) {
      throw new IllegalArgumentException("Invalid " + subject + ": " + String.join("; ", messages));
    }
  }
}
