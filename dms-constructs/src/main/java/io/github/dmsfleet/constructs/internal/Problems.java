package io.github.dmsfleet.constructs.internal;

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

  public void exclusive(String first, Object firstValue, String second, Object secondValue) {
    if (firstValue != null && secondValue != null) {
      add("'" + first + "' and '" + second + "' are mutually exclusive: set only one of them");
    }
  }

  /** Throws one {@link IllegalArgumentException} listing every problem, if there is any. */
  public void throwIfAny() {
    if (!messages.isEmpty()) {
      throw new IllegalArgumentException("Invalid " + subject + ": " + String.join("; ", messages));
    }
  }
}
