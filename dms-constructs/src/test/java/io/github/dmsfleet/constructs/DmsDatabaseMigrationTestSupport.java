package io.github.dmsfleet.constructs;

import java.util.Map;
import software.amazon.awscdk.assertions.Template;

/** Reads the task of a template with one task. */
final class DmsDatabaseMigrationTestSupport {
  private DmsDatabaseMigrationTestSupport() {}

  @SuppressWarnings("unchecked")
  static String taskProperty(Template template, String name) {
    Map<String, Object> task =
        template.findResources("AWS::DMS::ReplicationTask").values().iterator().next();
    return (String) ((Map<String, Object>) task.get("Properties")).get(name);
  }
}
