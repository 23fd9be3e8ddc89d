package io.github.dmsfleet.ops.replication;

/**
 * How a start asks DMS to start each unit: DMS's {@code StartReplicationTaskType} (also {@code
 * StartReplicationType} for serverless replications), or {@code auto}, which the {@link StartRule}
 * table decides per unit.
 */
public enum StartType {
  AUTO("auto"),
  START_REPLICATION("start-replication"),
  RESUME_PROCESSING("resume-processing"),
  RELOAD_TARGET("reload-target");

  private final String value;

  StartType(String value) {
    this.value = value;
  }

  /** The DMS API value, such as {@code resume-processing}. */
  public String value() {
    return value;
  }

  /** The API value, which is also what the command line accepts. */
  @Override
  public String toString() {
    return value;
  }
}
