package io.github.dmsfleet.constructs;

/** Thresholds of the alarms {@link DmsReplicationServer#addAlarms} creates. */
public final class DmsServerAlarmOptions {
  private final Integer freeStoragePercent;
  private final Integer cpuUtilizationPercent;
  private final Integer evaluationPeriods;

  private DmsServerAlarmOptions(Builder builder) {
    this.freeStoragePercent = builder.freeStoragePercent;
    this.cpuUtilizationPercent = builder.cpuUtilizationPercent;
    this.evaluationPeriods = builder.evaluationPeriods;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Alarm when free storage falls below this share of the allocated storage, 1 to 99. Default: 10.
   */
  public Integer getFreeStoragePercent() {
    return freeStoragePercent;
  }

  /** Alarm when CPU utilization rises above this, 1 to 100. Default: 90. */
  public Integer getCpuUtilizationPercent() {
    return cpuUtilizationPercent;
  }

  /** How many consecutive 5-minute periods must breach, 1 to 288. Default: 3. */
  public Integer getEvaluationPeriods() {
    return evaluationPeriods;
  }

  /** Builds {@link DmsServerAlarmOptions}. */
  public static final class Builder {
    private Integer freeStoragePercent;
    private Integer cpuUtilizationPercent;
    private Integer evaluationPeriods;

    private Builder() {}

    /** Sets {@link DmsServerAlarmOptions#getFreeStoragePercent()}. */
    public Builder freeStoragePercent(Integer freeStoragePercent) {
      this.freeStoragePercent = freeStoragePercent;
      return this;
    }

    /** Sets {@link DmsServerAlarmOptions#getCpuUtilizationPercent()}. */
    public Builder cpuUtilizationPercent(Integer cpuUtilizationPercent) {
      this.cpuUtilizationPercent = cpuUtilizationPercent;
      return this;
    }

    /** Sets {@link DmsServerAlarmOptions#getEvaluationPeriods()}. */
    public Builder evaluationPeriods(Integer evaluationPeriods) {
      this.evaluationPeriods = evaluationPeriods;
      return this;
    }

    public DmsServerAlarmOptions build() {
      return new DmsServerAlarmOptions(this);
    }
  }
}
