package io.github.dmsfleet.constructs;

import static io.github.dmsfleet.constructs.Fixtures.stack;
import static io.github.dmsfleet.constructs.Fixtures.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.Subnet;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ec2.VpcAttributes;
import software.amazon.awscdk.services.s3.Bucket;

class DmsNetworkTest {

  private static Template synth(DmsNetworkProps props) {
    Stack stack = stack();
    new DmsNetwork(stack, "Network", props);
    return template(stack);
  }

  private static IVpc existingVpc(Stack stack) {
    return Vpc.fromVpcAttributes(
        stack,
        "Existing",
        VpcAttributes.builder()
            .vpcId("vpc-0123456789abcdef0")
            .availabilityZones(List.of("us-east-1a", "us-east-1b"))
            .privateSubnetIds(List.of("subnet-0a", "subnet-0b"))
            .privateSubnetRouteTableIds(List.of("rtb-0a", "rtb-0b"))
            .build());
  }

  @Test
  void newVpcHasIsolatedSubnetsInTwoZonesAndNoNatGateway() {
    Template template = synth(DmsNetworkProps.builder().build());

    template.hasResourceProperties("AWS::EC2::VPC", Map.of("CidrBlock", "10.0.0.0/18"));
    template.resourceCountIs("AWS::EC2::Subnet", 2);
    template.resourceCountIs("AWS::EC2::NatGateway", 0);
    template.resourceCountIs("AWS::EC2::InternetGateway", 0);
  }

  @Test
  void newVpcGetsNatGatewaysOnlyWhenAsked() {
    Template template =
        synth(DmsNetworkProps.builder().vpcCidr("10.20.0.0/20").natGateways(1).build());

    template.hasResourceProperties("AWS::EC2::VPC", Map.of("CidrBlock", "10.20.0.0/20"));
    template.resourceCountIs("AWS::EC2::NatGateway", 1);
  }

  @Test
  void newVpcSendsFlowLogsToCloudWatchLogs() {
    Template template = synth(DmsNetworkProps.builder().build());

    template.hasResourceProperties(
        "AWS::EC2::FlowLog",
        Map.of(
            "ResourceType", "VPC",
            "TrafficType", "ALL",
            "LogDestinationType", "cloud-watch-logs"));
  }

  @Test
  void subnetGroupHoldsTheReplicationSubnets() {
    Template template = synth(DmsNetworkProps.builder().subnetGroupIdentifier("dms-fleet").build());

    template.hasResourceProperties(
        "AWS::DMS::ReplicationSubnetGroup",
        Map.of(
            "ReplicationSubnetGroupIdentifier", "dms-fleet",
            "ReplicationSubnetGroupDescription", "Subnets of the DMS replication instances",
            "SubnetIds",
                List.of(
                    Map.of("Ref", Match.stringLikeRegexp("NetworkVpcReplicationSubnet1.*")),
                    Map.of("Ref", Match.stringLikeRegexp("NetworkVpcReplicationSubnet2.*")))));
  }

  @Test
  void securityGroupHasADescriptionAndNoIngress() {
    Template template = synth(DmsNetworkProps.builder().build());

    template.hasResourceProperties(
        "AWS::EC2::SecurityGroup",
        Map.of(
            "GroupDescription",
                Match.stringLikeRegexp("DMS replication instances: no inbound traffic.*"),
            "SecurityGroupIngress", Match.absent()));
    template.resourcePropertiesCountIs(
        "AWS::EC2::SecurityGroupIngress",
        Map.of(
            "SourceSecurityGroupId",
            Map.of(
                "Fn::GetAtt",
                List.of(Match.stringLikeRegexp("NetworkSecurityGroup.*"), "GroupId"))),
        1);
  }

  @Test
  void addsS3AndSecretsManagerEndpointsThatOnlyTheReplicationInstancesReach() {
    Template template = synth(DmsNetworkProps.builder().build());

    template.hasResourceProperties(
        "AWS::EC2::VPCEndpoint",
        Map.of(
            "VpcEndpointType", "Gateway",
            "ServiceName",
                Map.of(
                    "Fn::Join",
                    List.of("", List.of("com.amazonaws.", Map.of("Ref", "AWS::Region"), ".s3"))),
            "RouteTableIds",
                Match.arrayWith(
                    List.of(
                        Map.of(
                            "Ref",
                            Match.stringLikeRegexp("NetworkVpcReplicationSubnet1RouteTable.*"))))));
    template.hasResourceProperties(
        "AWS::EC2::VPCEndpoint",
        Map.of(
            "VpcEndpointType", "Interface",
            "ServiceName", "com.amazonaws.us-east-1.secretsmanager",
            "PrivateDnsEnabled", true));
    template.hasResourceProperties(
        "AWS::EC2::SecurityGroupIngress",
        Map.of(
            "FromPort", 443,
            "ToPort", 443,
            "IpProtocol", "tcp"));
  }

  @Test
  void existingVpcGetsNoFlowLogAndCanSkipEndpoints() {
    Stack stack = stack();
    DmsNetwork network =
        new DmsNetwork(
            stack,
            "Network",
            DmsNetworkProps.builder()
                .vpc(existingVpc(stack))
                .s3Endpoint(false)
                .secretsManagerEndpoint(false)
                .build());
    Template template = template(stack);

    template.resourceCountIs("AWS::EC2::VPC", 0);
    template.resourceCountIs("AWS::EC2::FlowLog", 0);
    template.resourceCountIs("AWS::EC2::VPCEndpoint", 0);
    template.hasResourceProperties(
        "AWS::DMS::ReplicationSubnetGroup", Map.of("SubnetIds", List.of("subnet-0a", "subnet-0b")));
    assertThat(network.getFlowLog()).isNull();
    assertThat(network.getSecretsManagerEndpoint()).isNull();
  }

  @Test
  void subnetsImportedByIdAloneAreUsedAsGiven() {
    Stack stack = stack();
    new DmsNetwork(
        stack,
        "Network",
        DmsNetworkProps.builder()
            .vpc(existingVpc(stack))
            .vpcSubnets(
                SubnetSelection.builder()
                    .subnets(
                        List.of(
                            Subnet.fromSubnetId(stack, "First", "subnet-1a"),
                            Subnet.fromSubnetId(stack, "Second", "subnet-1b")))
                    .build())
            .s3Endpoint(false)
            .secretsManagerEndpoint(false)
            .build());

    template(stack)
        .hasResourceProperties(
            "AWS::DMS::ReplicationSubnetGroup",
            Map.of("SubnetIds", List.of("subnet-1a", "subnet-1b")));
  }

  @Test
  void subnetGroupDependsOnTheAccountRoles() {
    Stack stack = stack();
    DmsAccountRoles roles = new DmsAccountRoles(stack, "AccountRoles");
    new DmsNetwork(stack, "Network", DmsNetworkProps.builder().accountRoles(roles).build());

    template(stack)
        .hasResource(
            "AWS::DMS::ReplicationSubnetGroup",
            Map.of(
                "DependsOn",
                Match.arrayWith(List.of(Match.stringLikeRegexp("AccountRolesVpcRole.*")))));
  }

  @Test
  void failsWhenGivenBothACidrAndAnExistingVpc() {
    Stack stack = stack();
    DmsNetworkProps props =
        DmsNetworkProps.builder().vpc(existingVpc(stack)).vpcCidr("10.1.0.0/16").build();

    assertThatThrownBy(() -> new DmsNetwork(stack, "Network", props))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid DmsNetwork 'Network': 'vpcCidr' applies only to a new VPC, but an existing 'vpc'"
                + " is given: remove it");
  }

  @Test
  void reportsEveryProblemOfANewVpcAtOnce() {
    Stack stack = stack();
    DmsNetworkProps props =
        DmsNetworkProps.builder()
            .vpcCidr("10.0.0.0/8")
            .maxAzs(1)
            .natGateways(3)
            .subnetGroupIdentifier("default")
            .build();

    assertThatThrownBy(() -> new DmsNetwork(stack, "Network", props))
        .hasMessage(
            "Invalid DmsNetwork 'Network': 'vpcCidr' must be an IPv4 CIDR block from /16 to /24, such"
                + " as 10.0.0.0/18, got '10.0.0.0/8'; 'maxAzs' must be between 2 and 6, got 1; 'natGateways'"
                + " must be between 0 and 1, got 3; 'subnetGroupIdentifier' must be 1 to 255 letters, digits,"
                + " spaces, '.', '_' or '-' and not 'default', got 'default'");
  }

  private static final Map<String, Object> DMS_GROUP =
      Map.of(
          "Fn::GetAtt",
          List.of(Match.stringLikeRegexp("NetworkSecurityGroup[0-9A-F]{8}"), "GroupId"));
  private static final Map<String, Object> ENDPOINT_GROUP =
      Map.of(
          "Fn::GetAtt",
          List.of(
              Match.stringLikeRegexp("NetworkSecretsManagerEndpointSecurityGroup.*"), "GroupId"));

  @Test
  void noSecurityGroupAllowsAllTrafficOut() {
    Template template = synth(DmsNetworkProps.builder().build());

    template.resourcePropertiesCountIs(
        "AWS::EC2::SecurityGroup",
        Map.of(
            "SecurityGroupEgress",
            Match.arrayWith(List.of(Match.objectLike(Map.of("IpProtocol", "-1"))))),
        0);
    template.resourcePropertiesCountIs(
        "AWS::EC2::SecurityGroupEgress", Map.of("IpProtocol", "-1"), 0);
  }

  @Test
  void dmsGroupReachesSecretsManagerAndS3OnHttpsOnly() {
    Template template = synth(DmsNetworkProps.builder().build());

    template.hasResourceProperties(
        "AWS::EC2::SecurityGroupEgress",
        Map.of(
            "GroupId",
            DMS_GROUP,
            "DestinationSecurityGroupId",
            ENDPOINT_GROUP,
            "IpProtocol",
            "tcp",
            "FromPort",
            443,
            "ToPort",
            443));
    template.hasResourceProperties(
        "AWS::EC2::SecurityGroupIngress",
        Map.of(
            "GroupId",
            ENDPOINT_GROUP,
            "SourceSecurityGroupId",
            DMS_GROUP,
            "FromPort",
            443,
            "ToPort",
            443));
    template.hasResourceProperties(
        "AWS::EC2::SecurityGroupEgress",
        Map.of(
            "GroupId",
            DMS_GROUP,
            "DestinationPrefixListId",
            Map.of(
                "Fn::GetAtt",
                List.of(
                    Match.stringLikeRegexp("NetworkS3PrefixList.*"), "PrefixLists.0.PrefixListId")),
            "FromPort",
            443,
            "ToPort",
            443));
    template.resourcePropertiesCountIs(
        "AWS::EC2::SecurityGroupEgress", Map.of("GroupId", DMS_GROUP), 2);
  }

  @Test
  void s3PrefixListIsLookedUpForTheStacksRegion() {
    Template template = synth(DmsNetworkProps.builder().build());

    template.hasResourceProperties(
        "Custom::AWS",
        Map.of(
            "Create",
            Match.serializedJson(
                Match.objectLike(
                    Map.of(
                        "action",
                        "describeManagedPrefixLists",
                        "parameters",
                        Map.of(
                            "Filters",
                            List.of(
                                Map.of(
                                    "Name",
                                    "prefix-list-name",
                                    "Values",
                                    List.of("com.amazonaws.us-east-1.s3")))))))));
  }

  @Test
  void secretsManagerEndpointGroupHasNoEgress() {
    Template template = synth(DmsNetworkProps.builder().build());

    // The CDK's way of saying none: a rule that matches no traffic.
    template.hasResourceProperties(
        "AWS::EC2::SecurityGroup",
        Map.of(
            "GroupDescription", Match.stringLikeRegexp("Secrets Manager endpoint.*"),
            "SecurityGroupEgress",
                List.of(
                    Map.of(
                        "CidrIp", "255.255.255.255/32",
                        "Description", "Disallow all traffic",
                        "FromPort", 252,
                        "IpProtocol", "icmp",
                        "ToPort", 86))));
    template.resourcePropertiesCountIs(
        "AWS::EC2::SecurityGroupEgress", Map.of("GroupId", ENDPOINT_GROUP), 0);
  }

  @Test
  void s3EndpointAdmitsOnlyTheTargetBucketOfThisAccount() {
    Stack stack = stack();
    new DmsNetwork(
        stack,
        "Network",
        DmsNetworkProps.builder()
            .targetBucket(Bucket.fromBucketName(stack, "Lake", "data-lake"))
            .build());

    template(stack)
        .hasResourceProperties(
            "AWS::EC2::VPCEndpoint",
            Map.of(
                "VpcEndpointType",
                "Gateway",
                "PolicyDocument",
                Map.of(
                    "Statement",
                    List.of(
                        Map.of(
                            "Effect", "Allow",
                            "Principal", Map.of("AWS", "*"),
                            "Action",
                                List.of(
                                    "s3:GetBucketLocation",
                                    "s3:ListBucket",
                                    "s3:GetObject",
                                    "s3:PutObject",
                                    "s3:PutObjectTagging",
                                    "s3:DeleteObject"),
                            "Resource",
                                List.of(
                                    Map.of(
                                        "Fn::Join",
                                        List.of(
                                            "",
                                            List.of(
                                                "arn:",
                                                Map.of("Ref", "AWS::Partition"),
                                                ":s3:::data-lake"))),
                                    Map.of(
                                        "Fn::Join",
                                        List.of(
                                            "",
                                            List.of(
                                                "arn:",
                                                Map.of("Ref", "AWS::Partition"),
                                                ":s3:::data-lake/*")))),
                            "Condition",
                                Map.of(
                                    "StringEquals",
                                    Map.of("aws:ResourceAccount", Fixtures.ACCOUNT)))),
                    "Version",
                    "2012-10-17")));
  }

  @Test
  void secretsManagerEndpointAdmitsReadingThisAccountsSecretsOnly() {
    synth(DmsNetworkProps.builder().build())
        .hasResourceProperties(
            "AWS::EC2::VPCEndpoint",
            Map.of(
                "VpcEndpointType",
                "Interface",
                "PolicyDocument",
                Map.of(
                    "Statement",
                    List.of(
                        Map.of(
                            "Effect", "Allow",
                            "Principal", Map.of("AWS", "*"),
                            "Action",
                                List.of(
                                    "secretsmanager:GetSecretValue",
                                    "secretsmanager:DescribeSecret"),
                            "Resource", "*",
                            "Condition",
                                Map.of(
                                    "StringEquals",
                                    Map.of(
                                        "aws:PrincipalAccount", Fixtures.ACCOUNT,
                                        "aws:ResourceAccount", Fixtures.ACCOUNT)))),
                    "Version",
                    "2012-10-17")));
  }

  @Test
  void aUsersSecurityGroupIsUsedAndAdmittedBySecretsManager() {
    Stack stack = stack();
    Vpc vpc = Vpc.Builder.create(stack, "Vpc").build();
    SecurityGroup own =
        SecurityGroup.Builder.create(stack, "Own").vpc(vpc).allowAllOutbound(false).build();
    DmsNetwork network =
        new DmsNetwork(
            stack, "Network", DmsNetworkProps.builder().vpc(vpc).securityGroup(own).build());
    Template template = template(stack);

    assertThat(network.getSecurityGroup()).isSameAs(own);
    template.resourcePropertiesCountIs(
        "AWS::EC2::SecurityGroup",
        Map.of(
            "GroupDescription", Match.stringLikeRegexp("^DMS replication instances: no inbound.*")),
        0);
    template.hasResourceProperties(
        "AWS::EC2::SecurityGroupIngress",
        Map.of(
            "GroupId",
            ENDPOINT_GROUP,
            "SourceSecurityGroupId",
            Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("Own.*"), "GroupId")),
            "FromPort",
            443));
  }

  @Test
  void endpointsHaveSwitchesOfTheirOwn() {
    Template s3Only = synth(DmsNetworkProps.builder().secretsManagerEndpoint(false).build());
    Template secretsOnly = synth(DmsNetworkProps.builder().s3Endpoint(false).build());

    s3Only.resourceCountIs("AWS::EC2::VPCEndpoint", 1);
    s3Only.hasResourceProperties("AWS::EC2::VPCEndpoint", Map.of("VpcEndpointType", "Gateway"));
    // Without its own endpoint, the group reaches the VPC's endpoint on HTTPS wherever it is.
    s3Only.hasResourceProperties(
        "AWS::EC2::SecurityGroup",
        Map.of(
            "SecurityGroupEgress",
            Match.arrayWith(
                List.of(
                    Match.objectLike(
                        Map.of("CidrIp", "0.0.0.0/0", "IpProtocol", "tcp", "FromPort", 443))))));
    secretsOnly.resourceCountIs("AWS::EC2::VPCEndpoint", 1);
    secretsOnly.hasResourceProperties(
        "AWS::EC2::VPCEndpoint", Map.of("VpcEndpointType", "Interface"));
  }
}
