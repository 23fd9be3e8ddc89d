package io.github.dmsfleet.ops.internal;

import io.github.dmsfleet.ops.internal.aws.Errors;
import io.github.dmsfleet.ops.internal.aws.RunFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Waits on many things at once (tasks, serverless replications, endpoint connections) with one
 * batched describe per interval for all of them, instead of one waiter each. A wait ends when its
 * condition holds; a run-level failure while polling ends every wait.
 *
 * @param <S> the state a describe returns for one key
 */
public final class BatchPoller<S> implements AutoCloseable {
  private record Watch<S>(String key, Predicate<S> done, CompletableFuture<S> future) {}

  private final Function<Collection<String>, Map<String, S>> describe;
  private final Function<S, String> status;
  private final Console console;
  private final List<Watch<S>> watches = new CopyOnWriteArrayList<>();
  private final Map<String, String> lastStatus = new ConcurrentHashMap<>();
  private final ScheduledExecutorService poller =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "dms-ops-poller");
            thread.setDaemon(true);
            return thread;
          });

  /**
   * @param describe the states of these keys in one batched call; absent keys no longer exist
   * @param status the status word of a state, for progress and timeout messages
   */
  public BatchPoller(
      Function<Collection<String>, Map<String, S>> describe,
      Function<S, String> status,
      Duration interval,
      Console console) {
    this.describe = describe;
    this.status = status;
    this.console = console;
    long millis = Math.max(1, interval.toMillis());
    var unused = poller.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
  }

  /**
   * Completes with the first polled state for which {@code done} holds, or at once with {@code
   * current} when it already holds (null: no current state to judge).
   */
  public CompletableFuture<S> until(String key, S current, Predicate<S> done) {
    if (current != null) {
      lastStatus.put(key, status.apply(current));
      if (done.test(current)) {
        return CompletableFuture.completedFuture(current);
      }
    }
    Watch<S> watch = new Watch<>(key, done, new CompletableFuture<>());
    watches.add(watch);
    return watch.future();
  }

  /** Blocks until the wait ends; throws {@link WaitTimeout} at the deadline. */
  public S await(String key, CompletableFuture<S> future, Instant deadline) {
    try {
      long millis = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
      return future.get(millis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(false);
      throw new WaitTimeout(lastStatus.getOrDefault(key, "unknown"));
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime
          ? runtime
          : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WaitTimeout(lastStatus.getOrDefault(key, "unknown"));
    }
  }

  /** Waits until the state satisfies {@code done}. */
  public S await(String key, S current, Predicate<S> done, Instant deadline) {
    return await(key, until(key, current, done), deadline);
  }

  private void poll() {
    watches.removeIf(w -> w.future().isDone());
    List<Watch<S>> current = new ArrayList<>(watches);
    if (current.isEmpty()) {
      return;
    }
    Map<String, S> found;
    try {
      found = describe.apply(current.stream().map(Watch::key).distinct().toList());
    } catch (RunFailure e) {
      current.forEach(w -> w.future().completeExceptionally(e));
      return;
    } catch (SdkException e) {
      // The SDK already retried; the next poll tries again, and the deadlines bound the wait.
      console.debug("describing failed, trying again at the next poll: " + Errors.describe(e));
      return;
    }
    for (Watch<S> watch : current) {
      S state = found.get(watch.key());
      if (state == null) {
        watch.future().completeExceptionally(new Gone(watch.key()));
        continue;
      }
      String now = status.apply(state);
      String before = lastStatus.put(watch.key(), now);
      if (before != null && !before.equals(now)) {
        console.debug(watch.key() + ": " + before + " -> " + now);
      }
      if (watch.done().test(state)) {
        watch.future().complete(state);
      }
    }
  }

  @Override
  public void close() {
    poller.shutdownNow();
  }

  /** The deadline passed while waiting. */
  public static final class WaitTimeout extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WaitTimeout(String lastStatus) {
      super("timed out waiting; it is still " + lastStatus);
    }
  }

  /** The thing waited on no longer exists. */
  public static final class Gone extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Gone(String key) {
      super(key + " no longer exists");
    }
  }
}
