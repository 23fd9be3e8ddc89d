package io.github.dmsfleet.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Where two syntheses of a fleet differ: each stack's templates compared value by value. */
final class TemplateDiff {
  /**
   * One value that differs, at a JSON path inside a stack's template; {@code before} or {@code
   * after} is null where the value is absent.
   */
  record Difference(String stack, String path, JsonNode before, JsonNode after) {
    /** The stack and the path, as tests name a difference. */
    String where() {
      return stack + " " + path;
    }
  }

  private TemplateDiff() {}

  static List<Difference> between(Map<String, JsonNode> before, Map<String, JsonNode> after) {
    List<Difference> differences = new ArrayList<>();
    for (String stack : new TreeSet<>(union(before.keySet(), after.keySet()))) {
      compare(stack, "", before.get(stack), after.get(stack), differences);
    }
    return differences;
  }

  private static void compare(
      String stack, String path, JsonNode before, JsonNode after, List<Difference> differences) {
    if (before != null && after != null && before.isObject() && after.isObject()) {
      List<String> names = new ArrayList<>();
      before.fieldNames().forEachRemaining(names::add);
      after
          .fieldNames()
          .forEachRemaining(
              name -> {
                if (!before.has(name)) {
                  names.add(name);
                }
              });
      for (String name : new TreeSet<>(names)) {
        compare(stack, path + "/" + name, before.get(name), after.get(name), differences);
      }
    } else if (before != null
        && after != null
        && before.isArray()
        && after.isArray()
        && before.size() == after.size()) {
      for (int i = 0; i < before.size(); i++) {
        compare(stack, path + "/" + i, before.get(i), after.get(i), differences);
      }
    } else if (before == null || !before.equals(after)) {
      differences.add(new Difference(stack, path, before, after));
    }
  }

  private static Set<String> union(Set<String> first, Set<String> second) {
    TreeSet<String> all = new TreeSet<>(first);
    all.addAll(second);
    return all;
  }
}
