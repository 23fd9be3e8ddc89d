package io.github.dmsfleet.ops.internal.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** Reads and edits a task's {@code ReplicationTaskSettings} JSON. */
public final class TaskSettings {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Keys DMS returns but rejects in a modify, by section. */
  private static final Map<String, String[]> READ_ONLY =
      Map.of(
          "Logging", new String[] {"CloudWatchLogGroup", "CloudWatchLogStream", "EnableLogContext"},
          "ControlTablesSettings", new String[] {"historyTimeslotInMinutes"});

  private TaskSettings() {}

  public static boolean loggingEnabled(String settings) {
    return parse(settings).path("Logging").path("EnableLogging").asBoolean(false);
  }

  /** The settings with CloudWatch logging on and the read-only keys removed, ready for a modify. */
  public static String withLoggingEnabled(String settings) {
    ObjectNode root = parse(settings);
    READ_ONLY.forEach(
        (section, keys) -> {
          if (root.get(section) instanceof ObjectNode node) {
            node.remove(List.of(keys));
          }
        });
    JsonNode logging = root.get("Logging");
    ObjectNode editable = logging instanceof ObjectNode node ? node : root.putObject("Logging");
    editable.put("EnableLogging", true);
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write task settings", e);
    }
  }

  private static ObjectNode parse(String settings) {
    if (settings == null || settings.isBlank()) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(settings) instanceof ObjectNode node ? node : JSON.createObjectNode();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "task settings are not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
