package io.github.dmsfleet.ops.internal.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TaskSettingsTest {
  private static final String FROM_DMS =
      "{\"Logging\":{\"EnableLogging\":false,\"EnableLogContext\":false,"
          + "\"CloudWatchLogGroup\":\"dms-tasks-x\",\"CloudWatchLogStream\":\"dms-task-y\",\"LogComponents\":[]},"
          + "\"ControlTablesSettings\":{\"historyTimeslotInMinutes\":5,\"HistoryTimeslotInMinutes\":5},"
          + "\"FullLoadSettings\":{\"MaxFullLoadSubTasks\":8}}";

  @Test
  void enablingLoggingRemovesReadOnlyKeysAndKeepsEverythingElse() {
    String edited = TaskSettings.withLoggingEnabled(FROM_DMS);

    assertThat(TaskSettings.loggingEnabled(edited)).isTrue();
    assertThat(edited)
        .contains(
            "\"LogComponents\":[]", "\"HistoryTimeslotInMinutes\":5", "\"MaxFullLoadSubTasks\":8")
        .doesNotContain(
            "CloudWatchLogGroup",
            "CloudWatchLogStream",
            "EnableLogContext",
            "historyTimeslotInMinutes");
  }

  @Test
  void missingSettingsMeanLoggingIsOff() {
    assertThat(TaskSettings.loggingEnabled(null)).isFalse();
    assertThat(TaskSettings.withLoggingEnabled(null))
        .isEqualTo("{\"Logging\":{\"EnableLogging\":true}}");
  }

  @Test
  void settingsThatAreNotJsonAreRejectedWithTheReason() {
    assertThatThrownBy(() -> TaskSettings.loggingEnabled("{not json"))
        .hasMessageStartingWith("task settings are not" + " JSON");
  }
}
