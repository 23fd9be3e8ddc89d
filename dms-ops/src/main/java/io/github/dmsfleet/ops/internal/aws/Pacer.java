package io.github.dmsfleet.ops.internal.aws;

import java.time.Duration;

/**
 * A client-side token bucket that hands out send times instead of blocking: each call reserves the
 * next token and is told how long to wait for it. It has no thread of its own, and the caller waits
 * before the request is signed (the retry strategy's delay), so a long queue never ages a
 * signature.
 */
public final class Pacer {
  private final ApiRate rate;
  private final double nanosPerToken;
  private double tokens;
  private long refilledAt;

  public Pacer(ApiRate rate) {
    this.rate = rate;
    this.nanosPerToken = 1e9 / rate.perSecond();
    this.tokens = rate.burst();
    this.refilledAt = System.nanoTime();
  }

  /** Takes the next token; how long to wait before using it (zero while the bucket has tokens). */
  public synchronized Duration reserve() {
    long now = System.nanoTime();
    tokens = Math.min(rate.burst(), tokens + (now - refilledAt) / nanosPerToken);
    refilledAt = now;
    tokens -= 1;
    // A negative balance is the queue: the caller waits until its token has been refilled.
    return tokens >= 0 ? Duration.ZERO : Duration.ofNanos((long) (-tokens * nanosPerToken));
  }
}
