package io.github.dmsfleet.constructs.internal;

import java.util.regex.Pattern;
import software.amazon.awscdk.Token;

/** The naming rules DMS applies to replication instance, endpoint and task identifiers. */
public final class DmsIdentifiers {
  /** A letter, then letters and digits with single hyphens between them. */
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z](-?[A-Za-z0-9])*");

  private DmsIdentifiers() {}

  public static void check(Problems problems, String name, String value, int maxLength) {
    if (value == null) {
      problems.add("'" + name + "' is required");
    } else if (!Token.isUnresolved(value)
        && (value.length() > maxLength || !IDENTIFIER.matcher(value).matches())) {
      problems.add(
          "'"
              + name
              + "' must be 1 to "
              + maxLength
              + " letters, digits or hyphens, start with a"
              + " letter, not end with a hyphen and not contain '--', got '"
              + value
              + "'");
    }
  }
}
