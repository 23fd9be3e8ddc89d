package io.github.dmsfleet.ops.internal.tasks;

import java.util.Set;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;

/** DMS task statuses and what they mean for starting and stopping. */
final class TaskStatus {
  static final String READY = "ready";
  static final String STARTING = "starting";
  static final String RUNNING = "running";
  static final String STOPPING = "stopping";
  static final String STOPPED = "stopped";
  static final String FAILED = "failed";
  static final String MODIFYING = "modifying";

  /** Statuses DMS leaves by itself; a task in one of them can only be waited on. */
  static final Set<String> PASSING =
      Set.of("creating", MODIFYING, STARTING, STOPPING, "testing", "moving");

  /**
   * Passing statuses other than {@code starting}: what a task must leave before it can be started
   * or stopped.
   */
  static final Set<String> SETTLING = Set.of("creating", MODIFYING, STOPPING, "testing", "moving");

  /** Statuses in which a task can be modified or started. */
  static final Set<String> IDLE = Set.of(READY, STOPPED, FAILED);

  /** Stop reasons of a full-load-only task that finished its work. */
  private static final Set<String> FINISHED_REASONS =
      Set.of("FULL_LOAD_ONLY_FINISHED", "STOPPED_AFTER_FULL_LOAD", "STOPPED_AFTER_CACHED_EVENTS");

  private TaskStatus() {}

  /** Whether the task ran before, so that {@code start-replication} would be rejected. */
  static boolean ranBefore(ReplicationTask task) {
    return task.replicationTaskStartDate() != null
        || (task.replicationTaskStats() != null
            && task.replicationTaskStats().freshStartDate() != null)
        || STOPPED.equals(task.status());
  }

  static boolean finishedFullLoad(ReplicationTask task) {
    return STOPPED.equals(task.status())
        && task.stopReason() != null
        && FINISHED_REASONS.stream().anyMatch(task.stopReason()::contains);
  }

  /** DMS's reason for a failed or stopped task, for the summary. */
  static String reason(ReplicationTask task) {
    StringBuilder reason = new StringBuilder("task is ").append(task.status());
    if (task.stopReason() != null && !task.stopReason().isBlank()) {
      reason.append(" (").append(task.stopReason()).append(')');
    }
    if (task.lastFailureMessage() != null && !task.lastFailureMessage().isBlank()) {
      reason.append(": ").append(task.lastFailureMessage());
    }
    return reason.toString();
  }
}
