package io.github.dmsfleet.ops.internal.aws;

import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryUtils;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * The SDK retry strategies dms-ops uses. The mode is always set here, because the SDK's default is
 * LEGACY unless the environment says otherwise, and DMS's {@code KMSThrottlingFault} is retried and
 * backed off like the throttling codes the SDK already knows.
 */
public final class Retries {
  /** Throttling error codes the SDK does not classify as throttling. */
  static final Set<String> EXTRA_THROTTLING_CODES = Set.of("KMSThrottlingFault");

  /** Enough attempts to ride out a burst of throttling on a busy account. */
  public static final int MAX_ATTEMPTS = 8;

  /** How the SDK paces retries. */
  public enum Mode {
    /** Exponential backoff with jitter. */
    STANDARD,
    /** Standard, plus client-side rate limiting once the service throttles. */
    ADAPTIVE
  }

  private Retries() {}

  public static RetryStrategy strategy(Mode mode) {
    return switch (mode) {
      case STANDARD ->
          AwsRetryStrategy.standardRetryStrategy().toBuilder()
              .retryOnException(Retries::isExtraThrottling)
              .treatAsThrottling(Retries::isThrottling)
              .maxAttempts(MAX_ATTEMPTS)
              .build();
      case ADAPTIVE ->
          AwsRetryStrategy.adaptiveRetryStrategy().toBuilder()
              .retryOnException(Retries::isExtraThrottling)
              .treatAsThrottling(Retries::isThrottling)
              .maxAttempts(MAX_ATTEMPTS)
              .build();
    };
  }

  /**
   * Whether the error is throttling, by the SDK's rules or because it is one of {@link
   * #EXTRA_THROTTLING_CODES}.
   */
  public static boolean isThrottling(Throwable error) {
    return (error instanceof SdkException sdk && RetryUtils.isThrottlingException(sdk))
        || isExtraThrottling(error);
  }

  private static boolean isExtraThrottling(Throwable error) {
    return error instanceof AwsServiceException aws
        && aws.awsErrorDetails() != null
        && EXTRA_THROTTLING_CODES.contains(aws.awsErrorDetails().errorCode());
  }
}
