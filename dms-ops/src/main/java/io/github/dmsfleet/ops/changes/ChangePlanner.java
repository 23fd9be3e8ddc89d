package io.github.dmsfleet.ops.changes;

import io.github.dmsfleet.ops.internal.Batch;
import io.github.dmsfleet.ops.internal.aws.Errors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans a change set: reads each stack's change set, finds the replication units its DMS changes
 * touch (through each kind's {@link UnitFinder}), and reads which of them an earlier apply marked.
 * Sends nothing that changes state.
 */
public final class ChangePlanner {
  /** Stacks read at once. */
  static final int READERS = 8;

  private final Stacks stacks;
  private final List<UnitKind> kinds;
  private final StopMarks marks;

  public ChangePlanner(Stacks stacks, List<UnitKind> kinds, StopMarks marks) {
    this.stacks = stacks;
    this.kinds = List.copyOf(kinds);
    this.marks = marks;
  }

  public ChangePlan plan(List<FleetStack> fleetStacks, String changeSet) {
    List<StackChangeSet> changeSets =
        Batch.map(
            fleetStacks,
            READERS,
            stack -> Errors.failingTheRun(() -> stacks.read(stack, changeSet)));
    List<DmsChange> changes =
        changeSets.stream()
            .flatMap(c -> c.dmsChanges().stream())
            .filter(DmsChange::touchesReplication)
            .toList();
    Map<String, String> kindOf = new LinkedHashMap<>();
    List<Wired> found = new ArrayList<>();
    for (UnitKind kind : kinds) {
      Map<ResourceKind, Set<String>> arns = new EnumMap<>(ResourceKind.class);
      changes.stream()
          .filter(c -> kind.finder().answersFor().contains(c.kind()))
          .forEach(
              c -> arns.computeIfAbsent(c.kind(), k -> new LinkedHashSet<>()).add(c.physicalId()));
      if (arns.isEmpty()) {
        continue;
      }
      for (Wired wired : Errors.failingTheRun(() -> kind.finder().using(arns))) {
        if (kindOf.putIfAbsent(wired.unit().arn(), kind.noun()) == null) {
          found.add(wired);
        }
      }
    }
    Set<String> marked =
        found.isEmpty()
            ? new HashSet<>()
            : Errors.failingTheRun(
                () -> marks.marked(found.stream().map(w -> w.unit().arn()).toList()));
    Set<ResourceKind> answered = new HashSet<>();
    kinds.forEach(k -> answered.addAll(k.finder().answersFor()));
    List<StackPlan> plans = new ArrayList<>();
    for (StackChangeSet stack : changeSets) {
      List<UnitPlan> units = new ArrayList<>();
      for (Wired wired : found) {
        List<Touch> touches = new ArrayList<>();
        for (DmsChange change : stack.dmsChanges()) {
          String role = change.touchesReplication() ? wired.roleOf(change) : null;
          if (role != null) {
            touches.add(new Touch(change, role));
          }
        }
        if (!touches.isEmpty()) {
          units.add(
              new UnitPlan(
                  kindOf.get(wired.unit().arn()),
                  wired,
                  touches,
                  marked.contains(wired.unit().arn()),
                  stack.state() == ChangeSetState.READY));
        }
      }
      units.sort(Comparator.comparing(UnitPlan::identifier));
      List<DmsChange> unanswered =
          stack.dmsChanges().stream()
              .filter(c -> c.touchesReplication() && !answered.contains(c.kind()))
              .toList();
      plans.add(new StackPlan(stack, units, unanswered));
    }
    return new ChangePlan(changeSet, plans);
  }
}
