package io.github.dmsfleet.ops.replication;

/** What a start does with one unit. */
public enum Move {
  /** Nothing to do: it runs, or it is where it should be. */
  LEAVE("left alone", null),
  /** Wait while DMS finishes a change, then decide again. */
  WAIT("waited on", null),
  /** Not sent: the start type would be wrong for this unit. */
  REFUSE("refused", null),
  START_REPLICATION("start-replication", StartType.START_REPLICATION),
  RESUME_PROCESSING("resume-processing", StartType.RESUME_PROCESSING),
  RELOAD_TARGET("reload-target *", StartType.RELOAD_TARGET),
  /** {@code start-replication} on a unit that ran before: it starts over, as a reload does. */
  RESTART("start-replication *", StartType.START_REPLICATION);

  private final String label;
  private final StartType sends;

  Move(String label, StartType sends) {
    this.label = label;
    this.sends = sends;
  }

  /** The start type sent to DMS; null when nothing is sent. */
  public StartType sends() {
    return sends;
  }

  /**
   * Whether it loads every table again (or, for a CDC-only unit, drops the changes since the stop).
   */
  public boolean reloads() {
    return this == RELOAD_TARGET || this == RESTART;
  }

  /** How the decision table shows it. */
  public String label() {
    return label;
  }
}
