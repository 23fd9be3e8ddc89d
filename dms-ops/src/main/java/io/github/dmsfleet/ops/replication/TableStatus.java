package io.github.dmsfleet.ops.replication;

import java.time.Instant;

/**
 * One table of one unit, as DMS's table statistics report it.
 *
 * @param unit the unit's identifier
 * @param state such as {@code Table completed} or {@code Table error}
 * @param lastUpdate when DMS last updated these statistics (not the table)
 */
public record TableStatus(
    String unit,
    TableName name,
    String state,
    Long fullLoadRows,
    Long inserts,
    Long updates,
    Long deletes,
    Long ddls,
    String validationState,
    Instant lastUpdate) {

  /** The state DMS gives a table that failed. */
  public static final String ERROR = "Table error";
}
