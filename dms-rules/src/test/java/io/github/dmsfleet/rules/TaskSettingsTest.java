package io.github.dmsfleet.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TaskSettingsTest {
  /** Each finding as {@code line: message}, or {@code message} for the whole document. */
  private static List<String> problemsOf(String json) {
    return TaskSettings.validate(json).stream()
        .map(f -> f.line() > 0 ? f.line() + ": " + f.message() : f.message())
        .toList();
  }

  @Test
  void acceptsEverySectionDmsTakesAndLoggingThatStaysOn() {
    assertThat(
            problemsOf(
                """
                {
                  "FullLoadSettings": {"MaxFullLoadSubTasks": 16},
                  "Logging": {"EnableLogging": true, "LogComponents": []},
                  "ValidationSettings": {"EnableValidation": true},
                  "BeforeImageSettings": null,
                  "FailTaskWhenCleanTaskResourceFailed": false
                }
                """))
        .isEmpty();
  }

  @Test
  void reportsJsonSyntaxWithLineAndColumn() {
    assertThat(problemsOf("{\n  \"FullLoadSettings\": {\"CommitRate\": 10000,}\n}\n"))
        .containsExactly(
            "2: invalid JSON (column 44): Unexpected character ('}' (code 125)): was expecting"
                + " double-quote to start field name");
  }

  @Test
  void refusesDuplicateKeysAndAnythingButAnObject() {
    assertThat(problemsOf("{\n\"ErrorBehavior\": {},\n\"ErrorBehavior\": {}\n}"))
        .containsExactly("3: invalid JSON (column 16): Duplicate field 'ErrorBehavior'");
    assertThat(problemsOf("[1]"))
        .containsExactly(
            "1: invalid JSON (column 2): task settings must be a JSON object such as"
                + " {\"FullLoadSettings\": { ... }}");
  }

  @Test
  void anUnknownSectionSuggestsTheNearestKnownOne() {
    assertThat(problemsOf("{\n  \"FullLoadSetings\": {}\n}"))
        .containsExactly(
            "2: unknown section \"FullLoadSetings\"; did you mean 'FullLoadSettings'?");
  }

  @Test
  void loggingCannotBeTurnedOffOrPointedElsewhere() {
    assertThat(
            problemsOf(
                """
                {
                  "Logging": {
                    "EnableLogging": false,
                    "CloudWatchLogGroup": "mine"
                  }
                }
                """))
        .containsExactly(
            "3: \"Logging.EnableLogging\" must stay true: the fleet's task logs and error alarms"
                + " depend on it; remove the key",
            "4: \"Logging.CloudWatchLogGroup\" is set by DMS and refused when a task is created;"
                + " remove the key");
    assertThat(problemsOf("{\"Logging\": null}"))
        .containsExactly(
            "1: \"Logging\" must be an object: the fleet turns task logging on and a task's"
                + " settings may tune it but not remove it");
  }
}
