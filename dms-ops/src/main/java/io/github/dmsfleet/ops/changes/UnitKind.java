package io.github.dmsfleet.ops.changes;

import io.github.dmsfleet.ops.replication.ReplicationControl;

/**
 * One kind of replication unit a change set can touch: how to find its units by the resources they
 * use, and how to stop and start them.
 */
public record UnitKind(UnitFinder finder, ReplicationControl control) {
  /** {@code task} or {@code replication}. */
  public String noun() {
    return control.noun();
  }
}
