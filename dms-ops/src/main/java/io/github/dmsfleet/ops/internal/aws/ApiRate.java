package io.github.dmsfleet.ops.internal.aws;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An API token bucket: {@code burst} calls at once, refilled at {@code perSecond}.
 *
 * @param burst how many calls may go at once
 * @param perSecond how many calls per second the bucket refills
 */
public record ApiRate(int burst, double perSecond) {
  /**
   * DMS's quota per account and Region (the quotas page: "API request throttling: 200 request
   * maximum per second", "API request refresh rate: 8 requests per second").
   */
  public static final ApiRate DMS_QUOTA = new ApiRate(200, 8);

  /**
   * The share of the quota dms-ops takes by default: the console, CloudFormation and other tools of
   * the account draw from the same bucket, and a throttled call costs seconds of back-off.
   */
  public static final double DEFAULT_SHARE = 0.75;

  private static final Pattern TEXT = Pattern.compile("(\\d+)/(\\d+(?:\\.\\d+)?)");

  public ApiRate {
    if (burst < 1 || !(perSecond > 0)) {
      throw new IllegalArgumentException(
          "the burst must be at least 1 and the rate above 0, got " + burst + "/" + perSecond);
    }
  }

  /** {@link #DEFAULT_SHARE} of DMS's quota: 150 calls at once, then 6 per second. */
  public static ApiRate dmsDefault() {
    return new ApiRate(
        (int) (DMS_QUOTA.burst * DEFAULT_SHARE), DMS_QUOTA.perSecond * DEFAULT_SHARE);
  }

  /** Reads {@code BURST/PER_SECOND}, such as {@code 150/6} or {@code 40/1.5}. */
  public static ApiRate parse(String text) {
    Matcher matcher = TEXT.matcher(text.trim());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not BURST/PER_SECOND; write it like " + dmsDefault());
    }
    return new ApiRate(Integer.parseInt(matcher.group(1)), Double.parseDouble(matcher.group(2)));
  }

  @Override
  public String toString() {
    String rate =
        perSecond == Math.rint(perSecond)
            ? String.valueOf((long) perSecond)
            : String.format(Locale.ROOT, "%s", perSecond);
    return burst + "/" + rate;
  }
}
