package io.github.dmsfleet.constructs;

import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.s3.IBucket;

/** Properties of {@link DmsNetwork}: a new VPC (the default) or an existing one. */
@Value.Immutable
public abstract class DmsNetworkProps {
  DmsNetworkProps() {}

  /**
   * An existing VPC to place the replication instances in.
   *
   * <p>Default: a new VPC with isolated subnets in two Availability Zones and flow logs to
   * CloudWatch Logs.
   */
  public abstract @Nullable IVpc getVpc();

  /**
   * The subnets of the existing {@link #getVpc() vpc} for the replication subnet group. Only with
   * {@code vpc}.
   *
   * <p>Default: the VPC's private subnets (with egress if it has any, otherwise isolated).
   */
  public abstract @Nullable SubnetSelection getVpcSubnets();

  /** The CIDR block of the new VPC, /16 to /24. Only without {@code vpc}. Default: 10.0.0.0/18. */
  public abstract @Nullable String getVpcCidr();

  /**
   * How many Availability Zones the new VPC spans, 2 to 6. Only without {@code vpc}. Default: 2.
   */
  public abstract @Nullable Integer getMaxAzs();

  /**
   * NAT gateways of the new VPC, for sources that DMS reaches through the internet. Only without
   * {@code vpc}.
   *
   * <p>Default: 0: the subnets are isolated, and sources are reached through peering, VPN or Direct
   * Connect.
   */
  public abstract @Nullable Integer getNatGateways();

  /**
   * The security group of the replication instances. The network adds its egress rules to it (when
   * it is mutable and does not allow all outbound traffic) and the Secrets Manager endpoint admits
   * it.
   *
   * <p>Default: a new security group without ingress and with only the egress DMS needs.
   */
  public abstract @Nullable ISecurityGroup getSecurityGroup();

  /**
   * Whether to add a gateway endpoint for S3, which private replication instances need since DMS
   * 3.4.7. Turn it off for a VPC that already has one.
   *
   * <p>Default: true.
   */
  @Value.Default
  public boolean getS3Endpoint() {
    return true;
  }

  /**
   * Whether to add an interface endpoint for Secrets Manager, which private replication instances
   * need since DMS 3.4.7 to read endpoint credentials. Turn it off for a VPC that already has one;
   * the security group may then reach HTTPS at any address, since that endpoint's addresses are not
   * known here.
   *
   * <p>Default: true.
   */
  @Value.Default
  public boolean getSecretsManagerEndpoint() {
    return true;
  }

  /**
   * The bucket DMS writes to, the only one the S3 endpoint's policy admits (with its objects).
   *
   * <p>Default: any bucket of this account.
   */
  public abstract @Nullable IBucket getTargetBucket();

  /** The identifier of the replication subnet group. Default: a name CloudFormation generates. */
  public abstract @Nullable String getSubnetGroupIdentifier();

  /**
   * The account roles; the subnet group then depends on them, since DMS needs {@code dms-vpc-role}
   * to create it.
   *
   * <p>Default: no dependency; the roles must exist before this deploys.
   */
  public abstract @Nullable DmsAccountRoles getAccountRoles();

  /** A builder for these props. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link DmsNetworkProps}. */
  public static final class Builder extends ImmutableDmsNetworkProps.Builder {
    /** Creates an empty builder. */
    public Builder() {}
  }
}
