package io.github.dmsfleet.model;

import io.github.dmsfleet.rules.DmsNames;

/**
 * The one rule that turns config names into legal DMS identifiers; it lives in {@link DmsNames},
 * which the constructs use too.
 */
public final class Identifiers {
  private Identifiers() {}

  /** Applies the rule to the parts, joined with hyphens; see {@link DmsNames#identifier}. */
  public static String of(String... parts) {
    return DmsNames.identifier(parts);
  }
}
