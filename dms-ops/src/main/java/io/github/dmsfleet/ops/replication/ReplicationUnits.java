package io.github.dmsfleet.ops.replication;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The units of one kind that DMS can describe, start and stop: replication tasks ({@link
 * TaskUnits}), or serverless replications. Everything else (decisions, consent, waiting, pacing,
 * output) is shared in {@link ReplicationControl}.
 *
 * <p>Every method may throw the SDK's exceptions; {@code InvalidResourceStateException} (DMS's
 * {@code InvalidResourceStateFault}) means the unit changed under the call, and is retried by
 * looking at the unit again.
 */
public interface ReplicationUnits {
  /** What the user calls one unit: {@code task} or {@code replication}. */
  String noun();

  /**
   * The units of these identifiers; identifiers DMS does not know are absent. Batched: one
   * filtered, paginated describe per 100 identifiers.
   *
   * @param withSettings whether to read each unit's settings (for {@code loggingEnabled})
   */
  Map<String, ReplicationUnit> describe(Collection<String> identifiers, boolean withSettings);

  /** Starts the unit; {@code type} is never {@link StartType#AUTO}. Returns its state after. */
  ReplicationUnit start(ReplicationUnit unit, StartType type);

  /** Asks the unit to stop. Returns its state after. */
  ReplicationUnit stop(ReplicationUnit unit);

  /**
   * Turns CloudWatch logging on in the unit's settings (it must be idle), leaving every other
   * setting as it is. Returns its state after.
   */
  ReplicationUnit enableLogging(ReplicationUnit unit);

  /** Its tables as DMS reports them, every page, narrowed by DMS's filters. */
  List<TableStatus> tables(ReplicationUnit unit, TableQuery query);

  /** Reloads (or revalidates) these tables of a running unit. */
  void reloadTables(ReplicationUnit unit, List<TableName> tables, ReloadOption option);
}
