package io.github.dmsfleet.ops.replication;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dmsfleet.rules.MigrationType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The decision table, case by case, over every status and stop reason DMS documents. */
class StartRuleTest {
  private static final Instant BEFORE = Instant.parse("2026-01-01T00:00:00Z");

  static List<Arguments> everyStatusWithoutAStopReason() {
    return List.of(
        Arguments.of("running", true, StartRule.ACTIVE),
        Arguments.of("starting", true, StartRule.ACTIVE),
        Arguments.of("creating", false, StartRule.CHANGING),
        Arguments.of("modifying", true, StartRule.CHANGING),
        Arguments.of("stopping", true, StartRule.CHANGING),
        Arguments.of("testing", false, StartRule.CHANGING),
        Arguments.of("moving", true, StartRule.CHANGING),
        Arguments.of("deleting", true, StartRule.UNAVAILABLE),
        Arguments.of("failed-move", true, StartRule.UNAVAILABLE),
        Arguments.of("something-new", true, StartRule.UNAVAILABLE),
        Arguments.of("ready", false, StartRule.NEVER_RAN),
        Arguments.of("failed", false, StartRule.NEVER_RAN),
        Arguments.of("ready", true, StartRule.STOPPED),
        Arguments.of("failed", true, StartRule.STOPPED),
        Arguments.of("stopped", true, StartRule.STOPPED));
  }

  @ParameterizedTest(name = "{0}, ran before {1}: {2}")
  @MethodSource("everyStatusWithoutAStopReason")
  void eachStatusFallsInItsRow(String status, boolean ranBefore, StartRule expected) {
    for (MigrationType type : MigrationType.values()) {
      assertThat(StartRule.of(unit(status, type, null, ranBefore))).isEqualTo(expected);
    }
  }

  static List<Arguments> everyStopReason() {
    List<Arguments> cases = new ArrayList<>();
    for (MigrationType type : MigrationType.values()) {
      boolean fullLoad = type == MigrationType.FULL_LOAD;
      for (String reason :
          List.of(
              "FULL_LOAD_ONLY_FINISHED",
              "STOPPED_AFTER_FULL_LOAD",
              "STOPPED_AFTER_CACHED_EVENTS")) {
        cases.add(
            Arguments.of(
                type,
                reason,
                fullLoad ? StartRule.FULL_LOAD_DONE : StartRule.PAUSED_AFTER_FULL_LOAD));
      }
      for (String reason :
          List.of("STOPPED_AT_SERVER_TIME", "STOPPED_AT_COMMIT_TIME", "STOPPED_AFTER_DDL_APPLY")) {
        cases.add(Arguments.of(type, reason, StartRule.STOP_POINT));
      }
      for (String reason :
          List.of(
              "NORMAL",
              "RECOVERABLE_ERROR",
              "FATAL_ERROR",
              "STOPPED_DUE_TO_LOW_MEMORY",
              "STOPPED_DUE_TO_LOW_DISK",
              "EXPRESS_LICENSE_LIMITS_REACHED",
              "RECONFIGURATION_RESTART",
              "RECYCLE_TASK")) {
        cases.add(Arguments.of(type, reason, StartRule.STOPPED));
      }
    }
    return cases;
  }

  @ParameterizedTest(name = "{0} stopped with {1}: {2}")
  @MethodSource("everyStopReason")
  void eachStopReasonFallsInItsRow(MigrationType type, String reason, StartRule expected) {
    ReplicationUnit unit =
        unit("stopped", type, ReplicationUnit.stopReasonToken("Stop Reason " + reason), true);

    assertThat(StartRule.of(unit)).isEqualTo(expected);
  }

  @Test
  void theMovesPerStartType() {
    assertThat(moves(StartRule.ACTIVE))
        .containsExactly(Move.LEAVE, Move.LEAVE, Move.LEAVE, Move.LEAVE);
    assertThat(moves(StartRule.CHANGING))
        .containsExactly(Move.WAIT, Move.WAIT, Move.WAIT, Move.WAIT);
    assertThat(moves(StartRule.NEVER_RAN))
        .containsExactly(Move.START_REPLICATION, Move.START_REPLICATION, Move.REFUSE, Move.REFUSE);
    assertThat(moves(StartRule.FULL_LOAD_DONE))
        .containsExactly(Move.LEAVE, Move.RESTART, Move.RESUME_PROCESSING, Move.RELOAD_TARGET);
    assertThat(moves(StartRule.STOP_POINT))
        .containsExactly(Move.LEAVE, Move.RESTART, Move.RESUME_PROCESSING, Move.RELOAD_TARGET);
    assertThat(moves(StartRule.PAUSED_AFTER_FULL_LOAD))
        .containsExactly(
            Move.RESUME_PROCESSING, Move.RESTART, Move.RESUME_PROCESSING, Move.RELOAD_TARGET);
    assertThat(moves(StartRule.STOPPED))
        .containsExactly(
            Move.RESUME_PROCESSING, Move.RESTART, Move.RESUME_PROCESSING, Move.RELOAD_TARGET);
  }

  @Test
  void autoNeverStartsATaskOver() {
    for (StartRule rule : StartRule.values()) {
      assertThat(rule.move(StartType.AUTO).reloads()).as(rule.name()).isFalse();
    }
  }

  @Test
  void theStopReasonTokenIsMatchedWhateverThePrefix() {
    assertThat(ReplicationUnit.stopReasonToken("Stop Reason FULL_LOAD_ONLY_FINISHED"))
        .isEqualTo("FULL_LOAD_ONLY_FINISHED");
    assertThat(ReplicationUnit.stopReasonToken("NORMAL")).isEqualTo("NORMAL");
    assertThat(ReplicationUnit.stopReasonToken(" ")).isNull();
  }

  @Test
  void theStartDateThatIsOnlyScheduledIsNoEvidence() {
    ReplicationUnit ready = unit("ready", MigrationType.CDC, null, false);

    assertThat(ready.ranBefore()).isFalse();
    assertThat(StartDecision.of(ready, StartType.AUTO).move()).isEqualTo(Move.START_REPLICATION);
  }

  static List<Arguments> everyServerlessStatus() {
    return List.of(
        Arguments.of("created", Lifecycle.READY),
        Arguments.of("initializing", Lifecycle.STARTING),
        Arguments.of("preparing_metadata_resources", Lifecycle.STARTING),
        Arguments.of("testing_connection", Lifecycle.STARTING),
        Arguments.of("fetching_metadata", Lifecycle.STARTING),
        Arguments.of("calculating_capacity", Lifecycle.STARTING),
        Arguments.of("provisioning_capacity", Lifecycle.STARTING),
        Arguments.of("replication_starting", Lifecycle.STARTING),
        Arguments.of("running", Lifecycle.RUNNING),
        Arguments.of("stopping", Lifecycle.STOPPING),
        Arguments.of("stopped", Lifecycle.STOPPED),
        Arguments.of("failed", Lifecycle.FAILED),
        Arguments.of("FAILED_PROVISION", Lifecycle.FAILED),
        Arguments.of("modifying", Lifecycle.CHANGING),
        Arguments.of("deleting", Lifecycle.UNAVAILABLE),
        Arguments.of("something-new", Lifecycle.UNAVAILABLE));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("everyServerlessStatus")
  void eachServerlessStatusHasItsLifecycle(String status, Lifecycle expected) {
    assertThat(ServerlessUnits.lifecycle(status)).isEqualTo(expected);
  }

  @Test
  void aServerlessReplicationIsNeverStartedFreshTwiceNorResumedWhenFullLoad() {
    ReplicationUnit cdc = serverless("stopped", MigrationType.FULL_LOAD_AND_CDC, "NORMAL", true);
    ReplicationUnit fullLoad = serverless("stopped", MigrationType.FULL_LOAD, "NORMAL", true);
    ReplicationUnit created = serverless("created", MigrationType.FULL_LOAD, null, false);

    assertThat(StartDecision.of(cdc, StartType.AUTO).move()).isEqualTo(Move.RESUME_PROCESSING);
    assertThat(StartDecision.of(cdc, StartType.START_REPLICATION).move()).isEqualTo(Move.REFUSE);
    assertThat(StartDecision.of(cdc, StartType.RELOAD_TARGET).move()).isEqualTo(Move.RELOAD_TARGET);
    assertThat(StartDecision.of(fullLoad, StartType.AUTO).move()).isEqualTo(Move.REFUSE);
    assertThat(StartDecision.of(fullLoad, StartType.AUTO).detail())
        .isEqualTo(
            "resume-processing does not apply to a full-load serverless replication;"
                + " --start-type reload-target loads every table again");
    assertThat(StartDecision.of(fullLoad, StartType.RELOAD_TARGET).move())
        .isEqualTo(Move.RELOAD_TARGET);
    assertThat(StartDecision.of(created, StartType.AUTO).move()).isEqualTo(Move.START_REPLICATION);
    assertThat(fullLoad.resumable()).isFalse();
    assertThat(cdc.resumable()).isTrue();
    assertThat(unit("stopped", MigrationType.FULL_LOAD, "NORMAL", true).resumable()).isTrue();
  }

  private static ReplicationUnit serverless(
      String status, MigrationType type, String stopReason, boolean ranBefore) {
    return unit(
        ReplicationUnit.Kind.SERVERLESS,
        status,
        ServerlessUnits.lifecycle(status),
        type,
        stopReason,
        ranBefore);
  }

  private static ReplicationUnit unit(
      ReplicationUnit.Kind kind,
      String status,
      Lifecycle lifecycle,
      MigrationType type,
      String stopReason,
      boolean ranBefore) {
    return new ReplicationUnit(
        "r",
        "arn:r",
        kind,
        status,
        lifecycle,
        type,
        stopReason,
        ranBefore ? BEFORE : null,
        ranBefore ? BEFORE : null,
        null,
        ReplicationUnit.Progress.NONE,
        null,
        null,
        null,
        null);
  }

  private static List<Move> moves(StartRule rule) {
    return List.of(StartType.values()).stream().map(rule::move).toList();
  }

  private static ReplicationUnit unit(
      String status, MigrationType type, String stopReason, boolean ranBefore) {
    return unit(
        ReplicationUnit.Kind.TASK,
        status,
        TaskUnits.lifecycle(status),
        type,
        stopReason,
        ranBefore);
  }
}
