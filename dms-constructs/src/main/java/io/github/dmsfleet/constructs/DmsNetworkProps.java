package io.github.dmsfleet.constructs;

import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetSelection;

/** Properties of {@link DmsNetwork}: either a new VPC (the default) or an existing one. */
public final class DmsNetworkProps {
  private final IVpc vpc;
  private final SubnetSelection vpcSubnets;
  private final String vpcCidr;
  private final Integer maxAzs;
  private final Integer natGateways;
  private final Boolean vpcEndpoints;
  private final String subnetGroupIdentifier;
  private final DmsAccountRoles accountRoles;

  private DmsNetworkProps(Builder builder) {
    this.vpc = builder.vpc;
    this.vpcSubnets = builder.vpcSubnets;
    this.vpcCidr = builder.vpcCidr;
    this.maxAzs = builder.maxAzs;
    this.natGateways = builder.natGateways;
    this.vpcEndpoints = builder.vpcEndpoints;
    this.subnetGroupIdentifier = builder.subnetGroupIdentifier;
    this.accountRoles = builder.accountRoles;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * An existing VPC to place the replication instances in.
   *
   * <p>Default: a new VPC with isolated subnets in two Availability Zones and flow logs to
   * CloudWatch Logs.
   */
  public IVpc getVpc() {
    return vpc;
  }

  /**
   * The subnets of the existing {@link #getVpc() vpc} for the replication subnet group. Only with
   * {@code vpc}.
   *
   * <p>Default: the VPC's private subnets (with egress if it has any, otherwise isolated).
   */
  public SubnetSelection getVpcSubnets() {
    return vpcSubnets;
  }

  /** The CIDR block of the new VPC. Only without {@code vpc}. Default: {@code 10.0.0.0/18}. */
  public String getVpcCidr() {
    return vpcCidr;
  }

  /**
   * How many Availability Zones the new VPC spans, 2 to 6. Only without {@code vpc}. Default: 2.
   */
  public Integer getMaxAzs() {
    return maxAzs;
  }

  /**
   * NAT gateways of the new VPC, for sources that DMS reaches through the internet. Only without
   * {@code vpc}.
   *
   * <p>Default: 0: the subnets are isolated, and sources are reached through peering, VPN or Direct
   * Connect.
   */
  public Integer getNatGateways() {
    return natGateways;
  }

  /**
   * Whether to add a gateway endpoint for S3 and an interface endpoint for Secrets Manager, which
   * private replication instances need since engine 3.4.7. Turn it off for an existing VPC that
   * already has both.
   *
   * <p>Default: true.
   */
  public Boolean getVpcEndpoints() {
    return vpcEndpoints;
  }

  /** The identifier of the replication subnet group. Default: a name CloudFormation generates. */
  public String getSubnetGroupIdentifier() {
    return subnetGroupIdentifier;
  }

  /**
   * The account roles; the subnet group then depends on them, since DMS needs {@code dms-vpc-role}
   * to create it.
   *
   * <p>Default: no dependency; the roles must exist before this deploys.
   */
  public DmsAccountRoles getAccountRoles() {
    return accountRoles;
  }

  /** Builds {@link DmsNetworkProps}. */
  public static final class Builder {
    private IVpc vpc;
    private SubnetSelection vpcSubnets;
    private String vpcCidr;
    private Integer maxAzs;
    private Integer natGateways;
    private Boolean vpcEndpoints;
    private String subnetGroupIdentifier;
    private DmsAccountRoles accountRoles;

    private Builder() {}

    /** Sets {@link DmsNetworkProps#getVpc()}. */
    public Builder vpc(IVpc vpc) {
      this.vpc = vpc;
      return this;
    }

    /** Sets {@link DmsNetworkProps#getVpcSubnets()}. */
    public Builder vpcSubnets(SubnetSelection vpcSubnets) {
      this.vpcSubnets = vpcSubnets;
      return this;
    }

    /** Sets {@link DmsNetworkProps#getVpcCidr()}. */
    public Builder vpcCidr(String vpcCidr) {
      this.vpcCidr = vpcCidr;
      return this;
    }

    /** Sets {@link DmsNetworkProps#getMaxAzs()}. */
    public Builder maxAzs(Integer maxAzs) {
      this.maxAzs = maxAzs;
      return this;
    }

    /** Sets {@link DmsNetworkProps#getNatGateways()}. */
    public Builder natGateways(Integer natGateways) {
      this.natGateways = natGateways;
      return this;
    }

    /** Sets {@link DmsNetworkProps#getVpcEndpoints()}. */
    public Builder vpcEndpoints(Boolean vpcEndpoints) {
      this.vpcEndpoints = vpcEndpoints;
      return this;
    }

    /** Sets {@link DmsNetworkProps#getSubnetGroupIdentifier()}. */
    public Builder subnetGroupIdentifier(String subnetGroupIdentifier) {
      this.subnetGroupIdentifier = subnetGroupIdentifier;
      return this;
    }

    /** Sets {@link DmsNetworkProps#getAccountRoles()}. */
    public Builder accountRoles(DmsAccountRoles accountRoles) {
      this.accountRoles = accountRoles;
      return this;
    }

    public DmsNetworkProps build() {
      return new DmsNetworkProps(this);
    }
  }
}
