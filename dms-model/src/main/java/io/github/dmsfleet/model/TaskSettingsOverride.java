package io.github.dmsfleet.model;

import java.nio.file.Path;
import org.immutables.value.Value;

/**
 * A database's own task settings, validated: a JSON object that is merged over the fleet's task
 * settings (objects key by key, other values replacing).
 */
@Value.Immutable
public interface TaskSettingsOverride {
  /** The file in {@code dms_task_settings/} it was read from. */
  Path file();

  /** The JSON as the file holds it. */
  String json();
}
