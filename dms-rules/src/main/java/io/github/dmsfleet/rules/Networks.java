package io.github.dmsfleet.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rules for the network replication instances run in. */
public final class Networks {
  private static final Pattern IPV4_CIDR =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");
  private static final Range PREFIX_LENGTH = new Range(16, 24);
  private static final Range SOURCE_PREFIX_LENGTH = new Range(1, 32);

  /** The TCP ports a source database may listen on. */
  public static final Range PORT = new Range(1, 65_535);

  /**
   * The CIDR block of a new VPC: big enough for subnets in several Availability Zones, and no
   * bigger than a VPC may be.
   */
  public static final TextRule VPC_CIDR =
      TextRule.of(Networks::isVpcCidr, "an IPv4 CIDR block from /16 to /24, such as 10.0.0.0/18");

  /**
   * A network where source databases live, for the replication instances' egress rule: an IPv4 CIDR
   * block with no bits set after the prefix (as EC2 takes it), narrower than the whole internet.
   */
  public static final TextRule SOURCE_CIDR =
      TextRule.of(
          Networks::isSourceCidr,
          "an IPv4 CIDR block such as 10.1.0.0/24: four numbers up to 255, a prefix from /1 to"
              + " /32, no bit set after the prefix");

  private Networks() {}

  private static boolean isSourceCidr(String text) {
    if (!isCidr(text, SOURCE_PREFIX_LENGTH)) {
      return false;
    }
    Matcher matcher = IPV4_CIDR.matcher(text);
    matcher.matches();
    long address = 0;
    for (int octet = 1; octet <= 4; octet++) {
      address = (address << 8) | Integer.parseInt(matcher.group(octet));
    }
    long hostBits = (1L << (32 - Integer.parseInt(matcher.group(5)))) - 1;
    return (address & hostBits) == 0;
  }

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
