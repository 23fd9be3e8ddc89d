package io.github.dmsfleet.ops.replication;

import io.github.dmsfleet.rules.MigrationType;
import java.time.Instant;

/**
 * What DMS reports about one unit it can start, stop and describe: a replication task, or a
 * serverless replication. Adapters ({@link ReplicationUnits}) fill it from their API's answers.
 *
 * @param status DMS's own status word, as shown to the user
 * @param lifecycle the status as decisions read it
 * @param stopReason DMS's stop reason without its {@code Stop Reason } prefix, such as {@code
 *     NORMAL}; null when there is none
 * @param freshStartDate when it last started fresh or reloaded; null when never
 * @param startDate when it last started fresh or resumed; null when never
 * @param stopDate when it last stopped; null when never
 * @param loggingEnabled whether CloudWatch logging is on; null when the settings were not read
 * @param provisioning a serverless replication's capacity as DMS reports it, such as {@code
 *     provisioned, 4 DCU}; null for a task, or when DMS reports none
 */
public record ReplicationUnit(
    String identifier,
    String arn,
    Kind kind,
    String status,
    Lifecycle lifecycle,
    MigrationType migrationType,
    String stopReason,
    Instant freshStartDate,
    Instant startDate,
    Instant stopDate,
    Progress progress,
    String lastFailure,
    String recoveryCheckpoint,
    Boolean loggingEnabled,
    String provisioning) {

  /** What runs the unit, which decides the starts DMS takes. */
  public enum Kind {
    /** A replication task on a replication instance. */
    TASK("task"),
    /**
     * A DMS Serverless replication. The API reference of StartReplication: "The resume-processing
     * option isn't applicable for a full-load replication"; the DMS Serverless components page:
     * "After a serverless replication has been started, you must resume it by using
     * resume-processing ... You cannot restart it fresh."
     */
    SERVERLESS("replication");

    private final String noun;

    Kind(String noun) {
      this.noun = noun;
    }

    /** What the user calls one: {@code task} or {@code replication}. */
    public String noun() {
      return noun;
    }

    /**
     * Why DMS would refuse this move for the unit, in words; null when it takes it. Tasks take
     * every move the table gives.
     */
    String refusal(Move move, ReplicationUnit unit) {
      if (this != SERVERLESS) {
        return null;
      }
      if (move == Move.RESTART) {
        return "a serverless replication that ran before cannot start fresh;"
            + " --start-type reload-target loads every table again";
      }
      if (move == Move.RESUME_PROCESSING && unit.migrationType() == MigrationType.FULL_LOAD) {
        return "resume-processing does not apply to a full-load serverless replication;"
            + " --start-type reload-target loads every table again";
      }
      return null;
    }
  }

  /**
   * Full-load progress and table counts; any may be null when DMS reports none.
   *
   * @param percent full-load progress in percent
   */
  public record Progress(
      Integer percent,
      Integer tablesLoaded,
      Integer tablesLoading,
      Integer tablesQueued,
      Integer tablesErrored) {
    public static final Progress NONE = new Progress(null, null, null, null, null);
  }

  /**
   * Whether it ran before, by the evidence the API documents: a fresh or resumed start date, or a
   * stop. ({@code ReplicationTaskStartDate} is the scheduled start, not evidence.)
   */
  public boolean ranBefore() {
    return freshStartDate != null
        || startDate != null
        || lifecycle == Lifecycle.STOPPED
        || lifecycle == Lifecycle.STOPPING;
  }

  /**
   * Whether DMS would resume it once stopped ({@code resume-processing}): not a full-load
   * serverless replication.
   */
  public boolean resumable() {
    return kind.refusal(Move.RESUME_PROCESSING, this) == null;
  }

  /** The same unit with CloudWatch logging on, as after a modify that turned it on. */
  ReplicationUnit withLogging() {
    return new ReplicationUnit(
        identifier,
        arn,
        kind,
        status,
        lifecycle,
        migrationType,
        stopReason,
        freshStartDate,
        startDate,
        stopDate,
        progress,
        lastFailure,
        recoveryCheckpoint,
        Boolean.TRUE,
        provisioning);
  }

  /**
   * The token of a stop reason as DMS writes it: {@code Stop Reason NORMAL} gives {@code NORMAL}.
   */
  public static String stopReasonToken(String stopReason) {
    if (stopReason == null || stopReason.isBlank()) {
      return null;
    }
    String text = stopReason.trim();
    int space = text.lastIndexOf(' ');
    return space < 0 ? text : text.substring(space + 1);
  }
}
