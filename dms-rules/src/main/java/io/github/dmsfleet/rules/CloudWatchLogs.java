package io.github.dmsfleet.rules;

import java.util.List;
import java.util.stream.Collectors;

/** Rules for the CloudWatch Logs log groups that hold task logs. */
public final class CloudWatchLogs {
  /** The retentions, in days, that CloudWatch Logs takes ({@code PutRetentionPolicy}). */
  public static final List<Integer> RETENTION_DAYS =
      List.of(
          1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557,
          2922, 3288, 3653);

  private CloudWatchLogs() {}

  /** Whether CloudWatch Logs takes that retention. */
  public static boolean isRetentionDays(int days) {
    return RETENTION_DAYS.contains(days);
  }

  /** What a retention must be, phrased to follow "must be". */
  public static String expectedRetentionDays() {
    return "one of "
        + RETENTION_DAYS.stream().map(String::valueOf).collect(Collectors.joining(", "))
        + " days";
  }
}
