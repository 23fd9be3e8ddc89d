package io.github.dmsfleet.ops.internal.tasks;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTaskStats;

/** The state of each task, for {@code tasks status}. */
public final class TaskReport {
  /**
   * One task's state; {@code status} is {@code not-found} when DMS has no such task.
   *
   * @param progressPercent full-load progress; null when DMS reports none
   */
  public record Row(
      String task,
      String status,
      Integer progressPercent,
      Integer tablesLoaded,
      Integer tablesErrored,
      String lastFailure) {

    public boolean failed() {
      return NOT_FOUND.equals(status) || TaskStatus.FAILED.equals(status);
    }
  }

  public static final String NOT_FOUND = "not-found";

  private final TaskLookup lookup;

  public TaskReport(DatabaseMigrationClient dms) {
    this.lookup = new TaskLookup(dms);
  }

  /** One row per identifier, in their order. */
  public List<Row> rows(List<String> identifiers) {
    Map<String, ReplicationTask> tasks = lookup.find(identifiers, false);
    return identifiers.stream().map(id -> row(id, tasks.get(id))).toList();
  }

  private static Row row(String id, ReplicationTask task) {
    if (task == null) {
      return new Row(id, NOT_FOUND, null, null, null, null);
    }
    ReplicationTaskStats stats = task.replicationTaskStats();
    String failure =
        task.lastFailureMessage() == null || task.lastFailureMessage().isBlank()
            ? null
            : task.lastFailureMessage();
    return new Row(
        id,
        task.status(),
        stats == null ? null : stats.fullLoadProgressPercent(),
        stats == null ? null : stats.tablesLoaded(),
        stats == null ? null : stats.tablesErrored(),
        failure);
  }
}
