package io.github.dmsfleet.constructs;

import org.immutables.value.Value;

/** Thresholds of the alarms {@link DmsDatabaseMigration#addAlarms} creates. */
@Value.Immutable
public abstract class DmsTaskAlarmOptions {
  DmsTaskAlarmOptions() {}

  /**
   * Alarm when source or target CDC latency rises above this many seconds, at least 1. Default:
   * 600.
   */
  @Value.Default
  public int getCdcLatencySeconds() {
    return 600;
  }

  /** How many consecutive 5-minute periods must breach, 1 to 288. Default: 3. */
  @Value.Default
  public int getEvaluationPeriods() {
    return 3;
  }

  /** The defaults. */
  public static DmsTaskAlarmOptions create() {
    return builder().build();
  }

  /** A builder for these options. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link DmsTaskAlarmOptions}. */
  public static final class Builder extends ImmutableDmsTaskAlarmOptions.Builder {
    /** Creates an empty builder. */
    public Builder() {}
  }
}
