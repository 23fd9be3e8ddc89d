package io.github.dmsfleet.ops.replication;

/**
 * What a start does with one unit, and why in words.
 *
 * @param detail the reason a user reads, such as {@code already running}
 */
public record StartDecision(StartRule rule, Move move, String detail) {

  /**
   * Decides by the {@link StartRule} table; a move DMS refuses for the unit's kind is refused
   * before it is sent.
   */
  public static StartDecision of(ReplicationUnit unit, StartType type) {
    StartRule rule = StartRule.of(unit);
    Move move = rule.move(type);
    String refusal = unit.kind().refusal(move, unit);
    return refusal == null
        ? new StartDecision(rule, move, detail(unit, rule, move, type))
        : new StartDecision(rule, Move.REFUSE, refusal);
  }

  public boolean reloads() {
    return move.reloads();
  }

  private static String detail(ReplicationUnit unit, StartRule rule, Move move, StartType type) {
    String reason = unit.stopReason() == null ? "" : " (" + unit.stopReason() + ")";
    return switch (move) {
      case LEAVE ->
          switch (rule) {
            case ACTIVE -> "already " + unit.status();
            case FULL_LOAD_DONE ->
                "full load finished" + reason + "; --start-type reload-target loads it again";
            case STOP_POINT ->
                "stopped where it was told to"
                    + reason
                    + "; --start-type resume-processing continues it";
            default -> "left alone";
          };
      case WAIT -> "waiting while it is " + unit.status();
      case REFUSE ->
          rule == StartRule.NEVER_RAN
              ? "never ran, so "
                  + type
                  + " would give data errors; use --start-type auto or start-replication"
              : "cannot be started while it is " + unit.status();
      case START_REPLICATION, RESUME_PROCESSING, RELOAD_TARGET, RESTART ->
          move.sends() + (rule == StartRule.NEVER_RAN ? "" : reasonAfter(unit));
    };
  }

  private static String reasonAfter(ReplicationUnit unit) {
    return unit.stopReason() == null
        ? " (it was " + unit.status() + ")"
        : " (it was " + unit.status() + ", " + unit.stopReason() + ")";
  }
}
