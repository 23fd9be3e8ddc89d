package io.github.dmsfleet.ops;

import io.github.dmsfleet.ops.internal.Console;
import io.github.dmsfleet.ops.internal.Outcome;
import io.github.dmsfleet.ops.internal.Table;
import java.util.List;

/** Prints one line per outcome and a count, and turns them into the exit code. */
final class Summary {
  private Summary() {}

  static int print(Console console, String subjectColumn, String noun, List<Outcome> outcomes) {
    Table table = Table.withColumns(subjectColumn, "RESULT");
    outcomes.forEach(o -> table.row(o.subject(), o.result()));
    table.print(console.out());
    long failed = outcomes.stream().filter(Outcome::failed).count();
    console.result(
        outcomes.size()
            + " "
            + noun
            + (outcomes.size() == 1 ? "" : "s")
            + ": "
            + (outcomes.size() - failed)
            + " ok, "
            + failed
            + " failed");
    return failed == 0 ? ExitCode.OK : ExitCode.FAILED;
  }
}
