package io.github.dmsfleet.ops;

import io.github.dmsfleet.ops.internal.Console;
import io.github.dmsfleet.ops.internal.aws.RunFailure;
import io.github.dmsfleet.ops.replication.Ledger;
import io.github.dmsfleet.ops.replication.Result;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Runs something that changes AWS resources and reports it, whatever ends it: its results; on
 * Ctrl-C what was sent so far (exit 130); on an error every call would meet, that error once and
 * what was sent before it (exit 2 when nothing was, else 3).
 */
final class Mutation {
  private final Console console;
  private final GlobalOptions.Output output;
  private final String column;
  private final String noun;
  private String rerun;

  Mutation(Console console, GlobalOptions.Output output, String column, String noun) {
    this.console = console;
    this.output = output;
    this.column = column;
    this.noun = noun;
  }

  /** What finishes the job after an interruption, printed under the summary. */
  Mutation rerun(String hint) {
    this.rerun = hint;
    return this;
  }

  int run(Ledger ledger, Supplier<List<Result>> action) {
    AtomicBoolean reported = new AtomicBoolean();
    Thread onCtrlC =
        new Thread(
            () -> {
              if (reported.compareAndSet(false, true)) {
                Report.results(console, output, column, noun, ledger.soFar("interrupted"));
                console.error(ledger.summary("interrupted"));
                if (rerun != null) {
                  console.warn(rerun);
                }
              }
            },
            "dms-ops-interrupted");
    Runtime.getRuntime().addShutdownHook(onCtrlC);
    try {
      List<Result> results = action.get();
      return reported.compareAndSet(false, true)
          ? Report.results(console, output, column, noun, results)
          : ExitCode.INTERRUPTED;
    } catch (RunFailure e) {
      if (!reported.compareAndSet(false, true)) {
        return ExitCode.INTERRUPTED;
      }
      if (ledger.sentCount() == 0) {
        console.error(e.getMessage() + "; nothing was sent");
        return ExitCode.NOTHING_SENT;
      }
      Report.results(console, output, column, noun, ledger.soFar("stopped"));
      console.error(e.getMessage());
      console.error(ledger.summary("stopped"));
      if (rerun != null) {
        console.warn(rerun);
      }
      return ExitCode.CUT_SHORT;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(onCtrlC);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or has run
      }
    }
  }
}
