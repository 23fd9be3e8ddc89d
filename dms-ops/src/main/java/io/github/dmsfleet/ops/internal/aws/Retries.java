package io.github.dmsfleet.ops.internal.aws;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryUtils;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RecordSuccessResponse;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * The SDK retry strategies dms-ops uses. The mode is always set here, because the SDK's default is
 * LEGACY unless the environment says otherwise; DMS's {@code KMSThrottlingFault} is retried and
 * backed off like the throttling codes the SDK already knows; every attempt can be paced under the
 * account's API rate and reported.
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
    ADAPTIVE;

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Told about each failed attempt that will be retried, and after how long. */
  @FunctionalInterface
  public interface Listener extends BiConsumer<Throwable, Duration> {}

  private Retries() {}

  /** The SDK's strategy for the mode, with {@link #MAX_ATTEMPTS} and the extra throttling codes. */
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
   * The mode's strategy, with every attempt waiting for a token from {@code pacer} (when not null)
   * and each retry reported to {@code listener}.
   */
  public static RetryStrategy strategy(Mode mode, Pacer pacer, Listener listener) {
    return new Observed(strategy(mode), pacer, listener);
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
    // A proxy's HTML 5xx carries no error code at all.
    String code = Errors.code(error);
    return code != null && EXTRA_THROTTLING_CODES.contains(code);
  }

  /**
   * Adds the pacer's wait to the delay the SDK waits before each attempt (before signing it), and
   * reports retries; the rest is the wrapped strategy's.
   */
  private record Observed(RetryStrategy delegate, Pacer pacer, Listener listener)
      implements RetryStrategy {
    @Override
    public AcquireInitialTokenResponse acquireInitialToken(AcquireInitialTokenRequest request) {
      AcquireInitialTokenResponse response = delegate.acquireInitialToken(request);
      return AcquireInitialTokenResponse.create(response.token(), paced(response.delay()));
    }

    @Override
    public RefreshRetryTokenResponse refreshRetryToken(RefreshRetryTokenRequest request) {
      RefreshRetryTokenResponse response = delegate.refreshRetryToken(request);
      Duration delay = paced(response.delay());
      if (listener != null) {
        listener.accept(request.failure(), delay);
      }
      return RefreshRetryTokenResponse.create(response.token(), delay);
    }

    @Override
    public RecordSuccessResponse recordSuccess(RecordSuccessRequest request) {
      return delegate.recordSuccess(request);
    }

    @Override
    public int maxAttempts() {
      return delegate.maxAttempts();
    }

    @Override
    public boolean useClientDefaults() {
      return delegate.useClientDefaults();
    }

    @Override
    public ObservedBuilder toBuilder() {
      return new ObservedBuilder(delegate.toBuilder(), pacer, listener);
    }

    private Duration paced(Duration delay) {
      return pacer == null ? delay : delay.plus(pacer.reserve());
    }
  }

  /** Rebuilds the wrapped strategy and wraps it again, for SDK code that adjusts a strategy. */
  private static final class ObservedBuilder
      implements RetryStrategy.Builder<ObservedBuilder, RetryStrategy> {
    private final RetryStrategy.Builder<?, ?> delegate;
    private final Pacer pacer;
    private final Listener listener;

    ObservedBuilder(RetryStrategy.Builder<?, ?> delegate, Pacer pacer, Listener listener) {
      this.delegate = delegate;
      this.pacer = pacer;
      this.listener = listener;
    }

    @Override
    public ObservedBuilder retryOnException(Predicate<Throwable> shouldRetry) {
      delegate.retryOnException(shouldRetry);
      return this;
    }

    @Override
    public ObservedBuilder maxAttempts(int maxAttempts) {
      delegate.maxAttempts(maxAttempts);
      return this;
    }

    @Override
    public ObservedBuilder backoffStrategy(BackoffStrategy backoffStrategy) {
      delegate.backoffStrategy(backoffStrategy);
      return this;
    }

    @Override
    public ObservedBuilder throttlingBackoffStrategy(BackoffStrategy backoffStrategy) {
      delegate.throttlingBackoffStrategy(backoffStrategy);
      return this;
    }

    @Override
    public ObservedBuilder treatAsThrottling(Predicate<Throwable> treatAsThrottling) {
      delegate.treatAsThrottling(treatAsThrottling);
      return this;
    }

    @Override
    public ObservedBuilder useClientDefaults(boolean useClientDefaults) {
      delegate.useClientDefaults(useClientDefaults);
      return this;
    }

    @Override
    public RetryStrategy build() {
      return new Observed(delegate.build(), pacer, listener);
    }
  }
}
