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

/**
 * Starts tasks the way {@code tasks start} documents: turns CloudWatch logging on where it is off,
 * picks each task's start type, runs up to {@code concurrency} tasks at once, and with {@code
 * waitForRunning} waits until each runs. Every task ends with an outcome; a rerun leaves tasks that
 * are already running alone.
 */
public final class TaskStarter {
  /**
   * How often a task that changes under us (InvalidResourceStateFault) is looked at again before
   * giving up.
   */
  private static final int MAX_ROUNDS = 5;

  private static final Set<String> AFTER_START = Set.of(TaskStatus.STARTING);

  /**
   * How a run starts tasks.
   *
   * @param concurrency how many tasks are modified and started at once; waiting for running holds
   *     no slot
   * @param timeout how long the whole run may wait for DMS
   * @param pollInterval how often waiting tasks are described (all of them in one batched call)
   */
  public record Options(
      StartType startType,
      int concurrency,
      boolean waitForRunning,
      Duration timeout,
      Duration pollInterval,
      boolean dryRun) {}

  private final DatabaseMigrationClient dms;
  private final TaskLookup lookup;
  private final Options options;
  private final Console console;

  public TaskStarter(DatabaseMigrationClient dms, Options options, Console console) {
    this.dms = dms;
    this.lookup = new TaskLookup(dms);
    this.options = options;
    this.console = console;
  }

  /** One outcome per identifier, in their order. */
  public List<Outcome> start(List<String> identifiers) {
    Instant deadline = Instant.now().plus(options.timeout());
    Map<String, ReplicationTask> tasks = lookup.find(identifiers, true);
    try (TaskWatcher watcher = new TaskWatcher(lookup, options.pollInterval(), console)) {
      List<Pending> firstPhase =
          Parallel.map(
              identifiers,
              options.concurrency(),
              id -> {
                ReplicationTask task = tasks.get(id);
                if (task == null) {
                  return Pending.finished(Outcome.failed(id, "not found; deploy the fleet first"));
                }
                return startSafely(task, watcher, deadline);
              });
      return firstPhase.stream()
          .map(p -> p.isFinished() ? p.outcome() : awaitRunning(p, watcher, deadline))
          .toList();
    }
  }

  private Pending startSafely(ReplicationTask task, TaskWatcher watcher, Instant deadline) {
    String id = task.replicationTaskIdentifier();
    try {
      return start(task, watcher, deadline);
    } catch (TaskWatcher.WaitTimeoutException
        | TaskWatcher.TaskGoneException
        | IllegalArgumentException e) {
      return Pending.finished(Outcome.failed(id, e.getMessage()));
    } catch (SdkException e) {
      return Pending.finished(Outcome.failed(id, Errors.describe(e)));
    }
  }

  private Pending start(ReplicationTask initial, TaskWatcher watcher, Instant deadline) {
    String id = initial.replicationTaskIdentifier();
    ReplicationTask task = initial;
    boolean loggingOn = TaskSettings.loggingEnabled(task.replicationTaskSettings());
    String done = "";
    for (int round = 1; ; round++) {
      String status = task.status();
      if (TaskStatus.RUNNING.equals(status)) {
        return finished(
            id,
            done
                + "already running"
                + (loggingOn
                    ? ""
                    : " (CloudWatch logging is off: stop the" + " task and rerun to turn it on)"));
      }
      if (TaskStatus.STARTING.equals(status)) {
        return options.waitForRunning()
            ? Pending.waiting(id, "already starting", watcher.whenLeaving(task, AFTER_START))
            : finished(id, "already starting");
      }
      if (TaskStatus.SETTLING.contains(status)) {
        if (options.dryRun()) {
          return finished(id, "would wait while it is " + status + ", then start");
        }
        console.progress(id + ": waiting while it is " + status);
        task = watcher.await(task, TaskStatus.SETTLING, deadline);
        continue;
      }
      if (!TaskStatus.IDLE.contains(status)) {
        return Pending.finished(Outcome.failed(id, "cannot start a task that is " + status));
      }
      if (TaskStatus.finishedFullLoad(task) && options.startType() == StartType.AUTO) {
        // Starting it again would reload every table: that is what reload-target is for.
        return finished(
            id, "already finished full load (--start-type reload-target loads it again)");
      }
      StartType type = startType(task);
      try {
        if (!loggingOn) {
          if (options.dryRun()) {
            return finished(id, "would enable CloudWatch logging, then " + type);
          }
          console.progress(id + ": enabling CloudWatch logging");
          String settings = TaskSettings.withLoggingEnabled(task.replicationTaskSettings());
          task =
              dms.modifyReplicationTask(
                      r ->
                          r.replicationTaskArn(initial.replicationTaskArn())
                              .replicationTaskSettings(settings))
                  .replicationTask();
          loggingOn = true;
          done = "logging enabled, ";
          task = watcher.await(task, TaskStatus.SETTLING, deadline);
          continue;
        }
        if (options.dryRun()) {
          return finished(id, "would " + type);
        }
        ReplicationTask starting =
            dms.startReplicationTask(
                    r ->
                        r.replicationTaskArn(initial.replicationTaskArn())
                            .startReplicationTaskType(type.value()))
                .replicationTask();
        console.progress(id + ": started with " + type);
        String result = done + "started (" + type + ")";
        return options.waitForRunning()
            ? Pending.waiting(id, result, watcher.whenLeaving(starting, AFTER_START))
            : finished(id, result);
      } catch (InvalidResourceStateException e) {
        // The task changed between our look and our call (someone else started or modified it):
        // look again.
        if (round >= MAX_ROUNDS) {
          throw e;
        }
        console.debug(id + ": " + Errors.describe(e) + "; looking again");
        task = lookup.findOne(id, true);
        loggingOn = TaskSettings.loggingEnabled(task.replicationTaskSettings());
      }
    }
  }

  private StartType startType(ReplicationTask task) {
    if (options.startType() != StartType.AUTO) {
      return options.startType();
    }
    return TaskStatus.ranBefore(task) ? StartType.RESUME_PROCESSING : StartType.START_REPLICATION;
  }

  private Outcome awaitRunning(Pending pending, TaskWatcher watcher, Instant deadline) {
    String id = pending.identifier();
    try {
      ReplicationTask task = watcher.await(id, pending.settled(), deadline);
      if (TaskStatus.RUNNING.equals(task.status())) {
        return Outcome.ok(id, pending.done() + ", running");
      }
      if (TaskStatus.finishedFullLoad(task)) {
        return Outcome.ok(id, pending.done() + ", finished full load");
      }
      return Outcome.failed(id, pending.done() + ", then " + TaskStatus.reason(task));
    } catch (TaskWatcher.WaitTimeoutException | TaskWatcher.TaskGoneException e) {
      return Outcome.failed(id, pending.done() + ", then " + e.getMessage());
    }
  }

  private static Pending finished(String id, String result) {
    return Pending.finished(Outcome.ok(id, result));
  }
}
