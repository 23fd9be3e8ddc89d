package io.github.dmsfleet.ops.internal.tasks;

import io.github.dmsfleet.ops.internal.Outcome;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;

/**
 * A task's first phase: either finished with an outcome, or waiting for DMS to finish what was
 * asked.
 *
 * @param outcome the outcome, when finished
 * @param done what has been done so far, when waiting
 * @param settled completes when the task leaves the status it was put in
 */
record Pending(
    String identifier, Outcome outcome, String done, CompletableFuture<ReplicationTask> settled) {

  static Pending finished(Outcome outcome) {
    return new Pending(outcome.subject(), outcome, null, null);
  }

  static Pending waiting(
      String identifier, String done, CompletableFuture<ReplicationTask> settled) {
    return new Pending(identifier, null, done, settled);
  }

  boolean isFinished() {
    return outcome != null;
  }
}
