package io.github.dmsfleet.constructs.internal;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.customresources.AwsCustomResource;
import software.constructs.IConstruct;

/**
 * cdk-nag acknowledgements that belong to the constructs themselves, so consumers get a clean run.
 */
public final class Nag {
  /** The id under which the CDK puts the one Lambda function of a stack's AwsCustomResources. */
  private static final String CUSTOM_RESOURCE_PROVIDER = "AWS679f53fac002430cb0da5b7982bd2287";

  private Nag() {}

  /**
   * Acknowledges what a read-only AWS SDK lookup brings: its policy's {@code *} resource and the
   * CDK's provider function with its AWS managed logging policy.
   */
  public static void acknowledgeCustomResource(AwsCustomResource lookup, String why) {
    acknowledge(lookup, "AwsSolutions-IAM5", why);
    IConstruct provider = Stack.of(lookup).getNode().tryFindChild(CUSTOM_RESOURCE_PROVIDER);
    if (provider != null) {
      acknowledge(
          provider,
          "AwsSolutions-IAM4",
          "The CDK's provider function for AWS SDK lookups writes its logs under the AWS managed"
              + " AWSLambdaBasicExecutionRole policy, as every CDK custom resource does.",
          List.of(
              "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));
    }
  }

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
