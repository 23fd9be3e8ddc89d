package io.github.dmsfleet.ops;

/** What {@code dms-ops} exits with. */
public final class ExitCode {
  /** Everything asked for was done (or was already so). */
  public static final int OK = 0;

  /** Some operation failed; the summary says which. */
  public static final int FAILED = 1;

  /** The input (config, credentials, options) is invalid; nothing was changed. */
  public static final int INVALID_INPUT = 2;

  private ExitCode() {}
}
