package io.github.dmsfleet.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Parses a config value into one of an enum's constants by its config spelling. */
final class Choices {
  private Choices() {}

  static <E extends Enum<E>> E parse(Class<E> type, String text, Function<E, String> spelling) {
    String wanted = text.trim().toLowerCase(Locale.ROOT);
    E[] constants = type.getEnumConstants();
    return Arrays.stream(constants)
        .filter(c -> spelling.apply(c).equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "'"
                        + text
                        + "' is not one of "
                        + Arrays.stream(constants)
                            .map(spelling)
                            .collect(Collectors.joining(", "))));
  }
}
