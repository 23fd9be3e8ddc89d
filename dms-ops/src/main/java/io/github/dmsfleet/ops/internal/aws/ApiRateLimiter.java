package io.github.dmsfleet.ops.internal.aws;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * A client-side token bucket in front of every request attempt. DMS limits API calls per account
 * with a token bucket and answers {@code ThrottlingException} past it; the SDK's retries then back
 * off for seconds. Pacing the calls below the limit instead keeps a run over hundreds of tasks both
 * fast and free of throttling.
 *
 * <p>{@code Describe*} calls go first: a status poll tells which tasks can take their next step, so
 * a poll queued behind a hundred writes would hold all of them up.
 */
public final class ApiRateLimiter implements ExecutionInterceptor {
  /**
   * A little under DMS's documented bucket (100 tokens, refilled at 4 per second): other callers
   * share it.
   */
  public static final int DMS_BURST = 90;

  public static final double DMS_CALLS_PER_SECOND = 3.8;

  private final double capacity;
  private final double perNano;
  private final Queue<CountDownLatch> reads = new ConcurrentLinkedQueue<>();
  private final Queue<CountDownLatch> writes = new ConcurrentLinkedQueue<>();
  private final Semaphore waiting = new Semaphore(0);
  private double tokens;
  private long refilledAt;

  public ApiRateLimiter(int burst, double callsPerSecond) {
    if (burst < 1 || callsPerSecond <= 0) {
      throw new IllegalArgumentException(
          "burst must be at least 1 and the rate positive, got "
              + burst
              + " and "
              + callsPerSecond);
    }
    this.capacity = burst;
    this.perNano = callsPerSecond / TimeUnit.SECONDS.toNanos(1);
    this.tokens = burst;
    this.refilledAt = System.nanoTime();
    Thread dispatcher = new Thread(this::dispatch, "dms-ops-api-rate-limiter");
    dispatcher.setDaemon(true);
    dispatcher.start();
  }

  public static ApiRateLimiter forDms() {
    return new ApiRateLimiter(DMS_BURST, DMS_CALLS_PER_SECOND);
  }

  @Override
  public void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes attributes) {
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    acquire(operation != null && operation.startsWith("Describe"));
  }

  /** Blocks until a token is granted; reads are granted before writes that wait. */
  public void acquire(boolean read) {
    CountDownLatch granted = new CountDownLatch(1);
    (read ? reads : writes).add(granted);
    waiting.release();
    try {
      granted.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Grants one waiter per token, so a queue of hundreds wakes one thread at a time. */
  private void dispatch() {
    try {
      while (true) {
        waiting.acquire();
        takeToken();
        CountDownLatch next = reads.poll();
        (next != null ? next : writes.poll()).countDown();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void takeToken() throws InterruptedException {
    long now = System.nanoTime();
    tokens = Math.min(capacity, tokens + (now - refilledAt) * perNano);
    refilledAt = now;
    if (tokens < 1) {
      TimeUnit.NANOSECONDS.sleep((long) ((1 - tokens) / perNano));
      tokens = 1;
      refilledAt = System.nanoTime();
    }
    tokens -= 1;
  }
}
