package io.github.dmsfleet.constructs;

/** Thresholds of the alarms {@link DmsDatabaseMigration#addAlarms} creates. */
public final class DmsTaskAlarmOptions {
  private final Integer cdcLatencySeconds;
  private final Integer evaluationPeriods;

  private DmsTaskAlarmOptions(Builder builder) {
    this.cdcLatencySeconds = builder.cdcLatencySeconds;
    this.evaluationPeriods = builder.evaluationPeriods;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Alarm when source or target CDC latency rises above this many seconds, at least 1. Default:
   * 600.
   */
  public Integer getCdcLatencySeconds() {
    return cdcLatencySeconds;
  }

  /** How many consecutive 5-minute periods must breach, 1 to 288. Default: 3. */
  public Integer getEvaluationPeriods() {
    return evaluationPeriods;
  }

  /** Builds {@link DmsTaskAlarmOptions}. */
  public static final class Builder {
    private Integer cdcLatencySeconds;
    private Integer evaluationPeriods;

    private Builder() {}

    /** Sets {@link DmsTaskAlarmOptions#getCdcLatencySeconds()}. */
    public Builder cdcLatencySeconds(Integer cdcLatencySeconds) {
      this.cdcLatencySeconds = cdcLatencySeconds;
      return this;
    }

    /** Sets {@link DmsTaskAlarmOptions#getEvaluationPeriods()}. */
    public Builder evaluationPeriods(Integer evaluationPeriods) {
      this.evaluationPeriods = evaluationPeriods;
      return this;
    }

    public DmsTaskAlarmOptions build() {
      return new DmsTaskAlarmOptions(this);
    }
  }
}
