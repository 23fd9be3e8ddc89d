package io.github.dmsfleet.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The config is invalid; {@link #problems()} lists everything wrong with it, not only the first.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public ConfigException(List<Problem> problems) {
    super(describe(problems));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String describe(List<Problem> problems) {
    String noun = problems.size() == 1 ? "problem" : "problems";
    return "The config has "
        + problems.size()
        + " "
        + noun
        + ":\n"
        + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
  }
}
