package io.github.dmsfleet.ops;

import java.time.Duration;
import picocli.CommandLine.Option;

/** The hidden {@code --poll-interval}: how often a wait asks AWS again; tests shorten it. */
final class PollInterval {
  @Option(
      names = "--poll-interval",
      hidden = true,
      defaultValue = "5s",
      converter = DurationConverter.class)
  private Duration interval;

  Duration get() {
    return interval;
  }
}
