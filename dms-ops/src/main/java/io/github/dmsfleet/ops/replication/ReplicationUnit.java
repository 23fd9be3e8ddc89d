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
 */
public record ReplicationUnit(
    String identifier,
    String arn,
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
    Boolean loggingEnabled) {

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
