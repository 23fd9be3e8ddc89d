package io.github.dmsfleet.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableMappingsTest {
  /** Each finding as {@code line: message}, or {@code message} for the whole document. */
  private static List<String> problemsOf(String json) {
    return TableMappings.validate(json).stream()
        .map(f -> f.line() > 0 ? f.line() + ": " + f.message() : f.message())
        .toList();
  }

  private static String rules(String... rules) {
    return "{\n  \"rules\": [\n" + String.join(",\n", rules) + "\n  ]\n}\n";
  }

  private static String selection(String id, String name, String action, String table) {
    return "    {\"rule-type\": \"selection\", \"rule-id\": \""
        + id
        + "\", \"rule-name\": \""
        + name
        + "\", \"object-locator\": {\"schema-name\": \"dbo\", \"table-name\": \""
        + table
        + "\"},"
        + " \"rule-action\": \""
        + action
        + "\"}";
  }

  @Test
  void acceptsSelectionTransformationAndTableSettingsRules() {
    assertThat(
            problemsOf(
                rules(
                    selection("1", "include-all", "include", "%"),
                    "    {\"rule-type\": \"transformation\", \"rule-id\": \"2\", \"rule-name\": \"lower\", \"rule-target\":"
                        + " \"table\", \"object-locator\": {\"schema-name\": \"dbo\", \"table-name\": \"%\"},"
                        + " \"rule-action\": \"convert-lowercase\"}",
                    "    {\"rule-type\": \"table-settings\", \"rule-id\": \"3\", \"rule-name\": \"parallel\","
                        + " \"object-locator\": {\"schema-name\": \"dbo\", \"table-name\": \"orders\"},"
                        + " \"parallel-load\": {\"type\": \"partitions-auto\"}}")))
        .isEmpty();
  }

  @Test
  void aSyntaxErrorNamesLineAndColumn() {
    assertThat(problemsOf("{\n  \"rules\": [\n    {\"rule-type\": \"selection\",}\n  ]\n}\n"))
        .containsExactly(
            "3: invalid JSON (column 31): Unexpected character ('}' (code 125)): was expecting double-quote to"
                + " start field name");
  }

  @Test
  void duplicateKeysAreRejected() {
    assertThat(
            problemsOf(
                "{\n  \"rules\": [\n    {\"rule-id\": \"1\",\n     \"rule-id\": \"2\"}\n  ]\n}\n"))
        .containsExactly("4: invalid JSON (column 15): Duplicate field 'rule-id'");
  }

  @Test
  void rulesMustBeANonEmptyArray() {
    assertThat(problemsOf("{\"rule\": []}"))
        .containsExactly("has no \"rules\" array; a table mapping is {\"rules\": [ ... ]}");
    assertThat(problemsOf("{\"rules\": []}"))
        .containsExactly(
            "\"rules\" is empty; add at least one selection rule that includes tables");
  }

  @Test
  void someSelectionMustIncludeSomething() {
    assertThat(problemsOf(rules(selection("1", "drop-logs", "exclude", "log%"))))
        .containsExactly(
            "no selection rule includes anything; add a rule with \"rule-type\": \"selection\" and"
                + " \"rule-action\": \"include\" or \"explicit\"");
  }

  @Test
  void ruleIdsAreUniqueDigitStringsAndNamesAreUnique() {
    assertThat(
            problemsOf(
                rules(
                    selection("1", "a", "include", "%"),
                    selection("1", "a", "include", "x"),
                    selection("three", "b", "include", "y"),
                    "    {\"rule-type\": \"selection\", \"rule-id\": 4, \"rule-name\": \"c\", \"object-locator\":"
                        + " {\"schema-name\": \"dbo\", \"table-name\": \"z\"}, \"rule-action\": \"include\"}")))
        .containsExactly(
            "4: \"rule-id\" \"1\" is already used by the rule on line 3; each rule needs its own",
            "4: \"rule-name\" \"a\" is already used by the rule on line 3; each rule needs its own",
            "5: \"rule-id\" must be a string of digits, got \"three\"",
            "6: rule lacks \"rule-id\" as a string, such as \"rule-id\": \"1\"; got 4");
  }

  @Test
  void unknownRuleTypesAndActionsListTheKnownOnes() {
    assertThat(
            problemsOf(
                rules(
                    selection("1", "a", "include", "%"),
                    selection("2", "b", "inclde", "x"),
                    "    {\"rule-type\": \"selektion\", \"rule-id\": \"3\", \"rule-name\": \"c\"}")))
        .containsExactly(
            "4: unknown \"rule-action\" 'inclde' for a selection rule; use one of exclude, explicit, include",
            "5: unknown \"rule-type\" 'selektion'; use one of post-processing, selection, table-settings,"
                + " transformation");
  }

  @Test
  void theObjectLocatorNeedsTheFieldsOfItsRule() {
    assertThat(
            problemsOf(
                rules(
                    selection("1", "a", "include", "%"),
                    "    {\"rule-type\": \"selection\", \"rule-id\": \"2\", \"rule-name\": \"b\", \"rule-action\": \"include\"}",
                    "    {\"rule-type\": \"transformation\", \"rule-id\": \"3\", \"rule-name\": \"c\", \"rule-target\":"
                        + " \"column\", \"object-locator\": {\"schema-name\": \"dbo\", \"table-name\": \"t\"},"
                        + " \"rule-action\": \"remove-column\"}")))
        .containsExactly(
            "4: selection rule lacks \"object-locator\" with schema-name, table-name",
            "5: transformation rule's \"object-locator\" lacks \"column-name\"");
  }

  @Test
  void explicitSelectionsUseNoWildcards() {
    assertThat(problemsOf(rules(selection("1", "a", "explicit", "orders%"))))
        .containsExactly(
            "3: explicit selection cannot use the wildcard '%' in \"table-name\" ('orders%'); name the object"
                + " exactly or use \"rule-action\": \"include\"");
  }
}
