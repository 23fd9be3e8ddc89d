package io.github.dmsfleet.ops.replication;

import io.github.dmsfleet.ops.internal.Batch;
import io.github.dmsfleet.ops.internal.BatchPoller;
import io.github.dmsfleet.ops.internal.Console;
import io.github.dmsfleet.ops.internal.aws.Errors;
import io.github.dmsfleet.ops.internal.aws.RunFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.databasemigration.model.InvalidResourceStateException;

/**
 * Starts, stops and reloads tables of many units with one skeleton: one batched lookup, up to
 * {@code concurrency} units acted on at once, a lost race ({@code InvalidResourceStateFault})
 * looked at again, waits served by one {@link BatchPoller}, one result per unit, and a {@link
 * Ledger} of what was sent. A fault of one unit is that unit's result; a fault every call would
 * meet (no credentials, an unreachable endpoint) ends the run with a {@link RunFailure}.
 *
 * <pre>{@code
 * ReplicationControl control = new ReplicationControl(TaskUnits.of(dms), Duration.ofSeconds(5), console);
 * List<Result> stopped = control.stop(ids, StopOptions.waiting(Duration.ofMinutes(30)), new Ledger(ids, "stopped"));
 * ... // change what needs the units stopped
 * List<Result> resumed = control.start(control.plan(ids, StartType.AUTO, false), StartOptions.auto(timeout), ledger);
 * }</pre>
 */
public final class ReplicationControl {
  /** How often a unit that changes under a call is looked at again before giving up. */
  static final int MAX_ROUNDS = 5;

  /** The status a task reports while it starts: no phase worth showing. */
  private static final String STARTING = "starting";

  /** Units acted on at once by default: the most tasks one replication instance runs. */
  public static final int DEFAULT_CONCURRENCY = 200;

  private final ReplicationUnits units;
  private final Duration pollInterval;
  private final Console console;

  /**
   * How a start goes.
   *
   * @param reloadConsented whether moves that start over ({@link Move#reloads()}) may be sent
   * @param enableLogging whether to turn CloudWatch logging on (a modify) before starting
   * @param waitForRunning whether to wait until each started unit runs
   * @param timeout how long the whole run may wait for DMS
   */
  public record StartOptions(
      StartType type,
      boolean reloadConsented,
      boolean enableLogging,
      int concurrency,
      boolean waitForRunning,
      Duration timeout,
      boolean dryRun) {
    /** {@code auto}, no reload, no modify, waiting until running: what resuming needs. */
    public static StartOptions auto(Duration timeout) {
      return new StartOptions(
          StartType.AUTO, false, false, DEFAULT_CONCURRENCY, true, timeout, false);
    }
  }

  /**
   * How a stop goes.
   *
   * @param waitForStopped whether to wait until each unit has stopped
   */
  public record StopOptions(
      int concurrency, boolean waitForStopped, Duration timeout, boolean dryRun) {
    public static StopOptions waiting(Duration timeout) {
      return new StopOptions(DEFAULT_CONCURRENCY, true, timeout, false);
    }
  }

  /** The units a start would act on, as described before anything is sent. */
  public record StartPlan(
      List<String> identifiers, Map<String, ReplicationUnit> units, StartType type) {
    /** The units the start would make start over: those that need consent. */
    public List<String> reloading() {
      return identifiers.stream()
          .filter(units::containsKey)
          .filter(id -> StartDecision.of(units.get(id), type).reloads())
          .toList();
    }

    /** Units whose settings were read and have CloudWatch logging off. */
    public List<String> loggingOff() {
      return identifiers.stream()
          .filter(
              id -> units.containsKey(id) && Boolean.FALSE.equals(units.get(id).loggingEnabled()))
          .toList();
    }
  }

  /**
   * The tables a reload would send, per unit, as found before anything is sent.
   *
   * @param tables per identifier, the tables to reload (empty: nothing to reload, see {@code why})
   * @param why per identifier, why nothing would be reloaded
   */
  public record ReloadPlan(
      List<String> identifiers,
      Map<String, ReplicationUnit> units,
      Map<String, List<TableName>> tables,
      Map<String, String> why) {
    /** The units that would get a reload call. */
    public List<String> involved() {
      return identifiers.stream()
          .filter(id -> !tables.getOrDefault(id, List.of()).isEmpty())
          .toList();
    }
  }

  public ReplicationControl(ReplicationUnits units, Duration pollInterval, Console console) {
    this.units = units;
    this.pollInterval = pollInterval;
    this.console = console;
  }

  /** What the units are called: {@code task} or {@code replication}. */
  public String noun() {
    return units.noun();
  }

  /** Describes the units (reads only) so that the caller can check consent before a start. */
  public StartPlan plan(List<String> identifiers, StartType type, boolean withSettings) {
    return new StartPlan(List.copyOf(identifiers), describe(identifiers, withSettings), type);
  }

  /** Starts each unit as the {@link StartRule} table decides; one result per identifier. */
  public List<Result> start(StartPlan plan, StartOptions options, Ledger ledger) {
    Instant deadline = Instant.now().plus(options.timeout());
    try (Run run = new Run(ledger, deadline)) {
      return run.execute(
          plan.identifiers(),
          plan.units(),
          options.concurrency(),
          options.enableLogging(),
          unit -> startOne(unit, options, run));
    }
  }

  /** Stops each running unit; others are left alone. One result per identifier. */
  public List<Result> stop(List<String> identifiers, StopOptions options, Ledger ledger) {
    Instant deadline = Instant.now().plus(options.timeout());
    Map<String, ReplicationUnit> found = describe(identifiers, false);
    try (Run run = new Run(ledger, deadline)) {
      return run.execute(
          identifiers, found, options.concurrency(), false, unit -> stopOne(unit, options, run));
    }
  }

  /**
   * Finds the tables to reload in each running unit: those named (empty: every table in error).
   * Reads only.
   */
  public ReloadPlan planReload(List<String> identifiers, List<TableName> named, int concurrency) {
    Map<String, ReplicationUnit> found = describe(identifiers, false);
    Map<String, List<TableName>> tables = new LinkedHashMap<>();
    Map<String, String> why = new LinkedHashMap<>();
    List<ReplicationUnit> running =
        identifiers.stream()
            .map(found::get)
            .filter(Objects::nonNull)
            .filter(u -> u.lifecycle() == Lifecycle.RUNNING)
            .toList();
    TableQuery query =
        named.isEmpty()
            ? new TableQuery(List.of(TableStatus.ERROR), List.of())
            : new TableQuery(List.of(), named);
    List<List<TableStatus>> listed =
        Batch.map(
            running, concurrency, unit -> Errors.failingTheRun(() -> units.tables(unit, query)));
    for (int i = 0; i < running.size(); i++) {
      String id = running.get(i).identifier();
      List<TableName> names = listed.get(i).stream().map(TableStatus::name).distinct().toList();
      tables.put(id, names);
      if (names.isEmpty()) {
        why.put(
            id,
            named.isEmpty()
                ? "no table in error"
                : "has none of "
                    + named.stream().map(TableName::toString).collect(Collectors.joining(", ")));
      }
    }
    return new ReloadPlan(List.copyOf(identifiers), found, tables, why);
  }

  /** Reloads the planned tables of each running unit; others are reported, not touched. */
  public List<Result> reload(
      ReloadPlan plan, ReloadOption option, boolean dryRun, int concurrency, Ledger ledger) {
    try (Run run = new Run(ledger, Instant.now())) {
      return run.execute(
          plan.identifiers(),
          plan.units(),
          concurrency,
          false,
          unit -> reloadOne(unit, plan, option, dryRun, run));
    }
  }

  /**
   * The tables of the units found, and how many units were found.
   *
   * @param unitsFound how many of the asked-for units exist; missing units have no tables
   */
  public record Tables(int unitsFound, List<TableStatus> tables) {}

  /** Every table of each unit that the query asks for, unit by unit; missing units have none. */
  public Tables tables(List<String> identifiers, TableQuery query, int concurrency) {
    Map<String, ReplicationUnit> found = describe(identifiers, false);
    List<ReplicationUnit> present =
        identifiers.stream().map(found::get).filter(Objects::nonNull).toList();
    return new Tables(
        present.size(),
        Batch.map(
                present, concurrency, unit -> Errors.failingTheRun(() -> units.tables(unit, query)))
            .stream()
            .flatMap(List::stream)
            .toList());
  }

  /** The units found, by identifier; any error every call would meet is a {@link RunFailure}. */
  public Map<String, ReplicationUnit> describe(
      Collection<String> identifiers, boolean withSettings) {
    return Errors.failingTheRun(() -> units.describe(identifiers, withSettings));
  }

  // -- one unit's step -------------------------------------------------------------------------

  /**
   * What one attempt on a unit ended with: a result, or a wait for DMS to finish what was asked.
   */
  private sealed interface Step {}

  private record Finished(Result result) implements Step {}

  private record Waiting(
      String identifier,
      String done,
      CompletableFuture<ReplicationUnit> settled,
      Function<ReplicationUnit, Result> conclude)
      implements Step {}

  private Step startOne(ReplicationUnit initial, StartOptions options, Run run) {
    ReplicationUnit unit = initial;
    String id = unit.identifier();
    String done = "";
    while (true) {
      StartDecision decision = StartDecision.of(unit, options.type());
      switch (decision.move()) {
        case LEAVE -> {
          if (unit.lifecycle() == Lifecycle.STARTING && options.waitForRunning()) {
            return waitUntilStarted(id, done + "already starting", null, unit, run);
          }
          return new Finished(Result.skipped(id, done + decision.detail()));
        }
        case REFUSE -> {
          return new Finished(Result.failed(id, done + decision.detail()));
        }
        case WAIT -> {
          if (options.dryRun()) {
            return new Finished(
                Result.would(id, "wait while it is " + unit.status() + ", then decide"));
          }
          console.progress(id + ": waiting while it is " + unit.status());
          unit = run.poller.await(id, unit, ReplicationControl::settled, run.deadline);
          continue;
        }
        default -> {
          // a move that sends a start
        }
      }
      if (decision.reloads() && !options.reloadConsented()) {
        String consent = "starts over, which needs --server/--database and --yes";
        return new Finished(
            options.dryRun()
                ? Result.would(id, decision.detail() + "; " + consent)
                : Result.failed(id, decision.detail() + " not sent: it " + consent));
      }
      if (options.enableLogging() && Boolean.FALSE.equals(unit.loggingEnabled())) {
        if (options.dryRun()) {
          return new Finished(
              Result.would(id, "enable CloudWatch logging, then " + decision.detail()));
        }
        run.ledger.sending(id);
        console.progress(id + ": enabling CloudWatch logging");
        ReplicationUnit modifying = units.enableLogging(unit);
        run.ledger.sent(id, "logging enabled");
        done = "logging enabled, ";
        unit =
            run.poller
                .await(id, modifying, ReplicationControl::settled, run.deadline)
                .withLogging();
        continue;
      }
      if (options.dryRun()) {
        return new Finished(Result.would(id, decision.detail()));
      }
      run.ledger.sending(id);
      ReplicationUnit after = units.start(unit, decision.move().sends());
      String sent = done + "started: " + decision.detail();
      run.ledger.sent(id, sent);
      console.progress(id + ": started with " + decision.move().sends());
      if (!options.waitForRunning()) {
        return new Finished(Result.ok(id, sent));
      }
      return waitUntilStarted(id, sent, unit, after, run);
    }
  }

  /**
   * Waits until DMS shows that the start took: a poll that reports it starting or running, or one
   * whose dates or status differ from before the start. Until then a read of the old state is stale
   * and decides nothing.
   *
   * @param before the state before the start; null when it was already starting
   */
  private Waiting waitUntilStarted(
      String id, String done, ReplicationUnit before, ReplicationUnit current, Run run) {
    Predicate<ReplicationUnit> started = new StartedSince(before);
    Phases phases = new Phases();
    return new Waiting(
        id,
        done,
        run.poller.until(
            id,
            before == null ? current : null,
            unit -> {
              phases.show(unit);
              return started.test(unit);
            }),
        unit -> {
          if (unit.lifecycle() == Lifecycle.RUNNING) {
            return Result.ok(id, done + ", running");
          }
          if (StartRule.stoppedByItself(unit)) {
            return Result.ok(id, done + ", then stopped by itself (" + unit.stopReason() + ")");
          }
          return Result.failed(id, done + ", then " + reason(unit));
        });
  }

  /** True once a read shows the start took and the unit left {@code starting}. */
  private static final class StartedSince implements Predicate<ReplicationUnit> {
    private final ReplicationUnit before;
    private boolean fresh;

    StartedSince(ReplicationUnit before) {
      this.before = before;
      this.fresh = before == null;
    }

    @Override
    public boolean test(ReplicationUnit unit) {
      fresh |=
          unit.lifecycle() == Lifecycle.STARTING
              || unit.lifecycle() == Lifecycle.RUNNING
              || !Objects.equals(unit.status(), before.status())
              || !Objects.equals(unit.startDate(), before.startDate())
              || !Objects.equals(unit.freshStartDate(), before.freshStartDate())
              || !Objects.equals(unit.stopDate(), before.stopDate());
      return fresh && unit.lifecycle() != Lifecycle.STARTING;
    }
  }

  /**
   * Shows the steps of a start that DMS reports beyond {@code starting}: a serverless replication
   * initializes, collects metadata and provisions its capacity (which can take tens of minutes)
   * before it starts replicating. A task only ever says {@code starting}, so it shows nothing.
   */
  private final class Phases {
    private String shown;

    void show(ReplicationUnit unit) {
      String phase =
          unit.status() + (unit.provisioning() == null ? "" : " (" + unit.provisioning() + ")");
      if (unit.lifecycle() == Lifecycle.STARTING
          && !STARTING.equals(unit.status())
          && !phase.equals(shown)) {
        shown = phase;
        console.progress(unit.identifier() + ": " + phase);
      }
    }
  }

  private Step stopOne(ReplicationUnit initial, StopOptions options, Run run) {
    ReplicationUnit unit = initial;
    String id = unit.identifier();
    while (true) {
      switch (unit.lifecycle()) {
        case STARTING -> {
          // DMS refuses a stop while the unit starts; wait until it runs (or fails).
          if (options.dryRun()) {
            return new Finished(Result.would(id, "wait while it is starting, then stop"));
          }
          console.progress(id + ": waiting while it is starting");
          unit = run.poller.await(id, unit, u -> u.lifecycle() != Lifecycle.STARTING, run.deadline);
        }
        case STOPPING -> {
          return options.waitForStopped()
              ? waitUntilStopped(id, "already stopping", unit, run)
              : new Finished(Result.skipped(id, "already stopping"));
        }
        case RUNNING -> {
          if (options.dryRun()) {
            return new Finished(Result.would(id, "stop"));
          }
          run.ledger.sending(id);
          ReplicationUnit stopping = units.stop(unit);
          run.ledger.sent(id, "stop requested");
          console.progress(id + ": stopping");
          return options.waitForStopped()
              ? waitUntilStopped(id, "stop requested", stopping, run)
              : new Finished(Result.ok(id, "stop requested"));
        }
        case STOPPED -> {
          return new Finished(Result.skipped(id, "already stopped"));
        }
        default -> {
          return new Finished(Result.skipped(id, "not running (" + unit.status() + ")"));
        }
      }
    }
  }

  private Waiting waitUntilStopped(String id, String done, ReplicationUnit current, Run run) {
    Set<Lifecycle> stopping = Set.of(Lifecycle.RUNNING, Lifecycle.STOPPING);
    return new Waiting(
        id,
        done,
        run.poller.until(id, current, u -> !stopping.contains(u.lifecycle())),
        unit ->
            unit.lifecycle() == Lifecycle.STOPPED
                ? Result.ok(id, "stopped")
                : Result.failed(id, done + ", then " + reason(unit)));
  }

  private Step reloadOne(
      ReplicationUnit unit, ReloadPlan plan, ReloadOption option, boolean dryRun, Run run) {
    String id = unit.identifier();
    if (unit.lifecycle() != Lifecycle.RUNNING) {
      return new Finished(
          Result.skipped(
              id,
              "not running ("
                  + unit.status()
                  + "); only a running "
                  + unit.kind().noun()
                  + " reloads tables"));
    }
    List<TableName> tables = plan.tables().getOrDefault(id, List.of());
    if (tables.isEmpty()) {
      return new Finished(Result.skipped(id, plan.why().getOrDefault(id, "no table to reload")));
    }
    String what =
        tables.stream().map(TableName::toString).collect(Collectors.joining(", "))
            + " ("
            + option
            + ")";
    if (dryRun) {
      return new Finished(Result.would(id, "reload " + what));
    }
    run.ledger.sending(id);
    units.reloadTables(unit, tables, option);
    run.ledger.sent(id, "reload requested: " + what);
    console.progress(id + ": reloading " + what);
    return new Finished(Result.ok(id, "reload requested: " + what));
  }

  // -- the skeleton ----------------------------------------------------------------------------

  /** One run: its ledger, its deadline, and the poller its waits share. */
  private final class Run implements AutoCloseable {
    final Ledger ledger;
    final Instant deadline;
    final BatchPoller<ReplicationUnit> poller;

    Run(Ledger ledger, Instant deadline) {
      this.ledger = ledger;
      this.deadline = deadline;
      this.poller =
          new BatchPoller<>(
              ids -> describe(ids, false), ReplicationUnit::status, pollInterval, console);
    }

    /**
     * Acts on every unit (the first phase holds one of {@code concurrency} slots), then waits for
     * those that wait (holding none).
     */
    List<Result> execute(
        List<String> identifiers,
        Map<String, ReplicationUnit> found,
        int concurrency,
        boolean withSettings,
        Function<ReplicationUnit, Step> attempt) {
      List<Step> first =
          Batch.map(
              identifiers,
              concurrency,
              id -> {
                ReplicationUnit unit = found.get(id);
                Step step =
                    unit == null
                        ? new Finished(
                            Result.failed(
                                id, "not found; deploy the fleet first, or check --region"))
                        : attempt(unit, withSettings, attempt);
                if (step instanceof Finished finished) {
                  ledger.finished(finished.result());
                }
                return step;
              });
      List<Result> results = new ArrayList<>();
      for (Step step : first) {
        Result result =
            step instanceof Waiting waiting ? conclude(waiting) : ((Finished) step).result();
        ledger.finished(result);
        results.add(result);
      }
      return results;
    }

    /** Runs the attempt, looking again when the unit changed under a call. */
    private Step attempt(
        ReplicationUnit initial, boolean withSettings, Function<ReplicationUnit, Step> attempt) {
      String id = initial.identifier();
      ReplicationUnit unit = initial;
      for (int round = 1; ; round++) {
        try {
          return attempt.apply(unit);
        } catch (InvalidResourceStateException e) {
          // The unit changed between our look and our call (someone else started or modified it).
          if (round >= MAX_ROUNDS) {
            return new Finished(Result.failed(id, Errors.describe(e)));
          }
          console.debug(id + ": " + Errors.describe(e) + "; looking again");
          unit = describe(List.of(id), withSettings).get(id);
          if (unit == null) {
            return new Finished(Result.failed(id, "no longer exists"));
          }
        } catch (BatchPoller.WaitTimeout | BatchPoller.Gone e) {
          return new Finished(Result.failed(id, e.getMessage()));
        } catch (RunFailure e) {
          throw e;
        } catch (SdkException e) {
          RunFailure everyCall = Errors.asRunFailure(e);
          if (everyCall != null) {
            throw everyCall;
          }
          return new Finished(Result.failed(id, Errors.describe(e)));
        } catch (RuntimeException e) {
          // A fault of ours: that unit's failure, not the run's.
          console.debug(id + ": " + e);
          return new Finished(Result.failed(id, "unexpected error: " + e));
        }
      }
    }

    private Result conclude(Waiting waiting) {
      try {
        return waiting
            .conclude()
            .apply(poller.await(waiting.identifier(), waiting.settled(), deadline));
      } catch (BatchPoller.WaitTimeout | BatchPoller.Gone e) {
        return Result.failed(waiting.identifier(), waiting.done() + ", then " + e.getMessage());
      }
    }

    @Override
    public void close() {
      poller.close();
    }
  }

  private static boolean settled(ReplicationUnit unit) {
    return unit.lifecycle() != Lifecycle.CHANGING && unit.lifecycle() != Lifecycle.STOPPING;
  }

  /** DMS's reason for a unit that failed or stopped, for a result. */
  static String reason(ReplicationUnit unit) {
    StringBuilder reason = new StringBuilder(unit.status());
    if (unit.stopReason() != null) {
      reason.append(" (").append(unit.stopReason()).append(')');
    }
    if (unit.lastFailure() != null) {
      reason.append(": ").append(unit.lastFailure());
    }
    return reason.toString();
  }
}
