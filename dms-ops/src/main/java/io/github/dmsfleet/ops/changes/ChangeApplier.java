package io.github.dmsfleet.ops.changes;

import io.github.dmsfleet.ops.internal.Batch;
import io.github.dmsfleet.ops.internal.Console;
import io.github.dmsfleet.ops.internal.aws.Errors;
import io.github.dmsfleet.ops.internal.aws.RunFailure;
import io.github.dmsfleet.ops.replication.Ledger;
import io.github.dmsfleet.ops.replication.ReplicationControl;
import io.github.dmsfleet.ops.replication.ReplicationControl.StartOptions;
import io.github.dmsfleet.ops.replication.ReplicationControl.StopOptions;
import io.github.dmsfleet.ops.replication.Result;
import io.github.dmsfleet.ops.replication.StartType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Applies a planned change set: marks and stops exactly the running units its changes need stopped,
 * waits until they have stopped, executes the change sets (shared stacks one by one first, then the
 * server stacks up to {@code concurrency} at once), waits for each update, and resumes the units a
 * stack stopped as soon as every stack that touches them has finished, with the start type the
 * start decision table gives (a rolled-back update leaves them with their old settings, and they
 * are resumed all the same). The marks come off as the units run again, so a rerun after Ctrl-C or
 * a crash finishes the job.
 */
public final class ChangeApplier {
  /**
   * How an apply goes.
   *
   * @param concurrency stacks updated at once
   * @param timeout how long the whole apply may wait for CloudFormation and DMS
   */
  public record Options(int concurrency, Duration timeout) {}

  private final Stacks stacks;
  private final Map<String, UnitKind> kinds = new LinkedHashMap<>();
  private final StopMarks marks;
  private final Resumer resumer;
  private final Console console;
  private final Options options;

  public ChangeApplier(
      Stacks stacks,
      List<UnitKind> kinds,
      StopMarks marks,
      Resumer resumer,
      Console console,
      Options options) {
    this.stacks = stacks;
    kinds.forEach(k -> this.kinds.put(k.noun(), k));
    this.marks = marks;
    this.resumer = resumer;
    this.console = console;
    this.options = options;
  }

  /**
   * The items a run acts on, for its {@link Ledger}: the stacks it updates, the units it stops or
   * resumes.
   */
  public static List<String> items(ChangePlan plan) {
    List<String> items = new ArrayList<>();
    plan.stacks().stream().filter(ChangeApplier::updating).forEach(s -> items.add(s.name()));
    plan.units().stream()
        .filter(u -> u.toStop() || u.marked())
        .forEach(u -> items.add(u.identifier()));
    return items;
  }

  /** One result per stack, each followed by the units it touches. */
  public List<Result> apply(ChangePlan plan, Ledger ledger) {
    return new Run(plan, ledger).go();
  }

  private static boolean updating(StackPlan stack) {
    return switch (stack.changeSet().state()) {
      case READY, EXECUTING, EXECUTED, EXECUTE_FAILED -> true;
      default -> false;
    };
  }

  /** What happened to one unit, step by step. */
  private static final class UnitRun {
    final UnitPlan plan;
    final List<String> steps = new ArrayList<>();
    boolean acted;
    boolean failed;
    boolean stopped;

    UnitRun(UnitPlan plan) {
      this.plan = plan;
    }

    synchronized void step(Result result) {
      steps.add(result.detail());
      acted |= result.result() == Result.Outcome.OK;
      failed |= result.failed();
    }

    synchronized Result result() {
      String id = plan.identifier();
      if (steps.isEmpty()) {
        return Result.skipped(id, plan.detail());
      }
      String detail = String.join("; ", steps);
      return failed
          ? Result.failed(id, detail)
          : acted ? Result.ok(id, detail) : Result.skipped(id, detail);
    }
  }

  private final class Run {
    final ChangePlan plan;
    final Ledger ledger;
    final Instant deadline;
    final Map<String, UnitRun> units = new LinkedHashMap<>();
    final Map<String, Result> stackResults = new ConcurrentHashMap<>();

    /** Per unit, the updating stacks that touch it and have not finished. */
    final Map<String, AtomicInteger> pending = new ConcurrentHashMap<>();

    /** Units whose stack is still updating at the deadline: they stay stopped. */
    final Set<String> held = ConcurrentHashMap.newKeySet();

    final AtomicReference<String> sharedFailure = new AtomicReference<>();

    Run(ChangePlan plan, Ledger ledger) {
      this.plan = plan;
      this.ledger = ledger;
      this.deadline = Instant.now().plus(options.timeout());
      plan.units().forEach(u -> units.put(u.unit().arn(), new UnitRun(u)));
      plan.stacks().stream()
          .filter(ChangeApplier::updating)
          .flatMap(s -> s.units().stream())
          .forEach(
              u ->
                  pending
                      .computeIfAbsent(u.unit().arn(), k -> new AtomicInteger())
                      .incrementAndGet());
    }

    List<Result> go() {
      stopUnits();
      List<StackPlan> updating = plan.stacks().stream().filter(ChangeApplier::updating).toList();
      for (StackPlan stack : updating.stream().filter(s -> s.stack().shared()).toList()) {
        update(stack);
      }
      Batch.map(
          updating.stream().filter(s -> !s.stack().shared()).toList(),
          options.concurrency(),
          stack -> {
            update(stack);
            return stack;
          });
      return results();
    }

    // -- stop ------------------------------------------------------------------------------------

    /**
     * Marks each unit to stop, then stops them all and waits. The mark goes first: a crash between
     * the two leaves a mark on a running unit, which a resume leaves running and unmarks.
     */
    void stopUnits() {
      List<UnitPlan> toStop = plan.units().stream().filter(UnitPlan::toStop).toList();
      List<UnitPlan> marked =
          Batch.map(
                  toStop,
                  ReplicationControl.DEFAULT_CONCURRENCY,
                  unit -> {
                    String id = unit.identifier();
                    try {
                      ledger.sending(id);
                      Errors.failingTheRun(
                          () -> {
                            marks.mark(unit.unit().arn());
                            return null;
                          });
                      ledger.sent(id, "tagged " + marks.tag());
                      console.progress(id + ": tagged " + marks.tag());
                      return unit;
                    } catch (RunFailure e) {
                      throw e;
                    } catch (SdkException e) {
                      Result failed =
                          Result.failed(id, "not tagged, so not stopped: " + Errors.describe(e));
                      ledger.finished(failed);
                      run(unit).step(failed);
                      return null;
                    }
                  })
              .stream()
              .filter(u -> u != null)
              .toList();
      for (UnitKind kind : kinds.values()) {
        List<String> ids =
            marked.stream()
                .filter(u -> u.kind().equals(kind.noun()))
                .map(UnitPlan::identifier)
                .toList();
        if (ids.isEmpty()) {
          continue;
        }
        List<Result> results =
            kind.control()
                .stop(
                    ids,
                    new StopOptions(
                        ReplicationControl.DEFAULT_CONCURRENCY, true, remaining(), false),
                    ledger);
        for (int i = 0; i < ids.size(); i++) {
          UnitRun unit = byIdentifier(kind.noun(), ids.get(i));
          unit.stopped = true;
          unit.step(results.get(i));
        }
      }
    }

    // -- update ----------------------------------------------------------------------------------

    void update(StackPlan stack) {
      String name = stack.name();
      StackChangeSet changeSet = stack.changeSet();
      Result result = null;
      Stacks.Outcome outcome = null;
      if (changeSet.state() == ChangeSetState.READY) {
        result = refusal(stack);
        if (result == null) {
          try {
            ledger.sending(name);
            Errors.failingTheRun(
                () -> {
                  stacks.execute(name, plan.changeSet());
                  return null;
                });
            ledger.sent(name, "executing " + plan.changeSet());
            console.progress(name + ": executing change set " + plan.changeSet());
          } catch (RunFailure e) {
            throw e;
          } catch (SdkException e) {
            result = Result.failed(name, "not executed: " + Errors.describe(e));
          }
        }
      }
      if (result == null) {
        if (changeSet.state() == ChangeSetState.EXECUTING) {
          console.progress(name + ": waiting for the update an earlier apply started");
        }
        try {
          outcome =
              Errors.failingTheRun(
                  () -> stacks.await(name, plan.changeSet(), changeSet.createsStack(), deadline));
          result = result(stack, outcome);
          if (changeSet.state().updates()) {
            console.progress(name + ": " + outcome.stackStatus());
          }
        } catch (RunFailure e) {
          throw e;
        } catch (SdkException e) {
          // The update may go on: its tasks stay stopped and tagged for a rerun.
          outcome = new Stacks.Outcome("unknown", false, false, null);
          result =
              Result.failed(
                  name,
                  "lost sight of the update ("
                      + Errors.describe(e)
                      + "); rerun changes apply to wait for it and resume its tasks");
        }
      }
      if (stack.stack().shared() && (outcome == null || !outcome.succeeded())) {
        sharedFailure.compareAndSet(null, name);
      }
      ledger.finished(result);
      stackResults.put(name, result);
      finished(stack, outcome);
    }

    /** Why a ready stack is not executed; null when it is. */
    Result refusal(StackPlan stack) {
      String name = stack.name();
      String shared = sharedFailure.get();
      if (shared != null) {
        return Result.failed(name, "not executed: " + shared + " did not update");
      }
      List<String> blocking =
          stack.units().stream()
              .filter(u -> u.toStop() && run(u).failed)
              .map(UnitPlan::identifier)
              .toList();
      return blocking.isEmpty()
          ? null
          : Result.failed(
              name,
              "not executed: "
                  + String.join(", ", blocking)
                  + " did not stop, and DMS would refuse the update");
    }

    Result result(StackPlan stack, Stacks.Outcome outcome) {
      String name = stack.name();
      if (!outcome.finished()) {
        return Result.failed(
            name,
            "still "
                + outcome.stackStatus()
                + " at the timeout; rerun changes apply to wait for it and resume its tasks");
      }
      String status =
          outcome.stackStatus() + (outcome.reason() == null ? "" : ": " + outcome.reason());
      return switch (stack.changeSet().state()) {
        case READY ->
            outcome.succeeded()
                ? Result.ok(name, status + " (" + stack.summary() + ")")
                : Result.failed(name, status);
        case EXECUTING ->
            outcome.succeeded()
                ? Result.ok(name, status + " (an earlier apply executed it)")
                : Result.failed(name, status + " (an earlier apply executed it)");
        default ->
            outcome.succeeded()
                ? Result.skipped(name, "already executed: " + status)
                : Result.failed(
                    name,
                    "already executed: " + status + "; prepare a new change set to try again");
      };
    }

    // -- resume ----------------------------------------------------------------------------------

    /**
     * A stack has finished (or will not be updated): its units whose every stack has finished run
     * again. A replaced unit's replacement is started instead, a deleted one is reported.
     */
    void finished(StackPlan stack, Stacks.Outcome outcome) {
      boolean stillUpdating = outcome != null && !outcome.finished();
      boolean succeeded = outcome != null && outcome.succeeded();
      Map<String, List<UnitPlan>> toResume = new LinkedHashMap<>();
      for (UnitPlan unit : stack.units()) {
        String arn = unit.unit().arn();
        if (stillUpdating) {
          held.add(arn);
        }
        if (pending.get(arn).decrementAndGet() > 0 || held.contains(arn)) {
          if (stillUpdating && (run(unit).stopped || unit.marked())) {
            run(unit)
                .step(
                    Result.failed(
                        unit.identifier(), "not resumed: " + stack.name() + " is still updating"));
          }
          continue;
        }
        UnitRun run = run(unit);
        if (!run.stopped && !unit.marked()) {
          continue;
        }
        if (!succeeded) {
          run.step(
              Result.skipped(
                  unit.identifier(),
                  outcome == null
                      ? stack.name() + " was not updated"
                      : "the update rolled back, so it keeps its old settings"));
        }
        DmsChange replacement = unit.ownReplacement();
        if (succeeded && replacement != null) {
          startReplacement(stack, unit, replacement);
        } else if (succeeded && unit.removed()) {
          reportRemoval(unit);
        } else {
          toResume.computeIfAbsent(unit.kind(), k -> new ArrayList<>()).add(unit);
        }
      }
      toResume.forEach(this::resume);
    }

    void resume(String noun, List<UnitPlan> units) {
      List<Result> results =
          resumer.resume(
              kinds.get(noun),
              units.stream().map(UnitPlan::wired).toList(),
              ReplicationControl.DEFAULT_CONCURRENCY,
              ledger,
              deadline);
      for (int i = 0; i < units.size(); i++) {
        run(units.get(i)).step(results.get(i));
      }
    }

    void startReplacement(StackPlan stack, UnitPlan unit, DmsChange replacement) {
      UnitRun run = run(unit);
      String id = unit.identifier();
      String newArn =
          Errors.failingTheRun(() -> stacks.physicalId(stack.name(), replacement.logicalId()));
      if (newArn.equals(unit.unit().arn())) {
        resume(unit.kind(), List.of(unit)); // CloudFormation kept it after all
        return;
      }
      UnitKind kind = kinds.get(unit.kind());
      List<Wired> found =
          Errors.failingTheRun(
              () -> kind.finder().using(Map.of(replacement.kind(), Set.of(newArn))));
      if (found.isEmpty()) {
        run.step(Result.failed(id, "replaced, but its replacement " + newArn + " was not found"));
        return;
      }
      String newId = found.get(0).unit().identifier();
      ReplicationControl control = kind.control();
      List<Result> started =
          control.start(
              control.plan(List.of(newId), StartType.AUTO, false),
              new StartOptions(StartType.AUTO, false, false, 1, true, remaining(), false),
              ledger);
      Result result = started.get(0);
      run.step(
          new Result(id, result.result(), "replaced by " + newId + ", which " + result.detail()));
    }

    void reportRemoval(UnitPlan unit) {
      ReplicationControl control = kinds.get(unit.kind()).control();
      boolean gone =
          !control.describe(List.of(unit.identifier()), false).containsKey(unit.identifier());
      run(unit)
          .step(
              gone
                  ? Result.ok(unit.identifier(), "deleted by the deploy")
                  : Result.failed(
                      unit.identifier(),
                      "the deploy did not delete it; it stays stopped and tagged " + marks.tag()));
    }

    // -- results ---------------------------------------------------------------------------------

    List<Result> results() {
      List<Result> results = new ArrayList<>();
      Set<String> listed = new LinkedHashSet<>();
      for (StackPlan stack : plan.stacks()) {
        results.add(
            stackResults.getOrDefault(stack.name(), Result.skipped(stack.name(), stack.summary())));
        for (UnitPlan unit : stack.units()) {
          if (listed.add(unit.unit().arn())) {
            results.add(run(unit).result());
          }
        }
      }
      return results;
    }

    UnitRun run(UnitPlan unit) {
      return units.get(unit.unit().arn());
    }

    UnitRun byIdentifier(String noun, String id) {
      return units.values().stream()
          .filter(u -> u.plan.kind().equals(noun) && u.plan.identifier().equals(id))
          .findFirst()
          .orElseThrow();
    }

    Duration remaining() {
      return Resumer.remaining(deadline);
    }
  }
}
