package io.github.dmsfleet.constructs.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The JSON documents of a replication (task or serverless replication config): its table mappings
 * and its settings.
 */
public final class TaskJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<String> LOG_COMPONENTS =
      List.of("SOURCE_UNLOAD", "SOURCE_CAPTURE", "TARGET_LOAD", "TARGET_APPLY", "TASK_MANAGER");
  private static final int SHOWN_CHARACTERS = 120;

  private TaskJson() {}

  /** Table mappings that replicate every table of every schema. */
  public static String includeAllTables() {
    return includeTables("include-all-tables", "%");
  }

  /**
   * Table mappings that replicate every table of one schema; for MySQL-compatible sources, where a
   * database is a schema, that database.
   */
  public static String includeSchema(String schema) {
    return includeTables("include-database", schema);
  }

  private static String includeTables(String ruleName, String schema) {
    ObjectNode rule =
        MAPPER
            .createObjectNode()
            .put("rule-type", "selection")
            .put("rule-id", "1")
            .put("rule-name", ruleName)
            .put("rule-action", "include");
    rule.putObject("object-locator").put("schema-name", schema).put("table-name", "%");
    ObjectNode mappings = MAPPER.createObjectNode();
    mappings.putArray("rules").add(rule);
    return write(mappings);
  }

  /** Reports task settings that are not a JSON object. */
  public static void checkTaskSettings(Problems problems, String name, String json) {
    try {
      JsonNode node = json == null ? null : MAPPER.readTree(json);
      if (node != null && node.isObject()) {
        return;
      }
    } catch (JsonProcessingException e) {
      // reported below, with the value
    }
    problems.add("'" + name + "' must be a JSON object, got " + shorten(json));
  }

  /**
   * Task settings that turn on CloudWatch logging for the standard log components, with each of
   * {@code overrides} (JSON objects, or null) merged over them in turn: objects merge key by key,
   * any other value replaces.
   */
  public static String taskSettings(String... overrides) {
    ObjectNode logging = MAPPER.createObjectNode().put("EnableLogging", true);
    ArrayNode components = logging.putArray("LogComponents");
    LOG_COMPONENTS.forEach(
        id -> components.addObject().put("Id", id).put("Severity", "LOGGER_SEVERITY_DEFAULT"));
    ObjectNode settings = MAPPER.createObjectNode();
    settings.set("Logging", logging);
    for (String override : overrides) {
      if (override != null) {
        merge(settings, read(override));
      }
    }
    return write(settings);
  }

  /**
   * A JSON object as nested maps and lists, for CloudFormation properties that take JSON rather
   * than a string of it (a replication config's table mappings and settings).
   */
  public static Map<String, Object> toObject(String json) {
    return MAPPER.convertValue(read(json), new TypeReference<Map<String, Object>>() {});
  }

  private static void merge(ObjectNode base, JsonNode overrides) {
    for (Map.Entry<String, JsonNode> field : overrides.properties()) {
      JsonNode current = base.get(field.getKey());
      if (current instanceof ObjectNode currentObject && field.getValue().isObject()) {
        merge(currentObject, field.getValue());
      } else {
        base.set(field.getKey(), field.getValue());
      }
    }
  }

  private static JsonNode read(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Invalid JSON: " + shorten(json), e);
    }
  }

  private static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String shorten(String json) {
    if (json == null) {
      return "null";
    }
    String oneLine = json.replaceAll("\\s+", " ").trim();
    return oneLine.length() <= SHOWN_CHARACTERS
        ? oneLine
        : oneLine.substring(0, SHOWN_CHARACTERS) + "...";
  }
}
