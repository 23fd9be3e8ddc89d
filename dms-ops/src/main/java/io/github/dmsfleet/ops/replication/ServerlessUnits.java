package io.github.dmsfleet.ops.replication;

import io.github.dmsfleet.ops.internal.Batch;
import io.github.dmsfleet.ops.internal.tasks.TaskSettings;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.DescribeReplicationConfigsRequest;
import software.amazon.awssdk.services.databasemigration.model.DescribeReplicationsRequest;
import software.amazon.awssdk.services.databasemigration.model.Filter;
import software.amazon.awssdk.services.databasemigration.model.ProvisionData;
import software.amazon.awssdk.services.databasemigration.model.Replication;
import software.amazon.awssdk.services.databasemigration.model.ReplicationConfig;
import software.amazon.awssdk.services.databasemigration.model.ReplicationStats;
import software.amazon.awssdk.services.databasemigration.model.ResourceNotFoundException;

/**
 * DMS Serverless replications, one per replication config, through {@code DescribeReplications},
 * {@code StartReplication}, {@code StopReplication}, {@code DescribeReplicationTableStatistics} and
 * {@code ReloadReplicationTables}. A unit's identifier is its replication config's identifier and
 * its ARN the config's ARN, which every one of these calls takes.
 */
public final class ServerlessUnits implements ReplicationUnits {
  /** Identifiers per filter (the same batch as for tasks; DMS documents no limit). */
  static final int BATCH = 100;

  private final DatabaseMigrationClient dms;

  private ServerlessUnits(DatabaseMigrationClient dms) {
    this.dms = dms;
  }

  public static ServerlessUnits of(DatabaseMigrationClient dms) {
    return new ServerlessUnits(dms);
  }

  @Override
  public String noun() {
    return ReplicationUnit.Kind.SERVERLESS.noun();
  }

  @Override
  public Map<String, ReplicationUnit> describe(
      Collection<String> identifiers, boolean withSettings) {
    Map<String, ReplicationUnit> found = new LinkedHashMap<>();
    for (List<String> batch : Batch.chunks(identifiers, BATCH)) {
      Filter filter = Filter.builder().name("replication-config-id").values(batch).build();
      Map<String, String> settings = withSettings ? settings(filter) : Map.of();
      replications(filter, r -> found.put(r.replicationConfigIdentifier(), unit(r, settings)));
    }
    return found;
  }

  /**
   * Every replication the filter matches (null: all of them), every page. DMS's paginators page by
   * Marker but name no result key, so the pages are flattened here.
   */
  public void replications(Filter filter, Consumer<Replication> each) {
    DescribeReplicationsRequest.Builder request = DescribeReplicationsRequest.builder();
    if (filter != null) {
      request.filters(filter);
    }
    try {
      dms.describeReplicationsPaginator(request.build()).stream()
          .flatMap(page -> page.replications().stream())
          .forEach(each);
    } catch (ResourceNotFoundException e) {
      // As for tasks, DMS may answer a filter that matches nothing with this fault.
    }
  }

  /** The settings of the configs the filter matches, by identifier. */
  private Map<String, String> settings(Filter filter) {
    Map<String, String> settings = new LinkedHashMap<>();
    try {
      dms
          .describeReplicationConfigsPaginator(
              DescribeReplicationConfigsRequest.builder().filters(filter).build())
          .stream()
          .flatMap(page -> page.replicationConfigs().stream())
          .forEach(c -> settings.put(c.replicationConfigIdentifier(), c.replicationSettings()));
    } catch (ResourceNotFoundException e) {
      // none of them exists
    }
    return settings;
  }

  @Override
  public ReplicationUnit start(ReplicationUnit unit, StartType type) {
    return unit(
        dms.startReplication(
                r -> r.replicationConfigArn(unit.arn()).startReplicationType(type.value()))
            .replication(),
        Map.of());
  }

  @Override
  public ReplicationUnit stop(ReplicationUnit unit) {
    return unit(
        dms.stopReplication(r -> r.replicationConfigArn(unit.arn())).replication(), Map.of());
  }

  /**
   * ModifyReplicationConfig with the config's settings, logging on; DMS then reports the
   * replication {@code modifying} until it is done.
   */
  @Override
  public ReplicationUnit enableLogging(ReplicationUnit unit) {
    // The settings are read just before the modify, so that nothing set meanwhile is lost.
    ReplicationConfig current =
        dms.describeReplicationConfigs(
                r ->
                    r.filters(
                        Filter.builder().name("replication-config-arn").values(unit.arn()).build()))
            .replicationConfigs()
            .get(0);
    String settings = TaskSettings.withLoggingEnabled(current.replicationSettings());
    dms.modifyReplicationConfig(
        r -> r.replicationConfigArn(unit.arn()).replicationSettings(settings));
    return describe(List.of(unit.identifier()), false).getOrDefault(unit.identifier(), unit);
  }

  /**
   * Every page of the replication's table statistics, narrowed here: the API reference names no
   * filter for DescribeReplicationTableStatistics, so none is sent.
   */
  @Override
  public List<TableStatus> tables(ReplicationUnit unit, TableQuery query) {
    try {
      return dms
          .describeReplicationTableStatisticsPaginator(r -> r.replicationConfigArn(unit.arn()))
          .stream()
          .flatMap(page -> page.replicationTableStatistics().stream())
          .map(t -> TaskUnits.table(unit.identifier(), t))
          .filter(t -> query.wants(t.name()) && query.wantsState(t.state()))
          .toList();
    } catch (ResourceNotFoundException e) {
      return List.of();
    }
  }

  @Override
  public void reloadTables(ReplicationUnit unit, List<TableName> tables, ReloadOption option) {
    dms.reloadReplicationTables(
        r ->
            r.replicationConfigArn(unit.arn())
                .reloadOption(option.value())
                .tablesToReload(TaskUnits.toReload(tables)));
  }

  /**
   * The unit DMS describes.
   *
   * @param settings replication settings by config identifier; a config absent here was not read
   */
  public static ReplicationUnit unit(Replication replication, Map<String, String> settings) {
    ReplicationStats stats = replication.replicationStats();
    String setting = settings.get(replication.replicationConfigIdentifier());
    return new ReplicationUnit(
        replication.replicationConfigIdentifier(),
        replication.replicationConfigArn(),
        ReplicationUnit.Kind.SERVERLESS,
        replication.status(),
        lifecycle(replication.status()),
        TaskUnits.migrationType(replication.replicationTypeAsString()),
        ReplicationUnit.stopReasonToken(replication.stopReason()),
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
        replication.hasFailureMessages() && !replication.failureMessages().isEmpty()
            ? TaskUnits.blankToNull(String.join("; ", replication.failureMessages()))
            : null,
        TaskUnits.blankToNull(replication.recoveryCheckpoint()),
        settings.containsKey(replication.replicationConfigIdentifier())
            ? TaskSettings.loggingEnabled(setting)
            : null,
        provisioning(replication.provisionData()));
  }

  /**
   * A serverless replication's status as decisions read it. The API reference documents the field
   * but not its values; these are the values DMS returns (terraform-provider-aws waits on them, and
   * LocalStack's tests recorded them against AWS): {@code created} before the first start, then
   * through {@code initializing}, {@code preparing_metadata_resources}, {@code testing_connection},
   * {@code fetching_metadata}, {@code calculating_capacity}, {@code provisioning_capacity} and
   * {@code replication_starting} to {@code running}; {@code stopping}, {@code stopped}, {@code
   * failed}; {@code modifying} after ModifyReplicationConfig; {@code deleting}. The user guide
   * writes them in capitals and adds {@code FAILED_PROVISION}. Anything else is refused, as for
   * tasks.
   */
  static Lifecycle lifecycle(String status) {
    return switch (status == null ? "" : status.toLowerCase(Locale.ROOT)) {
      case "created", "ready" -> Lifecycle.READY;
      case "initializing",
          "preparing_metadata_resources",
          "testing_connection",
          "fetching_metadata",
          "calculating_capacity",
          "provisioning_capacity",
          "replication_starting",
          "starting" ->
          Lifecycle.STARTING;
      case "running" -> Lifecycle.RUNNING;
      case "stopping" -> Lifecycle.STOPPING;
      case "stopped" -> Lifecycle.STOPPED;
      case "failed", "failed_provision" -> Lifecycle.FAILED;
      case "modifying", "creating" -> Lifecycle.CHANGING;
      default -> Lifecycle.UNAVAILABLE;
    };
  }

  /** {@code provisioned, 4 DCU}; null when DMS reports no provisioning at all. */
  static String provisioning(ProvisionData data) {
    if (data == null || data.provisionState() == null) {
      return null;
    }
    Integer units = data.provisionedCapacityUnits();
    return data.provisionState() + (units == null || units == 0 ? "" : ", " + units + " DCU");
  }
}
