package io.github.dmsfleet.rules;

import java.util.List;
import java.util.stream.Collectors;

/** Rules for DMS Serverless replications. */
public final class Serverless {
  /**
   * The capacities DMS takes for {@code MinCapacityUnits} and {@code MaxCapacityUnits}, in DMS
   * capacity units (DCU, 2 GiB of memory each), as the DMS API reference lists them.
   */
  public static final List<Integer> CAPACITY_UNITS =
      List.of(1, 2, 4, 8, 16, 32, 64, 128, 192, 256, 384);

  private Serverless() {}

  /** Whether DMS takes that many capacity units. */
  public static boolean isCapacityUnits(int units) {
    return CAPACITY_UNITS.contains(units);
  }

  /** What a capacity must be, phrased to follow "must be". */
  public static String expectedCapacityUnits() {
    return "one of "
        + CAPACITY_UNITS.stream().map(String::valueOf).collect(Collectors.joining(", "))
        + " DMS capacity units";
  }
}
