package io.github.dmsfleet.ops.internal.tasks;

import io.github.dmsfleet.ops.internal.Console;
import io.github.dmsfleet.ops.internal.Outcome;
import io.github.dmsfleet.ops.internal.Parallel;
import io.github.dmsfleet.ops.internal.aws.Errors;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.InvalidResourceStateException;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;

/** Stops running tasks; tasks that are not running are left alone and count as done. */
public final class TaskStopper {
  private static final int THREADS = 16;
  private static final int MAX_ROUNDS = 5;
  private static final Set<String> AFTER_STOP = Set.of(TaskStatus.RUNNING, TaskStatus.STOPPING);

  /**
   * How a run stops tasks.
   *
   * @param waitForStopped whether to wait until each task has stopped
   * @param timeout how long the whole run may wait for DMS
   * @param pollInterval how often waiting tasks are described (all of them in one batched call)
   */
  public record Options(
      boolean waitForStopped, Duration timeout, Duration pollInterval, boolean dryRun) {}

  private final DatabaseMigrationClient dms;
  private final TaskLookup lookup;
  private final Options options;
  private final Console console;

  public TaskStopper(DatabaseMigrationClient dms, Options options, Console console) {
    this.dms = dms;
    this.lookup = new TaskLookup(dms);
    this.options = options;
    this.console = console;
  }

  /** One outcome per identifier, in their order. */
  public List<Outcome> stop(List<String> identifiers) {
    Instant deadline = Instant.now().plus(options.timeout());
    Map<String, ReplicationTask> tasks = lookup.find(identifiers, false);
    try (TaskWatcher watcher = new TaskWatcher(lookup, options.pollInterval(), console)) {
      List<Pending> firstPhase =
          Parallel.map(
              identifiers,
              THREADS,
              id -> {
                ReplicationTask task = tasks.get(id);
                if (task == null) {
                  return Pending.finished(Outcome.failed(id, "not found"));
                }
                return stopSafely(task, watcher, deadline);
              });
      return firstPhase.stream()
          .map(p -> p.isFinished() ? p.outcome() : awaitStopped(p, watcher, deadline))
          .toList();
    }
  }

  private Pending stopSafely(ReplicationTask task, TaskWatcher watcher, Instant deadline) {
    String id = task.replicationTaskIdentifier();
    try {
      return stop(task, watcher, deadline);
    } catch (TaskWatcher.WaitTimeoutException | TaskWatcher.TaskGoneException e) {
      return Pending.finished(Outcome.failed(id, e.getMessage()));
    } catch (SdkException e) {
      return Pending.finished(Outcome.failed(id, Errors.describe(e)));
    }
  }

  private Pending stop(ReplicationTask initial, TaskWatcher watcher, Instant deadline) {
    String id = initial.replicationTaskIdentifier();
    ReplicationTask task = initial;
    for (int round = 1; ; round++) {
      String status = task.status();
      if (TaskStatus.STARTING.equals(status)) {
        // DMS rejects a stop while the task starts; wait until it runs (or fails).
        if (options.dryRun()) {
          return finished(id, "would wait while it is starting, then stop");
        }
        console.progress(id + ": waiting while it is starting");
        task = watcher.await(task, Set.of(TaskStatus.STARTING), deadline);
        continue;
      }
      if (TaskStatus.STOPPING.equals(status)) {
        return options.waitForStopped()
            ? Pending.waiting(id, "already stopping", watcher.whenLeaving(task, AFTER_STOP))
            : finished(id, "already stopping");
      }
      if (!TaskStatus.RUNNING.equals(status)) {
        return finished(
            id,
            TaskStatus.STOPPED.equals(status) ? "already stopped" : "not running (" + status + ")");
      }
      if (options.dryRun()) {
        return finished(id, "would stop");
      }
      try {
        ReplicationTask stopping =
            dms.stopReplicationTask(r -> r.replicationTaskArn(initial.replicationTaskArn()))
                .replicationTask();
        console.progress(id + ": stopping");
        return options.waitForStopped()
            ? Pending.waiting(id, "stop requested", watcher.whenLeaving(stopping, AFTER_STOP))
            : finished(id, "stopping");
      } catch (InvalidResourceStateException e) {
        if (round >= MAX_ROUNDS) {
          throw e;
        }
        console.debug(id + ": " + Errors.describe(e) + "; looking again");
        task = lookup.findOne(id, false);
      }
    }
  }

  private Outcome awaitStopped(Pending pending, TaskWatcher watcher, Instant deadline) {
    String id = pending.identifier();
    try {
      ReplicationTask task = watcher.await(id, pending.settled(), deadline);
      return TaskStatus.STOPPED.equals(task.status())
          ? Outcome.ok(id, "stopped")
          : Outcome.failed(id, pending.done() + ", then " + TaskStatus.reason(task));
    } catch (TaskWatcher.WaitTimeoutException | TaskWatcher.TaskGoneException e) {
      return Outcome.failed(id, pending.done() + ", then " + e.getMessage());
    }
  }

  private static Pending finished(String id, String result) {
    return Pending.finished(Outcome.ok(id, result));
  }
}
