package io.github.dmsfleet.rules;

import java.util.regex.Pattern;

/** Rules for a replication instance's settings. */
public final class ReplicationInstances {
  /** The instance class, {@code dms.<family>.<size>}. */
  public static final TextRule INSTANCE_CLASS =
      TextRule.matching(
          Pattern.compile("dms\\.[a-z0-9]+\\.[a-z0-9]+"),
          "a DMS instance class such as dms.r5.xlarge");

  /** The weekly maintenance window, in UTC, with real days, hours and minutes. */
  public static final TextRule MAINTENANCE_WINDOW =
      TextRule.matching(
          Pattern.compile(
              "(mon|tue|wed|thu|fri|sat|sun):([01]\\d|2[0-3]):[0-5]\\d"
                  + "-(mon|tue|wed|thu|fri|sat|sun):([01]\\d|2[0-3]):[0-5]\\d"),
          "ddd:hh24:mi-ddd:hh24:mi in UTC, such as sun:04:00-sun:04:30");

  /** Storage for logs and cached changes, in GiB. */
  public static final Range ALLOCATED_STORAGE_GIB = new Range(5, 6144);

  private ReplicationInstances() {}
}
