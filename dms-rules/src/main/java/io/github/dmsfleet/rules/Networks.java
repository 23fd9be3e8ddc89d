package io.github.dmsfleet.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rules for the network replication instances run in. */
public final class Networks {
  private static final Pattern IPV4_CIDR =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");
  private static final Range PREFIX_LENGTH = new Range(16, 24);

  /**
   * The CIDR block of a new VPC: big enough for subnets in several Availability Zones, and no
   * bigger than a VPC may be.
   */
  public static final TextRule VPC_CIDR =
      TextRule.of(Networks::isVpcCidr, "an IPv4 CIDR block from /16 to /24, such as 10.0.0.0/18");

  private Networks() {}

  private static boolean isVpcCidr(String text) {
    Matcher matcher = IPV4_CIDR.matcher(text);
    if (!matcher.matches()) {
      return false;
    }
    for (int octet = 1; octet <= 4; octet++) {
      if (Integer.parseInt(matcher.group(octet)) > 255) {
        return false;
      }
    }
    return PREFIX_LENGTH.contains(Integer.parseInt(matcher.group(5)));
  }
}
