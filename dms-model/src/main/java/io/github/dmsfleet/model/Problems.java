package io.github.dmsfleet.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects problems while a file is read, so that all of them are reported at once; the same
 * problem found twice (a fleet setting that fails for several databases) is reported once.
 */
final class Problems {
  private final Set<Problem> errors = new LinkedHashSet<>();
  private final Set<Problem> warnings = new LinkedHashSet<>();
  private int errorsFound;

  void error(Problem problem) {
    errorsFound++;
    errors.add(problem);
  }

  void warning(Problem problem) {
    warnings.add(problem);
  }

  /**
   * How many errors were found, a repeated one each time, so that a reader can tell whether the row
   * it reads had one.
   */
  int errorCount() {
    return errorsFound;
  }

  List<Problem> warnings() {
    return List.copyOf(warnings);
  }

  /** Throws a {@link ConfigException} listing every error, if there is any. */
  void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new ConfigException(List.copyOf(errors));
    }
  }
}
