package io.github.dmsfleet.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rules for the network replication instances run in. */
public final class Networks {
  private static final Pattern IPV4_CIDR =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");
  private static final Range PREFIX_LENGTH = new Range(16, 24);
  private static final Range ANY_PREFIX_LENGTH = new Range(0, 32);

  /**
   * The CIDR block of a new VPC: big enough for subnets in several Availability Zones, and no
   * bigger than a VPC may be.
   */
  public static final TextRule VPC_CIDR =
      TextRule.of(Networks::isVpcCidr, "an IPv4 CIDR block from /16 to /24, such as 10.0.0.0/18");

  /** Any IPv4 CIDR block, such as a network where source databases live. */
  public static final TextRule IPV4_CIDR_BLOCK =
      TextRule.of(
          text -> isCidr(text, ANY_PREFIX_LENGTH),
          "an IPv4 CIDR block such as 10.20.0.0/16 or 192.0.2.10/32");

  private Networks() {}

  private static boolean isVpcCidr(String text) {
    return isCidr(text, PREFIX_LENGTH);
  }

  private static boolean isCidr(String text, Range prefixLengths) {
    Matcher matcher = IPV4_CIDR.matcher(text);
    if (!matcher.matches()) {
      return false;
    }
    for (int octet = 1; octet <= 4; octet++) {
      if (Integer.parseInt(matcher.group(octet)) > 255) {
        return false;
      }
    }
    return prefixLengths.contains(Integer.parseInt(matcher.group(5)));
  }
}
