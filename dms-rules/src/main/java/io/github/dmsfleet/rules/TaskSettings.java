package io.github.dmsfleet.rules;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a replication task's settings JSON that is merged over the fleet's own: JSON syntax, no
 * duplicate keys, only the top-level sections DMS task settings have, and logging left on (the
 * fleet's task logs, metric filters and alarms depend on it).
 *
 * <pre>{@code
 * List<Finding> findings = TaskSettings.validate(json); // empty when it is usable
 * }</pre>
 */
public final class TaskSettings {
  /**
   * The top-level sections of DMS task settings, as the DMS User Guide's "Specifying task settings"
   * and "Saving task settings" pages list them.
   */
  public static final List<String> SECTIONS =
      List.of(
          "TargetMetadata",
          "FullLoadSettings",
          "TTSettings",
          "Logging",
          "ControlTablesSettings",
          "StreamBufferSettings",
          "ChangeProcessingTuning",
          "ChangeProcessingDdlHandlingPolicy",
          "ValidationSettings",
          "ResyncSettings",
          "ErrorBehavior",
          "CharacterSetSettings",
          "BeforeImageSettings",
          "LoopbackPreventionSettings",
          "PostProcessingRules",
          "FailTaskWhenCleanTaskResourceFailed");

  /** Logging keys DMS sets itself and refuses when a task is created. */
  private static final List<String> SET_BY_DMS =
      List.of("CloudWatchLogGroup", "CloudWatchLogStream");

  private final List<Finding> findings = new ArrayList<>();

  private TaskSettings() {}

  /** Everything wrong with the JSON text, each on its line; empty when it is usable. */
  public static List<Finding> validate(String json) {
    TaskSettings settings = new TaskSettings();
    try (JsonParser parser = JsonDocuments.MAPPER.createParser(json)) {
      settings.check(parser);
    } catch (JsonProcessingException e) {
      settings.findings.add(JsonDocuments.syntaxError(e));
    } catch (IOException e) {
      settings.findings.add(new Finding(0, "cannot be read: " + e.getMessage()));
    }
    return List.copyOf(settings.findings);
  }

  private void check(JsonParser parser) throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      throw new JsonParseException(
          parser, "task settings must be a JSON object such as {\"FullLoadSettings\": { ... }}");
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String section = parser.currentName();
      int line = parser.currentTokenLocation().getLineNr();
      JsonToken value = parser.nextToken();
      if ("Logging".equals(section)) {
        checkLogging(parser, line, value);
      } else {
        if (!SECTIONS.contains(section)) {
          findings.add(
              new Finding(
                  line,
                  "unknown section \""
                      + section
                      + "\"; "
                      + Suggestions.didYouMean(section, SECTIONS)));
        }
        parser.skipChildren();
      }
    }
    if (parser.nextToken() != null) {
      throw new JsonParseException(parser, "unexpected content after the JSON object");
    }
  }

  private void checkLogging(JsonParser parser, int line, JsonToken value) throws IOException {
    if (value != JsonToken.START_OBJECT) {
      findings.add(
          new Finding(
              line,
              "\"Logging\" must be an object: the fleet turns task logging on and a task's"
                  + " settings may tune it but not remove it"));
      parser.skipChildren();
      return;
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      int keyLine = parser.currentTokenLocation().getLineNr();
      JsonToken setting = parser.nextToken();
      if ("EnableLogging".equals(key) && setting != JsonToken.VALUE_TRUE) {
        findings.add(
            new Finding(
                keyLine,
                "\"Logging.EnableLogging\" must stay true: the fleet's task logs and error alarms"
                    + " depend on it; remove the key"));
      } else if (SET_BY_DMS.contains(key)) {
        findings.add(
            new Finding(
                keyLine,
                "\"Logging."
                    + key
                    + "\" is set by DMS and refused when a task is created; remove the key"));
      }
      parser.skipChildren();
    }
  }
}
