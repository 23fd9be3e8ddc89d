package io.github.dmsfleet.ops;

import io.github.dmsfleet.ops.replication.ReplicationControl;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Options of every command that changes DMS resources. */
final class ActionOptions {
  @Option(
      names = "--concurrency",
      paramLabel = "N",
      defaultValue = "" + ReplicationControl.DEFAULT_CONCURRENCY,
      description =
          "Items acted on at once; waiting holds no slot (default: ${DEFAULT-VALUE}). Calls are paced"
              + " under --api-rate either way.")
  int concurrency;

  @Option(names = "--dry-run", description = "Read only: report what would be done to each item.")
  boolean dryRun;

  @Option(
      names = "--poll-interval",
      hidden = true,
      defaultValue = "5s",
      converter = DurationConverter.class)
  Duration pollInterval;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "30m",
      converter = DurationConverter.class,
      description =
          "How long to wait for DMS in all, such as 90s, 30m, 2h (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  int concurrency(picocli.CommandLine.Model.CommandSpec spec) {
    if (concurrency < 1) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--concurrency must be at least 1, got " + concurrency);
    }
    return concurrency;
  }
}
