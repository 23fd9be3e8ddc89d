package io.github.dmsfleet.ops.replication;

import io.github.dmsfleet.ops.internal.Batch;
import io.github.dmsfleet.ops.internal.tasks.TaskSettings;
import io.github.dmsfleet.rules.MigrationType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.DescribeReplicationTasksRequest;
import software.amazon.awssdk.services.databasemigration.model.DescribeTableStatisticsRequest;
import software.amazon.awssdk.services.databasemigration.model.Filter;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTaskStats;
import software.amazon.awssdk.services.databasemigration.model.ResourceNotFoundException;
import software.amazon.awssdk.services.databasemigration.model.TableStatistics;
import software.amazon.awssdk.services.databasemigration.model.TableToReload;

/**
 * Replication tasks, through {@code DescribeReplicationTasks}, {@code StartReplicationTask} and the
 * rest.
 */
public final class TaskUnits implements ReplicationUnits {
  /** Identifiers per filter, and records per page (DMS's maximum for tasks). */
  static final int BATCH = 100;

  /** Table statistics per page (DMS's maximum). */
  static final int TABLES_PAGE = 500;

  private final DatabaseMigrationClient dms;

  private TaskUnits(DatabaseMigrationClient dms) {
    this.dms = dms;
  }

  public static TaskUnits of(DatabaseMigrationClient dms) {
    return new TaskUnits(dms);
  }

  @Override
  public String noun() {
    return "task";
  }

  @Override
  public Map<String, ReplicationUnit> describe(
      Collection<String> identifiers, boolean withSettings) {
    Map<String, ReplicationUnit> found = new LinkedHashMap<>();
    for (List<String> batch : Batch.chunks(identifiers, BATCH)) {
      tasks(Filter.builder().name("replication-task-id").values(batch).build(), withSettings)
          .forEach(task -> found.put(task.replicationTaskIdentifier(), unit(task, withSettings)));
    }
    return found;
  }

  /**
   * Every task the filter matches (null: all of them), every page, with their settings or without.
   */
  public List<ReplicationTask> tasks(Filter filter, boolean withSettings) {
    DescribeReplicationTasksRequest.Builder request =
        DescribeReplicationTasksRequest.builder().maxRecords(BATCH).withoutSettings(!withSettings);
    if (filter != null) {
      request.filters(filter);
    }
    try {
      // DMS's paginators page by Marker but name no result key, so the pages are flattened here.
      return dms.describeReplicationTasksPaginator(request.build()).stream()
          .flatMap(page -> page.replicationTasks().stream())
          .toList();
    } catch (ResourceNotFoundException e) {
      // DMS answers a filter that matches nothing with this fault rather than an empty list.
      return List.of();
    }
  }

  @Override
  public ReplicationUnit start(ReplicationUnit unit, StartType type) {
    return unit(
        dms.startReplicationTask(
                r -> r.replicationTaskArn(unit.arn()).startReplicationTaskType(type.value()))
            .replicationTask(),
        false);
  }

  @Override
  public ReplicationUnit stop(ReplicationUnit unit) {
    return unit(
        dms.stopReplicationTask(r -> r.replicationTaskArn(unit.arn())).replicationTask(), false);
  }

  @Override
  public ReplicationUnit enableLogging(ReplicationUnit unit) {
    // The settings are read just before the modify, so that nothing set meanwhile is lost.
    ReplicationTask current =
        dms.describeReplicationTasks(
                r ->
                    r.filters(
                        Filter.builder().name("replication-task-arn").values(unit.arn()).build()))
            .replicationTasks()
            .get(0);
    String settings = TaskSettings.withLoggingEnabled(current.replicationTaskSettings());
    return unit(
        dms.modifyReplicationTask(
                r -> r.replicationTaskArn(unit.arn()).replicationTaskSettings(settings))
            .replicationTask(),
        false);
  }

  @Override
  public List<TableStatus> tables(ReplicationUnit unit, TableQuery query) {
    DescribeTableStatisticsRequest.Builder request =
        DescribeTableStatisticsRequest.builder()
            .replicationTaskArn(unit.arn())
            .maxRecords(TABLES_PAGE);
    List<Filter> filters = new ArrayList<>();
    if (!query.states().isEmpty()) {
      filters.add(Filter.builder().name("table-state").values(query.states()).build());
    }
    if (!query.tables().isEmpty()) {
      filters.add(
          Filter.builder()
              .name("schema-name")
              .values(query.tables().stream().map(TableName::schema).distinct().toList())
              .build());
      filters.add(
          Filter.builder()
              .name("table-name")
              .values(query.tables().stream().map(TableName::table).distinct().toList())
              .build());
    }
    if (!filters.isEmpty()) {
      request.filters(filters);
    }
    try {
      return dms.describeTableStatisticsPaginator(request.build()).stream()
          .flatMap(page -> page.tableStatistics().stream())
          .map(t -> table(unit.identifier(), t))
          .filter(t -> query.wants(t.name()))
          .toList();
    } catch (ResourceNotFoundException e) {
      return List.of();
    }
  }

  @Override
  public void reloadTables(ReplicationUnit unit, List<TableName> tables, ReloadOption option) {
    dms.reloadTables(
        r ->
            r.replicationTaskArn(unit.arn())
                .reloadOption(option.value())
                .tablesToReload(toReload(tables)));
  }

  /** The tables as DMS's reload calls take them. */
  static List<TableToReload> toReload(List<TableName> tables) {
    return tables.stream()
        .map(t -> TableToReload.builder().schemaName(t.schema()).tableName(t.table()).build())
        .toList();
  }

  /** The unit DMS describes; {@code withSettings}: whether the task's settings were read. */
  public static ReplicationUnit unit(ReplicationTask task, boolean withSettings) {
    ReplicationTaskStats stats = task.replicationTaskStats();
    return new ReplicationUnit(
        task.replicationTaskIdentifier(),
        task.replicationTaskArn(),
        ReplicationUnit.Kind.TASK,
        task.status(),
        lifecycle(task.status()),
        migrationType(task.migrationTypeAsString()),
        ReplicationUnit.stopReasonToken(task.stopReason()),
        stats == null ? null : stats.freshStartDate(),
        stats == null ? null : stats.startDate(),
        stats == null ? null : stats.stopDate(),
        stats == null
            ? ReplicationUnit.Progress.NONE
            : new ReplicationUnit.Progress(
                stats.fullLoadProgressPercent(),
                stats.tablesLoaded(),
                stats.tablesLoading(),
                stats.tablesQueued(),
                stats.tablesErrored()),
        blankToNull(task.lastFailureMessage()),
        blankToNull(task.recoveryCheckpoint()),
        withSettings ? TaskSettings.loggingEnabled(task.replicationTaskSettings()) : null,
        null);
  }

  /** DMS's documented task statuses; anything else is treated as one nothing can start. */
  static Lifecycle lifecycle(String status) {
    return switch (status == null ? "" : status) {
      case "ready" -> Lifecycle.READY;
      case "starting" -> Lifecycle.STARTING;
      case "running" -> Lifecycle.RUNNING;
      case "stopping" -> Lifecycle.STOPPING;
      case "stopped" -> Lifecycle.STOPPED;
      case "failed" -> Lifecycle.FAILED;
      case "creating", "modifying", "testing", "moving" -> Lifecycle.CHANGING;
      default -> Lifecycle.UNAVAILABLE;
    };
  }

  static MigrationType migrationType(String value) {
    return Arrays.stream(MigrationType.values())
        .filter(t -> t.value().equals(value))
        .findFirst()
        .orElse(null);
  }

  static TableStatus table(String unit, TableStatistics t) {
    Instant lastUpdate = t.lastUpdateTime();
    return new TableStatus(
        unit,
        new TableName(t.schemaName(), t.tableName()),
        t.tableState(),
        t.fullLoadRows(),
        t.inserts(),
        t.updates(),
        t.deletes(),
        t.ddls(),
        t.validationState(),
        lastUpdate);
  }

  static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
