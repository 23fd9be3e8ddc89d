package io.github.dmsfleet.constructs;

import io.github.dmsfleet.constructs.internal.Nag;
import io.github.dmsfleet.constructs.internal.Problems;
import io.github.dmsfleet.constructs.internal.SharedAttributes;
import io.github.dmsfleet.constructs.internal.StackFacts;
import io.github.dmsfleet.rules.Defaults;
import io.github.dmsfleet.rules.Networks;
import io.github.dmsfleet.rules.TextRule;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import software.amazon.awscdk.customresources.AwsCustomResource;
import software.amazon.awscdk.customresources.AwsCustomResourcePolicy;
import software.amazon.awscdk.customresources.AwsSdkCall;
import software.amazon.awscdk.customresources.PhysicalResourceId;
import software.amazon.awscdk.customresources.SdkCallsPolicyOptions;
import software.amazon.awscdk.services.dms.CfnReplicationSubnetGroup;
import software.amazon.awscdk.services.ec2.Connections;
import software.amazon.awscdk.services.ec2.FlowLog;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogResourceType;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpoint;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.IConnectable;
import software.amazon.awscdk.services.ec2.IPeer;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.ISubnet;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpoint;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.IpAddresses;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/**
 * Where replication instances run: a VPC (new or existing), the DMS replication subnet group, a
 * security group without ingress whose egress is limited to what DMS needs, and the VPC endpoints
 * for S3 and Secrets Manager that private replication instances need, each with a policy that
 * admits this account's resources only.
 *
 * <p>Construct ids: {@code Vpc} and {@code FlowLog} (new VPC only), {@code Resource} (the subnet
 * group), {@code SecurityGroup} (unless one is given), {@code S3Endpoint}, {@code
 * SecretsManagerEndpoint} and {@code SecretsManagerEndpointSecurityGroup} (when switched on),
 * {@code S3PrefixList} (the lookup of S3's prefix list).
 */
public class DmsNetwork extends Construct {
  private static final Pattern SUBNET_GROUP_CHARACTERS = Pattern.compile("[A-Za-z0-9._ -]{1,255}");
  private static final TextRule SUBNET_GROUP_IDENTIFIER =
      TextRule.of(
          id -> SUBNET_GROUP_CHARACTERS.matcher(id).matches() && !id.equalsIgnoreCase("default"),
          "1 to 255 letters, digits, spaces, '.', '_' or '-' and not 'default'");
  private static final Port HTTPS = Port.tcp(443);
  private static final List<String> S3_ACTIONS =
      List.of(
          "s3:GetBucketLocation",
          "s3:ListBucket",
          "s3:GetObject",
          "s3:PutObject",
          "s3:PutObjectTagging",
          "s3:DeleteObject");
  private static final String PREFIX_LIST_ID = "PrefixLists.0.PrefixListId";

  private final IVpc vpc;
  private final ISecurityGroup securityGroup;
  private final CfnReplicationSubnetGroup subnetGroup;

  /** Read from the CDK once: every server names the subnet group. */
  private final String subnetGroupIdentifier;

  private final @Nullable FlowLog flowLog;
  private final @Nullable GatewayVpcEndpoint s3Endpoint;
  private final @Nullable InterfaceVpcEndpoint secretsManagerEndpoint;
  private final IPeer s3PrefixList;

  /** A new VPC with the defaults of {@link DmsNetworkProps}. */
  public DmsNetwork(Construct scope, String id) {
    this(scope, id, DmsNetworkProps.builder().build());
  }

  /** A network as {@code props} describe it. */
  public DmsNetwork(Construct scope, String id, DmsNetworkProps props) {
    super(scope, id);
    validate(id, props);

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
                      Objects.requireNonNullElse(props.getVpcCidr(), Defaults.VPC_CIDR)))
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
        props.getSecurityGroup() != null
            ? props.getSecurityGroup()
            : SecurityGroup.Builder.create(this, "SecurityGroup")
                .vpc(vpc)
                .description(
                    "DMS replication instances: no inbound traffic; outbound to sources, S3, Secrets"
                        + " Manager")
                .allowAllOutbound(false)
                .build();

    subnetGroup =
        CfnReplicationSubnetGroup.Builder.create(this, "Resource")
            .replicationSubnetGroupIdentifier(props.getSubnetGroupIdentifier())
            .replicationSubnetGroupDescription("Subnets of the DMS replication instances")
            .subnetIds(subnetIds(vpc, subnets))
            .build();
    subnetGroupIdentifier = subnetGroup.getRef();
    if (props.getAccountRoles() != null) {
      subnetGroup.getNode().addDependency(props.getAccountRoles());
    }

    String account = StackFacts.of(this).account();
    s3Endpoint =
        props.getS3Endpoint() ? s3Endpoint(subnets, props.getTargetBucket(), account) : null;
    secretsManagerEndpoint =
        props.getSecretsManagerEndpoint() ? secretsManagerEndpoint(subnets, account) : null;
    s3PrefixList = Peer.prefixList(lookUpS3PrefixList());
    allowEndpointAccess(securityGroup);
  }

  /**
   * Lets replication instances with these security groups reach what DMS needs in the VPC: HTTPS to
   * the Secrets Manager endpoint (to any address when this network has none) and to S3 through S3's
   * prefix list. The network does this for its own security group; {@link DmsReplicationServer}
   * does it for other security groups it is given.
   */
  public void allowEndpointAccess(IConnectable replication) {
    Connections connections = replication.getConnections();
    if (secretsManagerEndpoint != null) {
      connections.allowTo(
          secretsManagerEndpoint, HTTPS, "DMS reads endpoint credentials from Secrets Manager");
    } else {
      connections.allowTo(
          Peer.anyIpv4(), HTTPS, "DMS reads endpoint credentials through the VPC's own endpoint");
    }
    connections.allowTo(s3PrefixList, HTTPS, "DMS writes to S3 through the gateway endpoint");
  }

  /** The VPC, new or existing. */
  public IVpc getVpc() {
    return vpc;
  }

  /** The security group for replication instances: no ingress, only the egress DMS needs. */
  public ISecurityGroup getSecurityGroup() {
    return securityGroup;
  }

  /** The DMS replication subnet group. */
  public CfnReplicationSubnetGroup getSubnetGroup() {
    return subnetGroup;
  }

  /** The identifier of the replication subnet group. */
  public String getSubnetGroupIdentifier() {
    return subnetGroupIdentifier;
  }

  /** The flow log of a new VPC; null for an existing VPC. */
  public @Nullable FlowLog getFlowLog() {
    return flowLog;
  }

  /** The S3 gateway endpoint; null when {@code s3Endpoint} is off. */
  public @Nullable GatewayVpcEndpoint getS3Endpoint() {
    return s3Endpoint;
  }

  /** The Secrets Manager interface endpoint; null when {@code secretsManagerEndpoint} is off. */
  public @Nullable InterfaceVpcEndpoint getSecretsManagerEndpoint() {
    return secretsManagerEndpoint;
  }

  /** S3's prefix list in this Region, which the security groups reach S3 through. */
  public IPeer getS3PrefixList() {
    return s3PrefixList;
  }

  private GatewayVpcEndpoint s3Endpoint(
      SubnetSelection subnets, @Nullable IBucket bucket, String account) {
    GatewayVpcEndpoint endpoint =
        GatewayVpcEndpoint.Builder.create(this, "S3Endpoint")
            .vpc(vpc)
            .service(GatewayVpcEndpointAwsService.S3)
            .subnets(List.of(subnets))
            .build();
    endpoint.addToPolicy(
        PolicyStatement.Builder.create()
            .principals(List.of(new AnyPrincipal()))
            .actions(S3_ACTIONS)
            .resources(
                bucket == null
                    ? List.of("*")
                    : List.of(SharedAttributes.bucketArn(bucket), bucket.arnForObjects("*")))
            .conditions(Map.of("StringEquals", Map.of("aws:ResourceAccount", account)))
            .build());
    return endpoint;
  }

  private InterfaceVpcEndpoint secretsManagerEndpoint(SubnetSelection subnets, String account) {
    SecurityGroup endpointGroup =
        SecurityGroup.Builder.create(this, "SecretsManagerEndpointSecurityGroup")
            .vpc(vpc)
            .description("Secrets Manager endpoint: HTTPS from DMS replication instances only")
            .allowAllOutbound(false)
            .build();
    InterfaceVpcEndpoint endpoint =
        InterfaceVpcEndpoint.Builder.create(this, "SecretsManagerEndpoint")
            .vpc(vpc)
            .service(InterfaceVpcEndpointAwsService.SECRETS_MANAGER)
            .subnets(subnets)
            .securityGroups(List.of(endpointGroup))
            .privateDnsEnabled(true)
            .open(false)
            .build();
    // Sorted, so that the template does not follow Map.of's order, which changes between JVMs.
    Map<String, String> sameAccount = new TreeMap<>();
    sameAccount.put("aws:PrincipalAccount", account);
    sameAccount.put("aws:ResourceAccount", account);
    endpoint.addToPolicy(
        PolicyStatement.Builder.create()
            .principals(List.of(new AnyPrincipal()))
            .actions(List.of("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"))
            .resources(List.of("*"))
            .conditions(Map.of("StringEquals", sameAccount))
            .build());
    return endpoint;
  }

  /**
   * The id of the AWS-managed prefix list of S3 in the stack's Region, which no CloudFormation
   * resource returns: a custom resource asks EC2 for it at deployment.
   */
  private String lookUpS3PrefixList() {
    String name = "com.amazonaws." + StackFacts.of(this).region() + ".s3";
    AwsSdkCall call =
        AwsSdkCall.builder()
            .service("EC2")
            .action("describeManagedPrefixLists")
            // Sorted, so that the template does not follow Map.of's order, which changes between
            // JVMs and would make every synthesis update the lookup.
            .parameters(
                Map.of(
                    "Filters",
                    List.of(
                        new TreeMap<>(
                            Map.of("Name", "prefix-list-name", "Values", List.of(name))))))
            .physicalResourceId(PhysicalResourceId.of(name))
            .outputPaths(List.of(PREFIX_LIST_ID))
            .build();
    AwsCustomResource lookup =
        AwsCustomResource.Builder.create(this, "S3PrefixList")
            .onCreate(call)
            .onUpdate(call)
            .policy(
                AwsCustomResourcePolicy.fromSdkCalls(
                    SdkCallsPolicyOptions.builder()
                        .resources(AwsCustomResourcePolicy.ANY_RESOURCE)
                        .build()))
            .installLatestAwsSdk(false)
            .build();
    Nag.acknowledgeCustomResource(
        lookup,
        "EC2's DescribeManagedPrefixLists supports no resource-level permissions; the lookup only"
            + " reads the id of S3's AWS-managed prefix list.");
    return lookup.getResponseField(PREFIX_LIST_ID);
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

  private static void validate(String id, DmsNetworkProps props) {
    Problems problems = new Problems("DmsNetwork '" + id + "'");
    boolean newVpc = props.getVpc() == null;
    String newVpcOnly = "to a new VPC, but an existing 'vpc' is given";
    problems.rejectUnless(newVpc, "vpcCidr", props.getVpcCidr(), newVpcOnly);
    problems.rejectUnless(newVpc, "maxAzs", props.getMaxAzs(), newVpcOnly);
    problems.rejectUnless(newVpc, "natGateways", props.getNatGateways(), newVpcOnly);
    problems.rejectUnless(
        !newVpc, "vpcSubnets", props.getVpcSubnets(), "to an existing 'vpc', which is not given");
    if (newVpc) {
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
}
