package io.github.dmsfleet.ops.replication;

import java.util.List;

/**
 * Which tables to report: DMS's {@code table-state} filter, and the tables by name (empty lists
 * mean all).
 *
 * @param states table states such as {@code Table error}
 */
public record TableQuery(List<String> states, List<TableName> tables) {
  public TableQuery {
    states = List.copyOf(states);
    tables = List.copyOf(tables);
  }

  /** Whether a table in this state is one asked for. */
  public boolean wantsState(String state) {
    return states.isEmpty() || states.contains(state);
  }

  /** Whether the table is one asked for (DMS's name filters cannot pair a schema with a table). */
  public boolean wants(TableName name) {
    return tables.isEmpty()
        || tables.stream()
            .anyMatch(
                t ->
                    t.schema().equalsIgnoreCase(name.schema())
                        && t.table().equalsIgnoreCase(name.table()));
  }
}
