package io.github.dmsfleet.model;

import io.github.dmsfleet.rules.Compute;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a server's replications run. {@link Settings} holds the fleet's ({@code parameters.txt});
 * each {@link Server} holds its own, with its {@code dms_servers.txt} row over the fleet's, so that
 * consumers never resolve a default themselves.
 */
public interface ServerSettings {
  /** {@code compute}: a replication instance or DMS Serverless. */
  Compute compute();

  /** {@code instancesize} ({@code instance_class} per server): with {@code compute instance}. */
  String instanceClass();

  /** {@code allocated_storage}, in GiB: with {@code compute instance}. */
  int allocatedStorageGiB();

  /** {@code engine_version}; empty means DMS's default: with {@code compute instance}. */
  Optional<String> engineVersion();

  /** {@code multi_az}: a standby in a second Availability Zone, for either compute. */
  boolean multiAz();

  /**
   * {@code maintenance_window}, as {@code ddd:hh24:mi-ddd:hh24:mi}; empty means DMS picks one. For
   * either compute.
   */
  Optional<String> maintenanceWindow();

  /** {@code max_capacity_units}, in DMS capacity units: with {@code compute serverless}. */
  int maxCapacityUnits();

  /**
   * {@code min_capacity_units}; empty means DMS's own minimum (1 DCU): with {@code compute
   * serverless}.
   */
  OptionalInt minCapacityUnits();
}
