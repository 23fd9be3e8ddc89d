package io.github.dmsfleet.ops.internal.tasks;

import io.github.dmsfleet.ops.internal.Console;
import io.github.dmsfleet.ops.internal.aws.Errors;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;

/**
 * Waits for tasks to leave statuses such as {@code modifying} or {@code starting}. The SDK's task
 * waiters poll one task each and give up on {@code modifying} and {@code stopped}; this polls every
 * watched task with one batched describe per interval, so hundreds of waits cost a few calls, and
 * waits only as long as it is told.
 */
final class TaskWatcher implements AutoCloseable {
  private record Watch(
      String identifier, Set<String> passing, CompletableFuture<ReplicationTask> done) {}

  private final TaskLookup lookup;
  private final Console console;
  private final List<Watch> watches = new CopyOnWriteArrayList<>();
  private final Map<String, String> lastStatus = new ConcurrentHashMap<>();
  private final ScheduledExecutorService poller =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "dms-ops-task-watcher");
            thread.setDaemon(true);
            return thread;
          });

  TaskWatcher(TaskLookup lookup, Duration interval, Console console) {
    this.lookup = lookup;
    this.console = console;
    long millis = Math.max(1, interval.toMillis());
    var unused = poller.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
  }

  /**
   * Completes with the task once its status is not in {@code passing}; fails if the task
   * disappears.
   */
  CompletableFuture<ReplicationTask> whenLeaving(ReplicationTask current, Set<String> passing) {
    lastStatus.put(current.replicationTaskIdentifier(), current.status());
    Watch watch =
        new Watch(current.replicationTaskIdentifier(), passing, new CompletableFuture<>());
    watches.add(watch);
    return watch.done();
  }

  /**
   * Blocks until the task leaves {@code passing}; throws {@link WaitTimeoutException} at the
   * deadline.
   */
  ReplicationTask await(ReplicationTask current, Set<String> passing, Instant deadline) {
    return await(current.replicationTaskIdentifier(), whenLeaving(current, passing), deadline);
  }

  ReplicationTask await(
      String identifier, CompletableFuture<ReplicationTask> leaving, Instant deadline) {
    try {
      long millis = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
      return leaving.get(millis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      leaving.cancel(false);
      throw new WaitTimeoutException(lastStatus.getOrDefault(identifier, "unknown"));
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime
          ? runtime
          : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WaitTimeoutException(lastStatus.getOrDefault(identifier, "unknown"));
    }
  }

  private void poll() {
    watches.removeIf(w -> w.done().isDone());
    List<Watch> current = new ArrayList<>(watches);
    if (current.isEmpty()) {
      return;
    }
    Map<String, ReplicationTask> found;
    try {
      found = lookup.find(current.stream().map(Watch::identifier).distinct().toList(), false);
    } catch (SdkException e) {
      // The SDK already retried; the next poll tries again, and the waiters' deadlines bound the
      // wait.
      console.debug("describing tasks failed, retrying at the next poll: " + Errors.describe(e));
      return;
    }
    for (Watch watch : current) {
      ReplicationTask task = found.get(watch.identifier());
      if (task == null) {
        watch.done().completeExceptionally(new TaskGoneException(watch.identifier()));
        continue;
      }
      String previous = lastStatus.put(watch.identifier(), task.status());
      if (previous != null && !previous.equals(task.status())) {
        console.debug(watch.identifier() + ": " + previous + " -> " + task.status());
      }
      if (!watch.passing().contains(task.status())) {
        watch.done().complete(task);
      }
    }
  }

  @Override
  public void close() {
    poller.shutdownNow();
  }

  /** The deadline passed while the task was still in a passing status. */
  static final class WaitTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WaitTimeoutException(String lastStatus) {
      super("timed out waiting; the task is still " + lastStatus);
    }
  }

  /** The task was deleted while being waited on. */
  static final class TaskGoneException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TaskGoneException(String identifier) {
      super("task " + identifier + " no longer exists");
    }
  }
}
