package io.github.dmsfleet.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Finds an enum constant by the spelling DMS uses for it, in any case. */
final class Spellings {
  private Spellings() {}

  static <E extends Enum<E>> E parse(
      Class<E> type, String text, Function<E, String> spelling, Map<String, E> aliases) {
    String wanted = text.trim().toLowerCase(Locale.ROOT);
    E[] constants = type.getEnumConstants();
    return Arrays.stream(constants)
        .filter(c -> spelling.apply(c).equals(wanted) || aliases.get(wanted) == c)
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
