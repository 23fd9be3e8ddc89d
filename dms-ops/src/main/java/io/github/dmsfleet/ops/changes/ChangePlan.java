package io.github.dmsfleet.ops.changes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What applying a change set to the fleet's stacks would do: per stack, its change set and the
 * replication units it touches. Built by {@link ChangePlanner} without changing anything.
 */
public record ChangePlan(String changeSet, List<StackPlan> stacks) {
  public ChangePlan {
    stacks = List.copyOf(stacks);
  }

  /** Whether any stack has the change set, in any state. */
  public boolean found() {
    return stacks.stream().anyMatch(s -> s.changeSet().state().exists());
  }

  /** Every touched unit once, in stack order; a unit touched by two stacks is listed first. */
  public List<UnitPlan> units() {
    Map<String, UnitPlan> units = new LinkedHashMap<>();
    stacks.forEach(s -> s.units().forEach(u -> units.putIfAbsent(u.unit().arn(), u)));
    return List.copyOf(units.values());
  }

  /** The units whose data the deploy loads again: they need consent. */
  public List<String> reloading() {
    return units().stream()
        .filter(u -> u.action() == UnitPlan.Action.REPLACE)
        .map(UnitPlan::identifier)
        .toList();
  }

  /**
   * What stops apply before anything is sent, one line each: change sets CloudFormation could not
   * create or will not execute, replacements CloudFormation refuses, replications no adapter can
   * stop, and replications that could not be resumed once stopped.
   */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    for (StackPlan stack : stacks) {
      StackChangeSet changeSet = stack.changeSet();
      if (changeSet.state().blocks()) {
        problems.add(
            stack.name() + ": change set " + changeSet.state().words() + ": " + changeSet.reason());
      }
      if (changeSet.state() != ChangeSetState.READY) {
        continue;
      }
      for (DmsChange change : changeSet.dmsChanges()) {
        if (change.effect() == DmsChange.Effect.REPLACED && change.replacesACustomName()) {
          problems.add(
              stack.name()
                  + ": "
                  + change.kind().noun()
                  + " "
                  + change.logicalId()
                  + " would be replaced under the same "
                  + change.kind().nameProperty()
                  + ", which CloudFormation refuses for a resource with a custom name; give it a"
                  + " new name in the same deploy");
        }
      }
      for (DmsChange change : stack.unanswered()) {
        if (change.stopsReplication()) {
          problems.add(
              stack.name()
                  + ": "
                  + change.describe(change.kind().noun() + " " + change.logicalId())
                  + ", and no server of the config runs serverless, so dms-ops does not look for"
                  + " what runs there; stop it, apply, and start it yourself");
        }
      }
      for (UnitPlan unit : stack.units()) {
        if (unit.action() == UnitPlan.Action.STOP_AND_RESUME && !unit.unit().resumable()) {
          problems.add(
              stack.name()
                  + ": "
                  + unit.identifier()
                  + " is a running full-load serverless replication, which DMS cannot resume"
                  + " once stopped (resume-processing does not apply to it); apply once its full"
                  + " load has finished");
        }
      }
    }
    return problems;
  }
}
