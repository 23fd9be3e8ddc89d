package io.github.dmsfleet.ops.changes;

/**
 * One change as one replication unit sees it.
 *
 * @param role what the changed resource is to the unit: {@code task}, {@code source endpoint},
 *     {@code instance}, ...
 */
public record Touch(DmsChange change, String role) {
  /** {@code task modified: TableMappings}. */
  @Override
  public String toString() {
    return change.describe(role);
  }
}
