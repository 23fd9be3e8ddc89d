package io.github.dmsfleet.constructs;

import org.immutables.value.Value;

/** Thresholds of the alarms {@link DmsServerlessDatabaseMigration#addAlarms} creates. */
@Value.Immutable
public abstract class DmsServerlessAlarmOptions {
  DmsServerlessAlarmOptions() {}

  /**
   * Alarm when source or target CDC latency rises above this many seconds, at least 1. Default:
   * 600.
   */
  @Value.Default
  public int getCdcLatencySeconds() {
    return 600;
  }

  /**
   * Alarm when the replication uses more than this share of its provisioned capacity, 1 to 100
   * percent. Default: 90.
   */
  @Value.Default
  public int getCapacityUtilizationPercent() {
    return 90;
  }

  /** How many consecutive 5-minute periods must breach, 1 to 288. Default: 3. */
  @Value.Default
  public int getEvaluationPeriods() {
    return 3;
  }

  /** The defaults. */
  public static DmsServerlessAlarmOptions create() {
    return builder().build();
  }

  /** A builder for these options. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link DmsServerlessAlarmOptions}. */
  public static final class Builder extends ImmutableDmsServerlessAlarmOptions.Builder {
    /** Creates an empty builder. */
    public Builder() {}
  }
}
