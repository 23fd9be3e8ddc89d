package io.github.dmsfleet.ops.changes;

import io.github.dmsfleet.ops.internal.aws.Errors;
import io.github.dmsfleet.ops.internal.aws.RunFailure;
import io.github.dmsfleet.ops.replication.Ledger;
import io.github.dmsfleet.ops.replication.ReplicationControl;
import io.github.dmsfleet.ops.replication.ReplicationControl.StartOptions;
import io.github.dmsfleet.ops.replication.ReplicationControl.StartPlan;
import io.github.dmsfleet.ops.replication.Result;
import io.github.dmsfleet.ops.replication.StartType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Starts stopped units again with the start type the start decision table gives (a unit stopped on
 * request resumes with {@code resume-processing}; one that never ran starts; nothing starts over),
 * waits until they run, and takes their marks off once they do. A unit that fails to start keeps
 * its mark, so that a rerun tries again.
 */
public final class Resumer {
  private final StopMarks marks;
  private final ConnectionTests connectionTests;

  public Resumer(StopMarks marks, ConnectionTests connectionTests) {
    this.marks = marks;
    this.connectionTests = connectionTests;
  }

  /**
   * One result per unit, in their order.
   *
   * @param concurrency units started at once
   */
  public List<Result> resume(
      UnitKind kind, List<Wired> units, int concurrency, Ledger ledger, Instant deadline) {
    if (units.isEmpty()) {
      return List.of();
    }
    connectionTests.awaitIdle(
        units.stream()
            .flatMap(w -> Stream.of(w.sourceEndpointArn(), w.targetEndpointArn()))
            .filter(Objects::nonNull)
            .distinct()
            .toList(),
        deadline);
    ReplicationControl control = kind.control();
    List<String> ids = units.stream().map(w -> w.unit().identifier()).toList();
    StartPlan found = control.plan(ids, StartType.AUTO, false);
    List<String> present = ids.stream().filter(found.units()::containsKey).toList();
    Map<String, Result> started =
        control
            .start(
                new StartPlan(present, found.units(), StartType.AUTO),
                new StartOptions(
                    StartType.AUTO, false, false, concurrency, true, remaining(deadline), false),
                ledger)
            .stream()
            .collect(Collectors.toMap(Result::item, Function.identity()));
    List<Result> results = new ArrayList<>();
    for (Wired unit : units) {
      String id = unit.unit().identifier();
      Result result = started.get(id);
      if (result == null) {
        results.add(Result.failed(id, "not resumed: it no longer exists"));
      } else if (result.failed()) {
        results.add(result);
      } else {
        results.add(unmark(unit, result));
      }
    }
    return results;
  }

  private Result unmark(Wired unit, Result result) {
    try {
      Errors.failingTheRun(
          () -> {
            marks.unmark(unit.unit().arn());
            return null;
          });
      return result;
    } catch (RunFailure e) {
      throw e;
    } catch (SdkException e) {
      return Result.failed(
          result.item(),
          result.detail() + "; but the tag " + StopMarks.KEY + " stays: " + Errors.describe(e));
    }
  }

  /** The time left until the deadline, at least a second, for a wait that must not be zero. */
  static Duration remaining(Instant deadline) {
    Duration left = Duration.between(Instant.now(), deadline);
    return left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left;
  }
}
