package io.github.dmsfleet.rules;

/**
 * The whole numbers from {@code min} to {@code max}, both included.
 *
 * @param min the smallest allowed
 * @param max the largest allowed
 */
public record Range(int min, int max) {
  public Range {
    if (min > max) {
      throw new IllegalArgumentException("min " + min + " is above max " + max);
    }
  }

  public boolean contains(long value) {
    return value >= min && value <= max;
  }
}
