package io.github.dmsfleet.ops.internal.tasks;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How {@code tasks start} starts each task: DMS's {@code StartReplicationTaskType}, or {@code
 * auto}.
 */
public enum StartType {
  /**
   * {@code start-replication} for a task that never ran, {@code resume-processing} for one that
   * did.
   */
  AUTO("auto"),
  START_REPLICATION("start-replication"),
  RESUME_PROCESSING("resume-processing"),
  /** Reloads every table and restarts CDC; only when asked for. */
  RELOAD_TARGET("reload-target");

  private final String value;

  StartType(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }

  public static StartType parse(String text) {
    String wanted = text.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(t -> t.value.equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "'"
                        + text
                        + "' is not a start type; use one of "
                        + Arrays.stream(values())
                            .map(StartType::value)
                            .collect(Collectors.joining(", "))));
  }

  @Override
  public String toString() {
    return value;
  }
}
