package io.github.dmsfleet.constructs;

import io.github.dmsfleet.rules.Defaults;
import java.util.List;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.kms.IKey;

/**
 * Properties of {@link DmsServerlessSourceServer}: its settings, and the network and capacity its
 * databases' DMS Serverless replications run with.
 */
@Value.Immutable
public abstract class DmsServerlessSourceServerProps extends DmsSourceServerSettings {
  DmsServerlessSourceServerProps() {}

  /**
   * The network the replications run in: its subnet group, and its VPC endpoints for S3 and Secrets
   * Manager, without which DMS Serverless reaches neither. Required.
   */
  public abstract DmsNetwork getNetwork();

  /**
   * The security groups of the replications; groups given here are admitted by the network's
   * Secrets Manager endpoint and get its HTTPS egress. Default: the network's security group.
   */
  public abstract @Nullable List<ISecurityGroup> getSecurityGroups();

  /** The KMS key DMS encrypts the replications' data with. Default: a new key with rotation. */
  public abstract @Nullable IKey getEncryptionKey();

  /**
   * The most DMS capacity units (DCU, 2 GiB of memory each) each replication scales to: 1, 2, 4, 8,
   * 16, 32, 64, 128, 192, 256 or 384. Default: 16, the memory of the default instance class.
   */
  @Value.Default
  public int getMaxCapacityUnits() {
    return Defaults.MAX_CAPACITY_UNITS;
  }

  /**
   * The fewest DCU each replication keeps when its source is idle, one of the same values and at
   * most {@code maxCapacityUnits}. Default: DMS's minimum, 1 DCU.
   */
  public abstract @Nullable Integer getMinCapacityUnits();

  /** Whether each replication has a standby in a second Availability Zone. Default: false. */
  @Value.Default
  public boolean getMultiAz() {
    return false;
  }

  /**
   * The weekly maintenance window, {@code ddd:hh24:mi-ddd:hh24:mi} in UTC. Default: a 30-minute
   * window DMS picks.
   */
  public abstract @Nullable String getPreferredMaintenanceWindow();

  /**
   * The account's DMS roles, which the replication configs wait for: DMS needs {@code dms-vpc-role}
   * to place them in the subnets. Default: no dependency; the roles must exist.
   */
  public abstract @Nullable DmsAccountRoles getAccountRoles();

  /** A builder for these props. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link DmsServerlessSourceServerProps}. */
  public static final class Builder extends ImmutableDmsServerlessSourceServerProps.Builder {
    /** Creates an empty builder. */
    public Builder() {}
  }
}
