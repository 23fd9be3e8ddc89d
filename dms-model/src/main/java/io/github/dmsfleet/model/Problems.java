package io.github.dmsfleet.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects problems while a file is read, so that all of them are reported at once; the same
 * problem found twice (a fleet setting that fails for several databases) is reported once.
 */
final class Problems {
  private final List<Problem> errors = new ArrayList<>();
  private final List<Problem> warnings = new ArrayList<>();

  void error(Problem problem) {
    if (!errors.contains(problem)) {
      errors.add(problem);
    }
  }

  void warning(Problem problem) {
    if (!warnings.contains(problem)) {
      warnings.add(problem);
    }
  }

  int errorCount() {
    return errors.size();
  }

  List<Problem> warnings() {
    return List.copyOf(warnings);
  }

  /** Throws a {@link ConfigException} listing every error, if there is any. */
  void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new ConfigException(errors);
    }
  }
}
