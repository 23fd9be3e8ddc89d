package io.github.dmsfleet.ops;

/** What {@code dms-ops} exits with. */
public final class ExitCode {
  /** Everything asked for was done (or was already so). */
  public static final int OK = 0;

  /** Some items failed; each one's result says why. The others were done. */
  public static final int FAILED = 1;

  /**
   * Nothing was sent: the input (config, credentials file, options, consent) is invalid, or AWS
   * could not be reached or refused the caller before the first change.
   */
  public static final int NOTHING_SENT = 2;

  /**
   * The run was cut short by an unexpected error after it may have changed something; a rerun is
   * safe.
   */
  public static final int CUT_SHORT = 3;

  /** Ctrl-C: what was sent so far is printed; a rerun finishes the job. */
  public static final int INTERRUPTED = 130;

  private ExitCode() {}
}
