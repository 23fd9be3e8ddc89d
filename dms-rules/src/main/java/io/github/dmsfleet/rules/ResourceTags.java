package io.github.dmsfleet.rules;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Rules for tags put on every resource of a fleet, as the strictest of those resources take them:
 * CloudWatch alarms take no empty value, and IAM roles only letters, digits, spaces and {@code _ .
 * : / = + - @}.
 */
public final class ResourceTags {
  private static final Pattern CHARACTERS = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+");

  /** A tag key. */
  public static final TextRule KEY =
      TextRule.of(
          key ->
              key.length() <= 128
                  && CHARACTERS.matcher(key).matches()
                  && !key.toLowerCase(Locale.ROOT).startsWith("aws:"),
          "a tag key: 1 to 128 letters, digits, spaces and _ . : / = + - @, not starting with aws:");

  /** A tag value. */
  public static final TextRule VALUE =
      TextRule.of(
          value -> value.length() <= 256 && CHARACTERS.matcher(value).matches(),
          "a tag value: 1 to 256 letters, digits, spaces and _ . : / = + - @");

  private ResourceTags() {}
}
