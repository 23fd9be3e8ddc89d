package io.github.dmsfleet.constructs.internal;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import java.util.List;
import java.util.regex.Pattern;
import software.constructs.IConstruct;

/**
 * cdk-nag acknowledgements that belong to the constructs themselves, so consumers get a clean run.
 */
public final class Nag {
  private Nag() {}

  /** Acknowledges every finding of {@code rule} on {@code construct} and its children. */
  public static void acknowledge(IConstruct construct, String rule, String reason) {
    suppress(construct, NagPackSuppression.builder().id(rule).reason(reason).build());
  }

  /** Acknowledges only the findings of {@code rule} named exactly as in {@code findings}. */
  public static void acknowledge(
      IConstruct construct, String rule, String reason, List<String> findings) {
    suppress(
        construct,
        NagPackSuppression.builder().id(rule).reason(reason).appliesTo(findings).build());
  }

  /**
   * Acknowledges the findings of {@code rule} that end with {@code suffix}, whatever comes before
   * it.
   */
  public static void acknowledgeEndingWith(
      IConstruct construct,
      String rule,
      String reason,
      String findingPrefix,
      List<String> suffixes) {
    List<RegexAppliesTo> patterns =
        suffixes.stream()
            .map(
                suffix ->
                    RegexAppliesTo.builder()
                        .regex("/^" + escape(findingPrefix) + ".*" + escape(suffix) + "$/")
                        .build())
            .toList();
    suppress(
        construct,
        NagPackSuppression.builder().id(rule).reason(reason).appliesTo(patterns).build());
  }

  private static void suppress(IConstruct construct, NagPackSuppression suppression) {
    NagSuppressions.addResourceSuppressions(construct, List.of(suppression), true);
  }

  /** Escapes for a JavaScript regular expression literal, which cdk-nag builds from the string. */
  private static String escape(String text) {
    return Pattern.compile("[\\\\^$.|?*+()\\[\\]{}/-]").matcher(text).replaceAll("\\\\$0");
  }
}
