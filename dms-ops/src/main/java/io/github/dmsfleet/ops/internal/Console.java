package io.github.dmsfleet.ops.internal;

import java.io.PrintWriter;

/**
 * Where a command writes: results to stdout; progress, warnings and errors to stderr, at the
 * verbosity asked for.
 */
public final class Console {
  /** How much goes to stderr. */
  public enum Verbosity {
    QUIET,
    NORMAL,
    VERBOSE
  }

  private final PrintWriter out;
  private final PrintWriter err;
  private final Verbosity verbosity;

  public Console(PrintWriter out, PrintWriter err, Verbosity verbosity) {
    this.out = out;
    this.err = err;
    this.verbosity = verbosity;
  }

  /** A console that prints nothing, for callers that only want the results. */
  public static Console silent() {
    PrintWriter nowhere = new PrintWriter(PrintWriter.nullWriter());
    return new Console(nowhere, nowhere, Verbosity.QUIET);
  }

  public synchronized void result(String text) {
    out.println(text);
    out.flush();
  }

  /** What is happening now; hidden by {@code --quiet}. */
  public synchronized void progress(String line) {
    if (verbosity != Verbosity.QUIET) {
      err.println(line);
      err.flush();
    }
  }

  /** Detail for {@code --verbose}. */
  public synchronized void debug(String line) {
    if (verbosity == Verbosity.VERBOSE) {
      err.println("debug: " + line);
      err.flush();
    }
  }

  /** Something the user should act on; shown even with {@code --quiet}. */
  public synchronized void warn(String line) {
    err.println("warning: " + line);
    err.flush();
  }

  /** Why the run ended badly; shown even with {@code --quiet}. */
  public synchronized void error(String line) {
    err.println("error: " + line);
    err.flush();
  }

  public PrintWriter out() {
    return out;
  }
}
