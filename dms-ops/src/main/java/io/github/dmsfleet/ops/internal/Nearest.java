package io.github.dmsfleet.ops.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The names closest to a misspelt one, for "did you mean" hints that stay one line long. */
public final class Nearest {
  private Nearest() {}

  /** Up to {@code count} candidates, nearest first by edit distance (case aside), then by name. */
  public static List<String> to(String wrong, Collection<String> candidates, int count) {
    String target = wrong.toLowerCase(Locale.ROOT);
    return candidates.stream()
        .distinct()
        .sorted(
            Comparator.comparingInt((String c) -> editDistance(target, c.toLowerCase(Locale.ROOT)))
                .thenComparing(Comparator.naturalOrder()))
        .limit(count)
        .toList();
  }

  /** Levenshtein distance, one row at a time. */
  static int editDistance(String a, String b) {
    int[] row = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      row[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int diagonal = row[0];
      row[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int above = row[j];
        row[j] =
            Math.min(
                diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1),
                Math.min(above + 1, row[j - 1] + 1));
        diagonal = above;
      }
    }
    return row[b.length()];
  }
}
