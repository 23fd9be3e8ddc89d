package io.github.dmsfleet.ops.replication;

/** Where a unit is in its life, whatever the API calls its statuses. */
public enum Lifecycle {
  /** Created and never started, or modified: {@code ready}. */
  READY,
  STARTING,
  RUNNING,
  STOPPING,
  STOPPED,
  FAILED,
  /** Passing through a change DMS finishes by itself: creating, modifying, testing, moving. */
  CHANGING,
  /** Being deleted, or stuck after a failed move: nothing can start it. */
  UNAVAILABLE
}
