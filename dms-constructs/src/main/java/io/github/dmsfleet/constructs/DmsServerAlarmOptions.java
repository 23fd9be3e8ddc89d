package io.github.dmsfleet.constructs;

import org.immutables.value.Value;

/** Thresholds of the alarms {@link DmsReplicationServer#addAlarms} creates. */
@Value.Immutable
public abstract class DmsServerAlarmOptions {
  DmsServerAlarmOptions() {}

  /**
   * Alarm when free storage falls below this share of the allocated storage, 1 to 99. Default: 10.
   */
  @Value.Default
  public int getFreeStoragePercent() {
    return 10;
  }

  /** Alarm when CPU utilization rises above this, 1 to 100. Default: 90. */
  @Value.Default
  public int getCpuUtilizationPercent() {
    return 90;
  }

  /** How many consecutive 5-minute periods must breach, 1 to 288. Default: 3. */
  @Value.Default
  public int getEvaluationPeriods() {
    return 3;
  }

  /** The defaults. */
  public static DmsServerAlarmOptions create() {
    return builder().build();
  }

  /** A builder for these options. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link DmsServerAlarmOptions}. */
  public static final class Builder extends ImmutableDmsServerAlarmOptions.Builder {
    /** Creates an empty builder. */
    public Builder() {}
  }
}
