package io.github.dmsfleet.constructs;

import io.github.dmsfleet.constructs.internal.Problems;
import io.github.dmsfleet.rules.Defaults;
import io.github.dmsfleet.rules.Networks;
import io.github.dmsfleet.rules.TextRule;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awscdk.services.dms.CfnReplicationSubnetGroup;
import software.amazon.awscdk.services.ec2.FlowLog;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogResourceType;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpoint;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.ISubnet;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpoint;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.IpAddresses;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.constructs.Construct;

/**
 * Where replication instances run: a VPC (new or existing), the DMS replication subnet group, a
 * security group without ingress, and the VPC endpoints for S3 and Secrets Manager that private
 * replication instances need.
 *
 * <p>Construct ids: {@code Vpc} (new VPC only), {@code FlowLog} (new VPC only), {@code Resource}
 * (the subnet group), {@code SecurityGroup}, {@code S3Endpoint}, {@code SecretsManagerEndpoint}.
 */
public class DmsNetwork extends Construct {
  /** The CIDR block of a new VPC unless {@code vpcCidr} says otherwise. */
  public static final String DEFAULT_VPC_CIDR = Defaults.VPC_CIDR;

  private static final Pattern SUBNET_GROUP_CHARACTERS = Pattern.compile("[A-Za-z0-9._ -]{1,255}");
  private static final TextRule SUBNET_GROUP_IDENTIFIER =
      TextRule.of(
          id -> SUBNET_GROUP_CHARACTERS.matcher(id).matches() && !id.equalsIgnoreCase("default"),
          "1 to 255 letters, digits, spaces, '.', '_' or '-' and not 'default'");

  private final IVpc vpc;
  private final SecurityGroup securityGroup;
  private final CfnReplicationSubnetGroup subnetGroup;
  private final FlowLog flowLog;
  private final GatewayVpcEndpoint s3Endpoint;
  private final InterfaceVpcEndpoint secretsManagerEndpoint;

  public DmsNetwork(Construct scope, String id) {
    this(scope, id, DmsNetworkProps.builder().build());
  }

  public DmsNetwork(Construct scope, String id, DmsNetworkProps props) {
    super(scope, id);
    validate(props);

    SubnetSelection subnets;
    if (props.getVpc() != null) {
      vpc = props.getVpc();
      subnets =
          Objects.requireNonNullElse(props.getVpcSubnets(), SubnetSelection.builder().build());
      flowLog = null;
    } else {
      int natGateways = Objects.requireNonNullElse(props.getNatGateways(), 0);
      SubnetType privateType =
          natGateways > 0 ? SubnetType.PRIVATE_WITH_EGRESS : SubnetType.PRIVATE_ISOLATED;
      List<SubnetConfiguration> layout =
          natGateways > 0
              ? List.of(subnet("Public", SubnetType.PUBLIC), subnet("Replication", privateType))
              : List.of(subnet("Replication", privateType));
      vpc =
          Vpc.Builder.create(this, "Vpc")
              .ipAddresses(
                  IpAddresses.cidr(
                      Objects.requireNonNullElse(props.getVpcCidr(), DEFAULT_VPC_CIDR)))
              .maxAzs(Objects.requireNonNullElse(props.getMaxAzs(), 2))
              .natGateways(natGateways)
              .subnetConfiguration(layout)
              // Nothing uses the default security group; restricting it would add a custom-resource
              // Lambda.
              .restrictDefaultSecurityGroup(false)
              .build();
      subnets = SubnetSelection.builder().subnetType(privateType).build();
      flowLog =
          FlowLog.Builder.create(this, "FlowLog")
              .resourceType(FlowLogResourceType.fromVpc(vpc))
              .destination(FlowLogDestination.toCloudWatchLogs())
              .trafficType(FlowLogTrafficType.ALL)
              .build();
    }

    securityGroup =
        SecurityGroup.Builder.create(this, "SecurityGroup")
            .vpc(vpc)
            .description(
                "DMS replication instances: no inbound traffic; outbound to sources, S3, Secrets Manager")
            .allowAllOutbound(true)
            .build();

    subnetGroup =
        CfnReplicationSubnetGroup.Builder.create(this, "Resource")
            .replicationSubnetGroupIdentifier(props.getSubnetGroupIdentifier())
            .replicationSubnetGroupDescription("Subnets of the DMS replication instances")
            .subnetIds(subnetIds(vpc, subnets))
            .build();
    if (props.getAccountRoles() != null) {
      subnetGroup.getNode().addDependency(props.getAccountRoles());
    }

    if (Objects.requireNonNullElse(props.getVpcEndpoints(), true)) {
      s3Endpoint =
          GatewayVpcEndpoint.Builder.create(this, "S3Endpoint")
              .vpc(vpc)
              .service(GatewayVpcEndpointAwsService.S3)
              .subnets(List.of(subnets))
              .build();
      secretsManagerEndpoint =
          InterfaceVpcEndpoint.Builder.create(this, "SecretsManagerEndpoint")
              .vpc(vpc)
              .service(InterfaceVpcEndpointAwsService.SECRETS_MANAGER)
              .subnets(subnets)
              .privateDnsEnabled(true)
              .open(false)
              .build();
      secretsManagerEndpoint
          .getConnections()
          .allowDefaultPortFrom(
              securityGroup, "DMS replication instances read endpoint credentials");
    } else {
      s3Endpoint = null;
      secretsManagerEndpoint = null;
    }
  }

  /** The VPC, new or existing. */
  public IVpc getVpc() {
    return vpc;
  }

  /** The security group for replication instances: no ingress, all egress. */
  public ISecurityGroup getSecurityGroup() {
    return securityGroup;
  }

  /** The DMS replication subnet group. */
  public CfnReplicationSubnetGroup getSubnetGroup() {
    return subnetGroup;
  }

  /** The identifier of the replication subnet group, for {@link DmsReplicationServerProps}. */
  public String getSubnetGroupIdentifier() {
    return subnetGroup.getRef();
  }

  /** The flow log of a new VPC; empty for an existing VPC. */
  public Optional<FlowLog> getFlowLog() {
    return Optional.ofNullable(flowLog);
  }

  /** The S3 gateway endpoint; empty when {@code vpcEndpoints} is off. */
  public Optional<GatewayVpcEndpoint> getS3Endpoint() {
    return Optional.ofNullable(s3Endpoint);
  }

  /** The Secrets Manager interface endpoint; empty when {@code vpcEndpoints} is off. */
  public Optional<InterfaceVpcEndpoint> getSecretsManagerEndpoint() {
    return Optional.ofNullable(secretsManagerEndpoint);
  }

  private static SubnetConfiguration subnet(String name, SubnetType type) {
    return SubnetConfiguration.builder().name(name).subnetType(type).build();
  }

  /**
   * Subnets given one by one are used as given: selecting them through the VPC would ask each for
   * its Availability Zone, which a subnet imported by id alone does not know.
   */
  private static List<String> subnetIds(IVpc vpc, SubnetSelection selection) {
    List<ISubnet> given = selection.getSubnets();
    return given != null
        ? given.stream().map(ISubnet::getSubnetId).toList()
        : vpc.selectSubnets(selection).getSubnetIds();
  }

  private void validate(DmsNetworkProps props) {
    Problems problems = new Problems("DmsNetwork '" + getNode().getId() + "'");
    if (props.getVpc() != null) {
      rejectWithExistingVpc(problems, "vpcCidr", props.getVpcCidr());
      rejectWithExistingVpc(problems, "maxAzs", props.getMaxAzs());
      rejectWithExistingVpc(problems, "natGateways", props.getNatGateways());
    } else {
      if (props.getVpcSubnets() != null) {
        problems.add(
            "'vpcSubnets' applies only to an existing 'vpc': remove it, or give the 'vpc'");
      }
      problems.check("vpcCidr", props.getVpcCidr(), Networks.VPC_CIDR);
      problems.between("maxAzs", props.getMaxAzs(), 2, 6);
      problems.between(
          "natGateways",
          props.getNatGateways(),
          0,
          Objects.requireNonNullElse(props.getMaxAzs(), 2));
    }
    problems.check(
        "subnetGroupIdentifier", props.getSubnetGroupIdentifier(), SUBNET_GROUP_IDENTIFIER);
    problems.throwIfAny();
  }

  private static void rejectWithExistingVpc(Problems problems, String name, Object value) {
    if (value != null) {
      problems.add(
          "'"
              + name
              + "' applies only to a new VPC, but an existing 'vpc' is given: remove '"
              + name
              + "', or remove 'vpc' to create one");
    }
  }
}
