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
import software.amazon.awscdk.services.ec2.Subnet;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ec2.VpcAttributes;

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
            DmsNetworkProps.builder().vpc(existingVpc(stack)).vpcEndpoints(false).build());
    Template template = template(stack);

    template.resourceCountIs("AWS::EC2::VPC", 0);
    template.resourceCountIs("AWS::EC2::FlowLog", 0);
    template.resourceCountIs("AWS::EC2::VPCEndpoint", 0);
    template.hasResourceProperties(
        "AWS::DMS::ReplicationSubnetGroup", Map.of("SubnetIds", List.of("subnet-0a", "subnet-0b")));
    assertThat(network.getFlowLog()).isEmpty();
    assertThat(network.getSecretsManagerEndpoint()).isEmpty();
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
            .vpcEndpoints(false)
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
                + " is given: remove 'vpcCidr', or remove 'vpc' to create one");
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
}
