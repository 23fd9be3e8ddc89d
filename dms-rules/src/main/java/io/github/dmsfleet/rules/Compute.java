package io.github.dmsfleet.rules;

import java.util.Map;

/**
 * What runs a server's replications: a replication instance that the fleet sizes, or DMS
 * Serverless, which provisions and scales capacity per replication.
 */
public enum Compute {
  /** A replication instance runs a task per database. */
  INSTANCE("instance"),
  /** A DMS Serverless replication config per database, scaled in DMS capacity units. */
  SERVERLESS("serverless");

  private final String value;

  Compute(String value) {
    this.value = value;
  }

  /** The config's spelling, such as {@code serverless}. */
  public String value() {
    return value;
  }

  /** The compute of that value, in any case; throws, listing the values, for any other. */
  public static Compute fromValue(String text) {
    return Spellings.parse(Compute.class, text, Compute::value, Map.of());
  }
}
