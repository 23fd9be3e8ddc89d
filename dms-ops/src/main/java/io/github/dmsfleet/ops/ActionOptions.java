package io.github.dmsfleet.ops;

import io.github.dmsfleet.ops.replication.ReplicationControl;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

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

  @Mixin PollInterval pollInterval;

  /** How long a run waits for DMS unless told: tasks start and stop within minutes. */
  static final Duration TIMEOUT = Duration.ofMinutes(30);

  /**
   * The same when a serverless replication is among the selected: its start first collects metadata
   * and provisions capacity, which can take tens of minutes.
   */
  static final Duration SERVERLESS_TIMEOUT = Duration.ofMinutes(90);

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "How long to wait for DMS in all, such as 90s, 30m, 2h (default: 30m, or 90m when a"
              + " serverless replication is among them: its start provisions capacity first).")
  private Duration timeout;

  /** The {@code --timeout} given, or the default for what is selected. */
  Duration timeout(boolean serverless) {
    return timeout != null ? timeout : serverless ? SERVERLESS_TIMEOUT : TIMEOUT;
  }

  int concurrency(CommandSpec spec) {
    return concurrency(spec, concurrency);
  }

  /** {@code --concurrency}, refused below 1 as invalid input. */
  static int concurrency(CommandSpec spec, int concurrency) {
    if (concurrency < 1) {
      throw new ParameterException(
          spec.commandLine(), "--concurrency must be at least 1, got " + concurrency);
    }
    return concurrency;
  }
}
