package io.github.dmsfleet.model;

import io.github.dmsfleet.rules.CloudWatchLogs;
import io.github.dmsfleet.rules.Range;
import io.github.dmsfleet.rules.ReplicationInstances;
import io.github.dmsfleet.rules.Serverless;
import io.github.dmsfleet.rules.TextRule;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * Reads one value of a config file; each throws an {@link IllegalArgumentException} that quotes the
 * value and says what would be right, for the caller to report with the file, line and key.
 */
final class Values {
  static final TextRule ENGINE_VERSION =
      TextRule.matching(
          Pattern.compile("\\d+\\.\\d+(\\.\\d+)?"), "a DMS engine version such as 3.5.4");
  static final TextRule CERTIFICATE_ARN =
      TextRule.matching(
          Pattern.compile("arn:aws[a-z-]*:dms:[a-z0-9-]+:\\d{12}:cert:[A-Za-z0-9-]+"),
          "a DMS certificate ARN such as"
              + " arn:aws:dms:us-east-1:123456789012:cert:ABCDEFGHIJKLMNOPQRSTUVWXYZ");
  private static final Pattern LIST_SEPARATOR = Pattern.compile("[;\\s]+");

  private Values() {}

  static String matching(String value, TextRule rule) {
    if (!rule.accepts(value)) {
      throw new IllegalArgumentException("'" + value + "' is not " + rule.expected());
    }
    return value;
  }

  static int integer(String value, Range range, String unit) {
    try {
      int number = Integer.parseInt(value);
      if (range.contains(number)) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below with the range
    }
    throw new IllegalArgumentException(
        "must be a whole number of "
            + unit
            + " from "
            + range.min()
            + " to "
            + range.max()
            + ", got '"
            + value
            + "'");
  }

  static boolean bool(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "yes" -> true;
      case "false", "no" -> false;
      default -> throw new IllegalArgumentException("must be true or false, got '" + value + "'");
    };
  }

  /** Items separated by {@code ;} or white space, each following the rule. */
  static List<String> list(String value, TextRule item) {
    List<String> items =
        Arrays.stream(LIST_SEPARATOR.split(value)).filter(s -> !s.isEmpty()).toList();
    for (String each : items) {
      if (!item.accepts(each)) {
        throw new IllegalArgumentException(
            "'" + each + "' is not " + item.expected() + " (separate several with ;)");
      }
    }
    return items;
  }

  static String maintenanceWindow(String value) {
    return matching(value.toLowerCase(Locale.ROOT), ReplicationInstances.MAINTENANCE_WINDOW);
  }

  static int capacityUnits(String value) {
    return listed(value, Serverless::isCapacityUnits, Serverless.expectedCapacityUnits());
  }

  static int retentionDays(String value) {
    return listed(value, CloudWatchLogs::isRetentionDays, CloudWatchLogs.expectedRetentionDays());
  }

  /** A whole number that the rule takes. */
  private static int listed(String value, IntPredicate allowed, String expected) {
    try {
      int number = Integer.parseInt(value);
      if (allowed.test(number)) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below with the values
    }
    throw new IllegalArgumentException("must be " + expected + ", got '" + value + "'");
  }
}
