package io.github.dmsfleet.rules;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a DMS table-mapping JSON document as DMS would take it: JSON syntax, no duplicate keys, a
 * non-empty {@code rules} array with a selection rule that includes something, unique {@code
 * rule-id}s and {@code rule-name}s, known rule types and actions, the {@code object-locator} fields
 * each rule needs, and no wildcard in an explicit selection.
 *
 * <pre>{@code
 * List<Finding> findings = TableMappings.validate(json); // empty when DMS would take it
 * }</pre>
 */
public final class TableMappings {
  private static final ObjectMapper MAPPER = JsonDocuments.MAPPER;
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");

  private static final Map<String, Set<String>> ACTIONS_BY_RULE_TYPE =
      Map.of(
          "selection", Set.of("include", "exclude", "explicit"),
          "transformation",
              Set.of(
                  "rename",
                  "remove-column",
                  "convert-lowercase",
                  "convert-uppercase",
                  "add-prefix",
                  "remove-prefix",
                  "replace-prefix",
                  "add-suffix",
                  "remove-suffix",
                  "replace-suffix",
                  "define-primary-key",
                  "change-data-type",
                  "add-column",
                  "include-column",
                  "exclude-column",
                  "add-before-image-columns",
                  "data-masking-digits-mask",
                  "data-masking-digits-randomize",
                  "data-masking-hash-mask"),
          "table-settings", Set.of(),
          "post-processing", Set.of("add-tag"));

  /** The {@code object-locator} fields each transformation target needs. */
  private static final Map<String, List<String>> LOCATOR_BY_TARGET =
      Map.of(
          "schema", List.of("schema-name"),
          "table", List.of("schema-name", "table-name"),
          "column", List.of("schema-name", "table-name", "column-name"),
          "index-tablespace", List.of("schema-name", "table-name"),
          "table-tablespace", List.of("schema-name", "table-name"));

  private record Rule(int line, JsonNode node) {}

  private final List<Finding> findings = new ArrayList<>();

  private TableMappings() {}

  /**
   * Everything wrong with the JSON text, each on the line of the rule it is in; empty when it is a
   * usable table mapping.
   */
  public static List<Finding> validate(String json) {
    TableMappings mappings = new TableMappings();
    mappings.check(json);
    return List.copyOf(mappings.findings);
  }

  private void check(String json) {
    List<Rule> rules;
    try {
      rules = readRules(json);
    } catch (JsonProcessingException e) {
      findings.add(JsonDocuments.syntaxError(e));
      return;
    } catch (IOException e) {
      error(0, "cannot be read: " + e.getMessage());
      return;
    }
    if (rules == null) {
      error(0, "has no \"rules\" array; a table mapping is {\"rules\": [ ... ]}");
      return;
    }
    if (rules.isEmpty()) {
      error(0, "\"rules\" is empty; add at least one selection rule that includes tables");
      return;
    }
    Map<String, Integer> ids = new HashMap<>();
    Map<String, Integer> names = new HashMap<>();
    boolean includesSomething = false;
    for (Rule rule : rules) {
      includesSomething |= checkRule(rule, ids, names);
    }
    if (!includesSomething) {
      error(
          0,
          "no selection rule includes anything; add a rule with \"rule-type\":"
              + " \"selection\" and \"rule-action\": \"include\" or \"explicit\"");
    }
  }

  /**
   * Reads the document, keeping each rule's starting line; null when there is no {@code rules}
   * array.
   */
  private static List<Rule> readRules(String json) throws IOException {
    try (JsonParser parser = MAPPER.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new JsonParseException(
            parser, "a table mapping must be a JSON object such as {\"rules\": [ ... ]}");
      }
      List<Rule> rules = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if ("rules".equals(field) && value == JsonToken.START_ARRAY) {
          rules = new ArrayList<>();
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            int line = parser.currentTokenLocation().getLineNr();
            rules.add(new Rule(line, MAPPER.readTree(parser)));
          }
        } else {
          parser.skipChildren();
        }
      }
      if (parser.nextToken() != null) {
        throw new JsonParseException(parser, "unexpected content after the JSON object");
      }
      return rules;
    }
  }

  /** Checks one rule; returns whether it is a selection that includes something. */
  private boolean checkRule(Rule rule, Map<String, Integer> ids, Map<String, Integer> names) {
    JsonNode node = rule.node();
    int line = rule.line();
    if (!node.isObject()) {
      error(line, "a rule must be a JSON object, got " + node);
      return false;
    }
    checkUnique(line, node, "rule-id", ids, true);
    checkUnique(line, node, "rule-name", names, false);

    String type = text(node, "rule-type");
    if (type == null) {
      error(line, "rule lacks \"rule-type\"; use one of " + sorted(ACTIONS_BY_RULE_TYPE.keySet()));
      return false;
    }
    Set<String> actions = ACTIONS_BY_RULE_TYPE.get(type);
    if (actions == null) {
      error(
          line,
          "unknown \"rule-type\" '"
              + type
              + "'; use one of "
              + sorted(ACTIONS_BY_RULE_TYPE.keySet()));
      return false;
    }
    String action = text(node, "rule-action");
    if (!actions.isEmpty()) {
      if (action == null) {
        error(line, type + " rule lacks \"rule-action\"; use one of " + sorted(actions));
        return false;
      }
      if (!actions.contains(action)) {
        error(
            line,
            "unknown \"rule-action\" '"
                + action
                + "' for a "
                + type
                + " rule; use one of "
                + sorted(actions));
        return false;
      }
    }
    JsonNode locator = node.get("object-locator");
    List<String> needed =
        switch (type) {
          case "selection", "table-settings" -> List.of("schema-name", "table-name");
          case "transformation" ->
              LOCATOR_BY_TARGET.getOrDefault(text(node, "rule-target"), List.of("schema-name"));
          default -> List.of();
        };
    if (!needed.isEmpty() && (locator == null || !locator.isObject())) {
      error(line, type + " rule lacks \"object-locator\" with " + String.join(", ", needed));
      return false;
    }
    for (String field : needed) {
      String value = text(locator, field);
      if (value == null || value.isEmpty()) {
        error(line, type + " rule's \"object-locator\" lacks \"" + field + "\"");
      }
    }
    if ("explicit".equals(action)) {
      for (String field : needed) {
        String value = text(locator, field);
        if (value != null && value.contains("%")) {
          error(
              line,
              "explicit selection cannot use the wildcard '%' in \""
                  + field
                  + "\" ('"
                  + value
                  + "'); name the object exactly or use \"rule-action\": \"include\"");
        }
      }
    }
    return "selection".equals(type) && ("include".equals(action) || "explicit".equals(action));
  }

  private void checkUnique(
      int line, JsonNode rule, String field, Map<String, Integer> seen, boolean numeric) {
    JsonNode value = rule.get(field);
    if (value == null || !value.isTextual() || value.asText().isEmpty()) {
      String example = numeric ? "\"1\"" : "\"include-dbo\"";
      error(
          line,
          "rule lacks \""
              + field
              + "\" as a string, such as \""
              + field
              + "\": "
              + example
              + (value == null ? "" : "; got " + value));
      return;
    }
    String text = value.asText();
    if (numeric && !DIGITS.matcher(text).matches()) {
      error(line, "\"rule-id\" must be a string of digits, got \"" + text + "\"");
      return;
    }
    Integer earlier = seen.putIfAbsent(text, line);
    if (earlier != null) {
      error(
          line,
          "\""
              + field
              + "\" \""
              + text
              + "\" is already used by the rule on line "
              + earlier
              + "; each rule needs its own");
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  private static String sorted(Set<String> values) {
    return String.join(", ", values.stream().sorted().toList());
  }

  private void error(int line, String message) {
    findings.add(new Finding(line, message));
  }
}
