package io.github.dmsfleet.ops.changes;

import java.util.List;

/**
 * One stack's part of a plan: its change set and the units it touches.
 *
 * @param unanswered changes to replications no {@link UnitFinder} of the run knows (serverless
 *     replication configs, when the config has no serverless server): apply cannot stop what they
 *     touch
 */
public record StackPlan(
    StackChangeSet changeSet, List<UnitPlan> units, List<DmsChange> unanswered) {
  public StackPlan {
    units = List.copyOf(units);
    unanswered = List.copyOf(unanswered);
  }

  public FleetStack stack() {
    return changeSet.stack();
  }

  public String name() {
    return changeSet.name();
  }

  /** The stack's state in words, such as {@code 4 changes} or {@code no such change set}. */
  public String summary() {
    StackChangeSet c = changeSet;
    String summary =
        switch (c.state()) {
          case READY ->
              (c.createsStack() ? "creates the stack: " : "")
                  + c.changeCount()
                  + (c.changeCount() == 1 ? " change" : " changes");
          case EXECUTING, EXECUTED, EXECUTE_FAILED ->
              c.state().words() + " (" + c.stackStatus() + ")";
          default -> c.state().words();
        };
    return c.reason() == null || c.state() == ChangeSetState.NO_CHANGES
        ? summary
        : summary + ": " + c.reason();
  }
}
