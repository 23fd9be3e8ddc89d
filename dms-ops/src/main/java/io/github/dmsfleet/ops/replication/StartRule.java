package io.github.dmsfleet.ops.replication;

import static io.github.dmsfleet.ops.replication.Move.LEAVE;
import static io.github.dmsfleet.ops.replication.Move.REFUSE;
import static io.github.dmsfleet.ops.replication.Move.RELOAD_TARGET;
import static io.github.dmsfleet.ops.replication.Move.RESTART;
import static io.github.dmsfleet.ops.replication.Move.RESUME_PROCESSING;
import static io.github.dmsfleet.ops.replication.Move.START_REPLICATION;
import static io.github.dmsfleet.ops.replication.Move.WAIT;

import io.github.dmsfleet.rules.MigrationType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The start decision table: each row is a state a unit can be in, each column a {@link StartType}.
 * {@code tasks start} (and anything else that starts units) decides with it, and its help prints
 * it. Rows are tried in order; the first that matches decides.
 */
public enum StartRule {
  ACTIVE("running or starting", LEAVE, LEAVE, LEAVE, LEAVE),
  CHANGING(
      "creating, modifying, stopping, testing, moving (then decided again)",
      WAIT,
      WAIT,
      WAIT,
      WAIT),
  UNAVAILABLE(
      "deleting, failed-move, or a status DMS does not document", REFUSE, REFUSE, REFUSE, REFUSE),
  NEVER_RAN(
      "never ran: ready, or failed with no start date",
      START_REPLICATION,
      START_REPLICATION,
      REFUSE,
      REFUSE),
  FULL_LOAD_DONE(
      "full-load task, stopped after its full load (a)",
      LEAVE,
      RESTART,
      RESUME_PROCESSING,
      RELOAD_TARGET),
  STOP_POINT(
      "stopped at a stop point someone set (b)", LEAVE, RESTART, RESUME_PROCESSING, RELOAD_TARGET),
  PAUSED_AFTER_FULL_LOAD(
      "CDC task, paused after its full load (a)",
      RESUME_PROCESSING,
      RESTART,
      RESUME_PROCESSING,
      RELOAD_TARGET),
  STOPPED(
      "ran before, stopped or failed for any other reason (c)",
      RESUME_PROCESSING,
      RESTART,
      RESUME_PROCESSING,
      RELOAD_TARGET);

  /** Stop reasons of a unit whose full load finished and that went no further by itself. */
  static final Set<String> AFTER_FULL_LOAD =
      Set.of("FULL_LOAD_ONLY_FINISHED", "STOPPED_AFTER_FULL_LOAD", "STOPPED_AFTER_CACHED_EVENTS");

  /** Stop reasons of a stop point someone set: a CDC stop position, or a stop after DDL. */
  static final Set<String> STOP_POINTS =
      Set.of("STOPPED_AT_SERVER_TIME", "STOPPED_AT_COMMIT_TIME", "STOPPED_AFTER_DDL_APPLY");

  private final String state;
  private final Move auto;
  private final Move startReplication;
  private final Move resume;
  private final Move reload;

  StartRule(String state, Move auto, Move startReplication, Move resume, Move reload) {
    this.state = state;
    this.auto = auto;
    this.startReplication = startReplication;
    this.resume = resume;
    this.reload = reload;
  }

  /** The row the unit falls in. */
  public static StartRule of(ReplicationUnit unit) {
    // Set.of(..).contains(null) throws: a stopped unit may carry no stop reason at all.
    String reason = unit.stopReason() == null ? "" : unit.stopReason();
    return switch (unit.lifecycle()) {
      case RUNNING, STARTING -> ACTIVE;
      case CHANGING, STOPPING -> CHANGING;
      case UNAVAILABLE -> UNAVAILABLE;
      case READY, FAILED -> unit.ranBefore() ? STOPPED : NEVER_RAN;
      case STOPPED -> {
        if (AFTER_FULL_LOAD.contains(reason)) {
          yield unit.migrationType() == MigrationType.FULL_LOAD
              ? FULL_LOAD_DONE
              : PAUSED_AFTER_FULL_LOAD;
        }
        yield STOP_POINTS.contains(reason) ? STOP_POINT : STOPPED;
      }
    };
  }

  /** {@code (a) ONE, TWO,} wrapped under 80 characters. */
  private static void footnote(List<String> lines, String mark, List<String> items) {
    StringBuilder line = new StringBuilder("  " + mark);
    for (int i = 0; i < items.size(); i++) {
      String item = " " + items.get(i) + (i < items.size() - 1 ? "," : "");
      if (line.length() + item.length() > 78) {
        lines.add(line.toString());
        line = new StringBuilder("     ");
      }
      line.append(item);
    }
    lines.add(line.toString());
  }

  private static List<String> sorted(Set<String> reasons) {
    return reasons.stream().sorted().toList();
  }

  /** Whether the unit stopped by itself, as its settings or stop position asked. */
  static boolean stoppedByItself(ReplicationUnit unit) {
    return unit.lifecycle() == Lifecycle.STOPPED
        && unit.stopReason() != null
        && (AFTER_FULL_LOAD.contains(unit.stopReason()) || STOP_POINTS.contains(unit.stopReason()));
  }

  /** The state this row describes. */
  public String state() {
    return state;
  }

  /** What a start of that type does with a unit in this row. */
  public Move move(StartType type) {
    return switch (type) {
      case AUTO -> auto;
      case START_REPLICATION -> startReplication;
      case RESUME_PROCESSING -> resume;
      case RELOAD_TARGET -> reload;
    };
  }

  /** The table as plain text lines no wider than 80 characters, for the help and the README. */
  public static List<String> table() {
    List<String> lines = new ArrayList<>();
    String moves = "    %-19s %-19s %-19s %s";
    lines.add(
        String.format(moves, "auto", "start-replication", "resume-processing", "reload-target"));
    for (StartRule rule : values()) {
      lines.add("  " + rule.state);
      lines.add(
          String.format(
              moves,
              rule.move(StartType.AUTO).label(),
              rule.move(StartType.START_REPLICATION).label(),
              rule.move(StartType.RESUME_PROCESSING).label(),
              rule.move(StartType.RELOAD_TARGET).label()));
    }
    lines.add("  * starts over (reloads every table): needs --server or --database, and --yes");
    footnote(lines, "(a)", sorted(AFTER_FULL_LOAD));
    footnote(lines, "(b)", sorted(STOP_POINTS));
    footnote(
        lines,
        "(c)",
        List.of(
            "NORMAL (a stop request)",
            "RECOVERABLE_ERROR",
            "FATAL_ERROR",
            "STOPPED_DUE_TO_LOW_MEMORY",
            "STOPPED_DUE_TO_LOW_DISK",
            "any other or none"));
    lines.add("  Serverless replications: created counts as ready, and initializing through");
    lines.add("  replication_starting (provisioning capacity) as starting. DMS takes");
    lines.add("  start-replication only for a first run and resume-processing only if not");
    lines.add("  full-load: those are refused, and reload-target * starts one over.");
    return lines;
  }
}
