package io.github.dmsfleet.constructs;

import static io.github.dmsfleet.constructs.Fixtures.stack;
import static io.github.dmsfleet.constructs.Fixtures.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Size;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.sns.Topic;

class DmsReplicationServerTest {

  private static DmsReplicationServerProps.Builder onNetwork(DmsNetwork network) {
    return DmsReplicationServerProps.builder()
        .replicationInstanceIdentifier("Sales-DB01")
        .network(network);
  }

  @Test
  void isPrivateEncryptedAndSizedByDefault() {
    Stack stack = stack();
    DmsNetwork network = new DmsNetwork(stack, "Network");
    DmsReplicationServer server =
        new DmsReplicationServer(stack, "Server", onNetwork(network).build());

    template(stack)
        .hasResourceProperties(
            "AWS::DMS::ReplicationInstance",
            Map.of(
                "ReplicationInstanceIdentifier",
                "Sales-DB01",
                "ReplicationInstanceClass",
                "dms.r5.xlarge",
                "AllocatedStorage",
                50,
                "MultiAZ",
                false,
                "PubliclyAccessible",
                false,
                "AutoMinorVersionUpgrade",
                true,
                "KmsKeyId",
                Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("ServerKey.*"), "Arn")),
                "ReplicationSubnetGroupIdentifier",
                Map.of("Ref", Match.stringLikeRegexp("Network[0-9A-F]{8}")),
                "VpcSecurityGroupIds",
                List.of(
                    Map.of(
                        "Fn::GetAtt",
                        List.of(Match.stringLikeRegexp("NetworkSecurityGroup.*"), "GroupId")))));
    assertThat(server.getReplicationInstanceIdentifier()).isEqualTo("sales-db01");
    assertThat(server.getAllocatedStorage().toGibibytes()).isEqualTo(50);
    assertThat(server.getConnections().getSecurityGroups())
        .containsExactly(network.getSecurityGroup());
  }

  @Test
  void takesItsSizeAsASize() {
    Stack stack = stack();
    new DmsReplicationServer(
        stack,
        "Server",
        onNetwork(new DmsNetwork(stack, "Network")).allocatedStorage(Size.tebibytes(1)).build());

    template(stack)
        .hasResourceProperties("AWS::DMS::ReplicationInstance", Map.of("AllocatedStorage", 1024));
  }

  @Test
  void otherSecurityGroupsAreAdmittedByTheSecretsManagerEndpoint() {
    Stack stack = stack();
    DmsNetwork network = new DmsNetwork(stack, "Network");
    SecurityGroup own =
        SecurityGroup.Builder.create(stack, "Own")
            .vpc(network.getVpc())
            .allowAllOutbound(false)
            .build();
    new DmsReplicationServer(
        stack, "Server", onNetwork(network).securityGroups(List.of(own)).build());
    Template template = template(stack);
    Map<String, Object> ownGroup =
        Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("Own.*"), "GroupId"));

    template.hasResourceProperties(
        "AWS::EC2::SecurityGroupIngress",
        Map.of(
            "GroupId",
            Map.of(
                "Fn::GetAtt",
                List.of(
                    Match.stringLikeRegexp("NetworkSecretsManagerEndpointSecurityGroup.*"),
                    "GroupId")),
            "SourceSecurityGroupId",
            ownGroup,
            "FromPort",
            443));
    template.resourcePropertiesCountIs(
        "AWS::EC2::SecurityGroupEgress", Map.of("GroupId", ownGroup, "FromPort", 443), 2);
  }

  @Test
  void inAVpcItMakesItsOwnSubnetGroupAndSecurityGroup() {
    Stack stack = stack();
    DmsReplicationServer server =
        new DmsReplicationServer(
            stack,
            "Server",
            DmsReplicationServerProps.builder()
                .replicationInstanceIdentifier("sales-db01")
                .vpc(Vpc.Builder.create(stack, "Vpc").build())
                .build());
    Template template = template(stack);

    template.resourceCountIs("AWS::DMS::ReplicationSubnetGroup", 1);
    template.hasResourceProperties(
        "AWS::DMS::ReplicationInstance",
        Map.of(
            "ReplicationSubnetGroupIdentifier",
            Map.of("Ref", Match.stringLikeRegexp("ServerSubnetGroup.*"))));
    template.hasResourceProperties(
        "AWS::EC2::SecurityGroup",
        Map.of(
            "GroupDescription",
            Match.stringLikeRegexp("DMS replication instance: .*"),
            "SecurityGroupEgress",
            List.of(Match.objectLike(Map.of("CidrIp", "255.255.255.255/32")))));
    assertThat(server.getConnections().getSecurityGroups()).hasSize(1);
  }

  @Test
  void removalPolicyAppliesToTheInstanceAndItsKey() {
    Stack stack = stack();
    new DmsReplicationServer(
        stack,
        "Server",
        onNetwork(new DmsNetwork(stack, "Network")).removalPolicy(RemovalPolicy.DESTROY).build());
    Template template = template(stack);

    template.hasResource(
        "AWS::DMS::ReplicationInstance",
        Map.of("DeletionPolicy", "Delete", "UpdateReplacePolicy", "Delete"));
    template.hasResource(
        "AWS::KMS::Key", Map.of("DeletionPolicy", "Delete", "UpdateReplacePolicy", "Delete"));
  }

  @Test
  void alarmsOnFreeStorageAndCpuNotifyTheAction() {
    Stack stack = stack();
    DmsReplicationServer server =
        new DmsReplicationServer(
            stack, "Server", onNetwork(new DmsNetwork(stack, "Network")).build());
    SnsAction action = new SnsAction(Topic.Builder.create(stack, "Topic").build());

    server.addAlarms(action, DmsServerAlarmOptions.builder().freeStoragePercent(20).build());

    Template template = template(stack);
    template.hasResourceProperties(
        "AWS::CloudWatch::Alarm",
        Map.of(
            "MetricName",
            "FreeStorageSpace",
            "Namespace",
            "AWS/DMS",
            "Dimensions",
            List.of(Map.of("Name", "ReplicationInstanceIdentifier", "Value", "sales-db01")),
            "Threshold",
            50 * 1024.0 * 1024 * 1024 * 0.2,
            "ComparisonOperator",
            "LessThanThreshold",
            "AlarmActions",
            List.of(Map.of("Ref", Match.stringLikeRegexp("Topic.*"))),
            "OKActions",
            List.of(Map.of("Ref", Match.stringLikeRegexp("Topic.*")))));
    template.hasResourceProperties(
        "AWS::CloudWatch::Alarm", Map.of("MetricName", "CPUUtilization", "Threshold", 90));
  }

  @Test
  void offersTheMetricsADashboardNeeds() {
    Stack stack = stack();
    DmsReplicationServer server =
        new DmsReplicationServer(
            stack, "Server", onNetwork(new DmsNetwork(stack, "Network")).build());

    assertThat(
            List.of(
                server.metricCpuUtilization(),
                server.metricFreeableMemory(),
                server.metricFreeStorageSpace(),
                server.metricSwapUsage()))
        .extracting(metric -> metric.getMetricName() + "/" + metric.getStatistic())
        .containsExactly(
            "CPUUtilization/Average",
            "FreeableMemory/Minimum",
            "FreeStorageSpace/Minimum",
            "SwapUsage/Maximum");
  }

  @Test
  void reportsEveryProblemAtOnce() {
    Stack stack = stack();
    DmsReplicationServerProps props =
        DmsReplicationServerProps.builder()
            .replicationInstanceIdentifier("sales_db01")
            .replicationInstanceClass("r5.large")
            .allocatedStorage(Size.mebibytes(1536))
            .preferredMaintenanceWindow("sun:99:99-sun:99:99")
            .build();

    assertThatThrownBy(() -> new DmsReplicationServer(stack, "Server", props))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid DmsReplicationServer 'Server': 'replicationInstanceIdentifier' must be a DMS"
                + " identifier: 1 to 63 letters, digits or hyphens, starting with a letter, without a"
                + " trailing hyphen or '--', got 'sales_db01'; 'network' or 'vpc' is required;"
                + " 'replicationInstanceClass' must be a DMS instance class such as dms.r5.xlarge, got"
                + " 'r5.large'; 'allocatedStorage' must be a whole number of GiB from 5 to 6144, got 1.5"
                + " GiB; 'preferredMaintenanceWindow' must be ddd:hh24:mi-ddd:hh24:mi in UTC, such as"
                + " sun:04:00-sun:04:30, got 'sun:99:99-sun:99:99'");
  }
}
