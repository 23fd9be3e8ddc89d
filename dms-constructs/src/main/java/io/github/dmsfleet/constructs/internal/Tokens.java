package io.github.dmsfleet.constructs.internal;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Token;

/** Recognises CDK tokens in Java strings without asking the CDK. */
public final class Tokens {
  // The markers the CDK encodes string and list tokens with. Token.isUnresolved would answer the
  // same, at the cost of a round trip to the jsii runtime for every value checked.
  private static final String STRING_TOKEN = "${Token[";
  private static final String LIST_TOKEN = "#{Token[";

  private Tokens() {}

  /** Whether the string holds a value that is known only at deployment. */
  public static boolean isUnresolved(String value) {
    return value.contains(STRING_TOKEN) || value.contains(LIST_TOKEN);
  }

  /**
   * The resource id of a DMS ARN (its seventh part, after {@code arn:aws:dms:region:account:task:}
   * or {@code :replication-config:}) as a token: {@code Fn.select(6, Fn.split(":", arn))} in one
   * call into the CDK rather than two.
   */
  public static String dmsResourceId(String arn) {
    return Token.asString(Map.of("Fn::Select", List.of(6, Map.of("Fn::Split", List.of(":", arn)))));
  }
}
