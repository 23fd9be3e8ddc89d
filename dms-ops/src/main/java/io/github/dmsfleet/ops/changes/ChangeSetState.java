package io.github.dmsfleet.ops.changes;

/** Where one stack stands with a change set of the name asked for. */
public enum ChangeSetState {
  /** Created and executable. */
  READY("ready", "ready"),
  /** Executed; CloudFormation is updating the stack. */
  EXECUTING("executing", "being executed"),
  /** Executed; the stack update finished. */
  EXECUTED("executed", "already executed"),
  /** Executed; the stack update failed (and rolled back). */
  EXECUTE_FAILED("execute-failed", "executed, and the update failed"),
  /** CloudFormation found nothing to change: the CDK keeps such a change set, unexecutable. */
  NO_CHANGES("no-changes", "no changes"),
  /** The stack has no change set of that name. */
  MISSING("missing", "no such change set"),
  /** There is no such stack (yet), and no change set creates it. */
  NO_STACK("no-stack", "no such stack"),
  /** CloudFormation could not create it; the reason says why. */
  FAILED("failed", "failed"),
  /** Created, but CloudFormation will not execute it (OBSOLETE, UNAVAILABLE). */
  NOT_EXECUTABLE("not-executable", "cannot be executed");

  private final String token;
  private final String words;

  ChangeSetState(String token, String words) {
    this.token = token;
    this.words = words;
  }

  /** The stable JSON value. */
  @Override
  public String toString() {
    return token;
  }

  public String words() {
    return words;
  }

  /** Whether apply has anything to do with the stack's update (start it, or wait for it). */
  public boolean updates() {
    return this == READY || this == EXECUTING;
  }

  /** Whether the change set exists in some form for the stack. */
  public boolean exists() {
    return this != MISSING && this != NO_STACK;
  }

  /** Whether it stops apply before anything is sent. */
  public boolean blocks() {
    return this == FAILED || this == NOT_EXECUTABLE;
  }
}
