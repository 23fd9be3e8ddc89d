package io.github.dmsfleet.ops.changes;

/**
 * One of the fleet's stacks, by the names the CDK app gives them.
 *
 * @param server the source server the stack holds; null for a shared stack
 */
public record FleetStack(String name, String server) {
  public boolean shared() {
    return server == null;
  }
}
