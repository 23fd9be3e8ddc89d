package io.github.dmsfleet.ops.changes;

import java.util.List;

/**
 * One stack's change set of the name asked for, as CloudFormation describes it.
 *
 * @param reason CloudFormation's status reason, or why the state is what it is; null when none
 * @param stackStatus the stack's status; null when there is no stack
 * @param createsStack whether executing it creates the stack ({@code REVIEW_IN_PROGRESS})
 * @param changeCount every resource change, DMS or not
 * @param dmsChanges the changes to existing DMS resources
 */
public record StackChangeSet(
    FleetStack stack,
    ChangeSetState state,
    String reason,
    String stackStatus,
    boolean createsStack,
    int changeCount,
    List<DmsChange> dmsChanges) {
  public StackChangeSet {
    dmsChanges = List.copyOf(dmsChanges);
  }

  public String name() {
    return stack.name();
  }
}
