package io.github.dmsfleet.ops.internal.tasks;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.DescribeReplicationTasksRequest;
import software.amazon.awssdk.services.databasemigration.model.Filter;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;
import software.amazon.awssdk.services.databasemigration.model.ResourceNotFoundException;

/**
 * Finds tasks by identifier with as few calls as the API allows: one filtered, paginated describe
 * per batch.
 */
public final class TaskLookup {
  /** Identifiers per filter, and records per page (DMS's maximum). */
  static final int BATCH = 100;

  private final DatabaseMigrationClient dms;

  public TaskLookup(DatabaseMigrationClient dms) {
    this.dms = dms;
  }

  /**
   * The tasks found, by identifier; identifiers with no task are absent.
   *
   * @param withSettings whether to fetch each task's settings JSON (large; only needed to modify)
   */
  public Map<String, ReplicationTask> find(Collection<String> identifiers, boolean withSettings) {
    List<String> wanted = List.copyOf(identifiers);
    Map<String, ReplicationTask> found = new LinkedHashMap<>();
    for (int from = 0; from < wanted.size(); from += BATCH) {
      List<String> batch = wanted.subList(from, Math.min(wanted.size(), from + BATCH));
      DescribeReplicationTasksRequest request =
          DescribeReplicationTasksRequest.builder()
              .filters(Filter.builder().name("replication-task-id").values(batch).build())
              .maxRecords(BATCH)
              .withoutSettings(!withSettings)
              .build();
      try {
        // DMS's paginators page by Marker but name no result key, so the pages are flattened here.
        dms.describeReplicationTasksPaginator(request).stream()
            .flatMap(page -> page.replicationTasks().stream())
            .forEach(task -> found.put(task.replicationTaskIdentifier(), task));
      } catch (ResourceNotFoundException e) {
        // DMS answers a filter that matches nothing with this fault rather than an empty list.
      }
    }
    return found;
  }

  /** The task of that identifier, looked up again; throws when it no longer exists. */
  ReplicationTask findOne(String identifier, boolean withSettings) {
    ReplicationTask task = find(List.of(identifier), withSettings).get(identifier);
    if (task == null) {
      throw new TaskWatcher.TaskGoneException(identifier);
    }
    return task;
  }
}
