package io.github.dmsfleet.ops.replication;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The units of a fleet whose servers run on replication instances or on DMS Serverless: each
 * identifier is asked of its kind's adapter, so one run (one poller, one pace, one report) covers
 * both. A fleet of one kind makes only that kind's calls.
 */
public final class FleetUnits implements ReplicationUnits {
  private final Map<ReplicationUnit.Kind, ReplicationUnits> adapters;
  private final Function<String, ReplicationUnit.Kind> kindOf;

  /**
   * @param adapters the adapter of each kind
   * @param kindOf the kind of an identifier, as the config says
   */
  public FleetUnits(
      Map<ReplicationUnit.Kind, ReplicationUnits> adapters,
      Function<String, ReplicationUnit.Kind> kindOf) {
    this.adapters = new EnumMap<>(adapters);
    this.kindOf = kindOf;
  }

  /** What the fleet's commands call every unit. */
  @Override
  public String noun() {
    return ReplicationUnit.Kind.TASK.noun();
  }

  @Override
  public Map<String, ReplicationUnit> describe(
      Collection<String> identifiers, boolean withSettings) {
    Map<ReplicationUnit.Kind, List<String>> byKind = new EnumMap<>(ReplicationUnit.Kind.class);
    identifiers.forEach(
        id -> byKind.computeIfAbsent(kindOf.apply(id), k -> new ArrayList<>()).add(id));
    Map<String, ReplicationUnit> found = new LinkedHashMap<>();
    byKind.forEach((kind, ids) -> found.putAll(adapters.get(kind).describe(ids, withSettings)));
    return found;
  }

  @Override
  public ReplicationUnit start(ReplicationUnit unit, StartType type) {
    return of(unit).start(unit, type);
  }

  @Override
  public ReplicationUnit stop(ReplicationUnit unit) {
    return of(unit).stop(unit);
  }

  @Override
  public ReplicationUnit enableLogging(ReplicationUnit unit) {
    return of(unit).enableLogging(unit);
  }

  @Override
  public List<TableStatus> tables(ReplicationUnit unit, TableQuery query) {
    return of(unit).tables(unit, query);
  }

  @Override
  public void reloadTables(ReplicationUnit unit, List<TableName> tables, ReloadOption option) {
    of(unit).reloadTables(unit, tables, option);
  }

  private ReplicationUnits of(ReplicationUnit unit) {
    return adapters.get(unit.kind());
  }
}
