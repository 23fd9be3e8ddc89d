package io.github.dmsfleet.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.dmsfleet.ops.internal.Console;
import io.github.dmsfleet.ops.internal.Table;
import io.github.dmsfleet.ops.replication.Result;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Prints results on stdout as a table or as JSON (an array of objects with stable keys), and the
 * count line (on stderr with JSON, so that stdout stays JSON).
 */
final class Report {
  private Report() {}

  /** Prints one line or object per result and the count; exits 1 when any failed. */
  static int results(
      Console console,
      GlobalOptions.Output output,
      String column,
      String noun,
      List<Result> results) {
    if (output == GlobalOptions.Output.JSON) {
      json(console, results);
      console.progress(count(noun, results));
    } else {
      Table table = Table.withColumns(column, "RESULT", "DETAIL");
      results.forEach(r -> table.row(r.item(), r.result(), r.detail()));
      table.print(console.out());
      console.result(count(noun, results));
    }
    return results.stream().anyMatch(Result::failed) ? ExitCode.FAILED : ExitCode.OK;
  }

  /**
   * {@code 5 tasks: 3 ok, 1 skipped, 1 failed}; outcomes with none are left out, but ok and failed.
   */
  static String count(String noun, List<Result> results) {
    Map<Result.Outcome, Long> counts = new EnumMap<>(Result.Outcome.class);
    results.forEach(r -> counts.merge(r.result(), 1L, Long::sum));
    return plural(results.size(), noun)
        + ": "
        + List.of(Result.Outcome.values()).stream()
            .filter(
                o ->
                    o == Result.Outcome.OK
                        || o == Result.Outcome.FAILED
                        || counts.getOrDefault(o, 0L) > 0)
            .map(o -> counts.getOrDefault(o, 0L) + " " + o)
            .collect(Collectors.joining(", "));
  }

  static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  /** Any list of records as a JSON array on stdout. */
  static void json(Console console, Object rows) {
    try {
      console.result(
          new ObjectMapper()
              .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
              .writerWithDefaultPrettyPrinter()
              .writeValueAsString(rows));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
