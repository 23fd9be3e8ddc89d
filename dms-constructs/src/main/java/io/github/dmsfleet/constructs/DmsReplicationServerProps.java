package io.github.dmsfleet.constructs;

import io.github.dmsfleet.rules.Defaults;
import java.util.List;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Size;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.kms.IKey;

/**
 * Properties of {@link DmsReplicationServer}: the instance, and where it runs (a {@code network},
 * or a {@code vpc}).
 */
@Value.Immutable
public abstract class DmsReplicationServerProps {
  DmsReplicationServerProps() {}

  /**
   * The replication instance identifier: 1 to 63 letters, digits or hyphens, starting with a
   * letter, without a trailing hyphen or {@code --}; DMS stores it in lower case. Required.
   */
  public abstract String getReplicationInstanceIdentifier();

  /**
   * The network to run in: its subnet group, its security group (unless {@code securityGroups} are
   * given) and its VPC endpoints. Either this or {@code vpc} is required.
   */
  public abstract @Nullable DmsNetwork getNetwork();

  /**
   * A VPC to run in, for which this server creates its own subnet group. Its VPC must let the
   * instance reach S3 and Secrets Manager (through endpoints since DMS 3.4.7); open the way with
   * {@link DmsReplicationServer#getConnections()}. Either this or {@code network} is required.
   */
  public abstract @Nullable IVpc getVpc();

  /** The subnets of {@code vpc}. Only with {@code vpc}. Default: the VPC's private subnets. */
  public abstract @Nullable SubnetSelection getVpcSubnets();

  /**
   * The security groups of the instance.
   *
   * <p>Default: the network's security group with {@code network}; with {@code vpc}, a new one
   * without ingress and with only the egress its sources need.
   */
  public abstract @Nullable List<ISecurityGroup> getSecurityGroups();

  /**
   * The instance class. Default: {@code dms.r5.xlarge}, as the config's: memory-optimized for an
   * instance that runs many CDC tasks.
   */
  @Value.Default
  public String getReplicationInstanceClass() {
    return Defaults.INSTANCE_CLASS;
  }

  /** Storage for logs and cached changes, 5 to 6144 GiB in whole GiB. Default: 50 GiB. */
  @Value.Default
  public Size getAllocatedStorage() {
    return Size.gibibytes(Defaults.ALLOCATED_STORAGE_GIB);
  }

  /** Whether DMS keeps a standby in a second Availability Zone. Default: false. */
  @Value.Default
  public boolean getMultiAz() {
    return false;
  }

  /**
   * The DMS engine version, such as {@code 3.5.4}. Default: the version DMS uses for new instances.
   */
  public abstract @Nullable String getEngineVersion();

  /**
   * The weekly maintenance window in UTC, {@code ddd:hh24:mi-ddd:hh24:mi}, such as {@code
   * sun:04:00-sun:04:30}. Default: a 30-minute window DMS picks.
   */
  public abstract @Nullable String getPreferredMaintenanceWindow();

  /** Whether DMS applies minor engine upgrades in the maintenance window. Default: true. */
  @Value.Default
  public boolean getAutoMinorVersionUpgrade() {
    return true;
  }

  /** The KMS key for the instance's storage. Default: a new customer managed key with rotation. */
  public abstract @Nullable IKey getEncryptionKey();

  /**
   * The account roles; the instance then depends on them. Default: no dependency; the roles must
   * exist before this deploys.
   */
  public abstract @Nullable DmsAccountRoles getAccountRoles();

  /**
   * What happens to the instance (and to its key, when this server creates it) when it leaves the
   * stack. Default: the instance is deleted (it holds nothing that is not in the source or the
   * target) and a new key is retained, as every CDK key.
   */
  public abstract @Nullable RemovalPolicy getRemovalPolicy();

  /** A builder for these props. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link DmsReplicationServerProps}. */
  public static final class Builder extends ImmutableDmsReplicationServerProps.Builder {
    /** Creates an empty builder. */
    public Builder() {}
  }
}
