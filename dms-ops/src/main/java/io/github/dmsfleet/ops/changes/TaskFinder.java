package io.github.dmsfleet.ops.changes;

import io.github.dmsfleet.ops.internal.Batch;
import io.github.dmsfleet.ops.replication.TaskUnits;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.databasemigration.model.Filter;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;

/**
 * Replication tasks by the resources they use, with DescribeReplicationTasks's filters ({@code
 * replication-task-arn}, {@code endpoint-arn}, which matches the source or the target endpoint, and
 * {@code replication-instance-arn}): one paginated describe per filter and 100 ARNs.
 */
public final class TaskFinder implements UnitFinder {
  /** Values per filter, and records per page (DMS's maximum for tasks). */
  static final int BATCH = 100;

  private static final Map<ResourceKind, String> FILTERS =
      new EnumMap<>(
          Map.of(
              ResourceKind.TASK, "replication-task-arn",
              ResourceKind.ENDPOINT, "endpoint-arn",
              ResourceKind.INSTANCE, "replication-instance-arn"));

  private final TaskUnits units;

  public TaskFinder(TaskUnits units) {
    this.units = units;
  }

  @Override
  public Set<ResourceKind> answersFor() {
    return FILTERS.keySet();
  }

  @Override
  public List<Wired> using(Map<ResourceKind, Set<String>> arns) {
    Map<String, Wired> found = new LinkedHashMap<>();
    FILTERS.forEach(
        (kind, filter) -> {
          for (List<String> batch : Batch.chunks(arns.getOrDefault(kind, Set.of()), BATCH)) {
            describe(Filter.builder().name(filter).values(batch).build())
                .forEach(task -> found.put(task.replicationTaskArn(), wired(task)));
          }
        });
    return List.copyOf(found.values());
  }

  @Override
  public List<Wired> all() {
    return describe(null).stream().map(TaskFinder::wired).toList();
  }

  private List<ReplicationTask> describe(Filter filter) {
    return units.tasks(filter, false);
  }

  private static Wired wired(ReplicationTask task) {
    return new Wired(
        TaskUnits.unit(task, false),
        task.replicationInstanceArn(),
        task.sourceEndpointArn(),
        task.targetEndpointArn());
  }
}
