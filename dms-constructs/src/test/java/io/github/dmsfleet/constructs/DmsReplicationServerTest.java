package io.github.dmsfleet.constructs;

import static io.github.dmsfleet.constructs.Fixtures.server;
import static io.github.dmsfleet.constructs.Fixtures.serverProps;
import static io.github.dmsfleet.constructs.Fixtures.stack;
import static io.github.dmsfleet.constructs.Fixtures.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

class DmsReplicationServerTest {

  @Test
  void replicationInstanceIsNeverPublic() {
    Stack stack = stack();
    server(stack);

    template(stack)
        .hasResourceProperties(
            "AWS::DMS::ReplicationInstance", Map.of("PubliclyAccessible", false));
  }

  @Test
  void appliesDocumentedDefaults() {
    Stack stack = stack();
    server(stack);

    template(stack)
        .hasResourceProperties(
            "AWS::DMS::ReplicationInstance",
            Map.of(
                "ReplicationInstanceIdentifier",
                "sales-db01",
                "ReplicationInstanceClass",
                "dms.r5.xlarge",
                "AllocatedStorage",
                50,
                "MultiAZ",
                false,
                "AutoMinorVersionUpgrade",
                true,
                "ReplicationSubnetGroupIdentifier",
                "dms-subnets",
                "VpcSecurityGroupIds",
                List.of("sg-0123456789abcdef0"),
                "EngineVersion",
                Match.absent(),
                "PreferredMaintenanceWindow",
                Match.absent()));
  }

  @Test
  void encryptsStorageWithANewRotatingKeyByDefault() {
    Stack stack = stack();
    server(stack);
    Template template = template(stack);

    template.hasResourceProperties("AWS::KMS::Key", Map.of("EnableKeyRotation", true));
    template.hasResourceProperties(
        "AWS::DMS::ReplicationInstance",
        Map.of(
            "KmsKeyId",
            Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("ServerKey.*"), "Arn"))));
  }

  @Test
  void encryptsStorageWithTheGivenKey() {
    Stack stack = stack();
    new DmsReplicationServer(
        stack,
        "Server",
        serverProps(stack).encryptionKey(Key.fromKeyArn(stack, "Key", Fixtures.KEY_ARN)).build());
    Template template = template(stack);

    template.resourceCountIs("AWS::KMS::Key", 0);
    template.hasResourceProperties(
        "AWS::DMS::ReplicationInstance", Map.of("KmsKeyId", Fixtures.KEY_ARN));
  }

  @Test
  void passesOptionalSettingsAndTags() {
    Stack stack = stack();
    new DmsReplicationServer(
        stack,
        "Server",
        serverProps(stack)
            .replicationInstanceClass("dms.r5.large")
            .allocatedStorageGiB(200)
            .multiAz(true)
            .engineVersion("3.5.4")
            .preferredMaintenanceWindow("sun:04:00-sun:04:30")
            .tags(Map.of("server", "sales-db01"))
            .build());

    template(stack)
        .hasResourceProperties(
            "AWS::DMS::ReplicationInstance",
            Map.of(
                "ReplicationInstanceClass",
                "dms.r5.large",
                "AllocatedStorage",
                200,
                "MultiAZ",
                true,
                "EngineVersion",
                "3.5.4",
                "PreferredMaintenanceWindow",
                "sun:04:00-sun:04:30",
                "Tags",
                List.of(Map.of("Key", "server", "Value", "sales-db01"))));
  }

  @Test
  void failsWhenAllocatedStorageIsOutOfRange() {
    Stack stack = stack();
    DmsReplicationServerProps props = serverProps(stack).allocatedStorageGiB(4).build();

    assertThatThrownBy(() -> new DmsReplicationServer(stack, "Server", props))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid DmsReplicationServer 'Server': 'allocatedStorageGiB' must be between 5 and 6144,"
                + " got 4");
  }

  @Test
  void reportsEveryProblemAtOnce() {
    Stack stack = stack();
    DmsReplicationServerProps props =
        DmsReplicationServerProps.builder()
            .replicationInstanceIdentifier("sales_db01")
            .replicationInstanceClass("r5.large")
            .preferredMaintenanceWindow("sunday 4am")
            .build();

    assertThatThrownBy(() -> new DmsReplicationServer(stack, "Server", props))
        .hasMessage(
            "Invalid DmsReplicationServer 'Server': 'replicationInstanceIdentifier' must be a DMS"
                + " identifier: 1 to 63 letters, digits or hyphens, starting with a letter, without a"
                + " trailing hyphen or '--', got 'sales_db01'; 'replicationInstanceClass' must be a DMS"
                + " instance class such as dms.r5.xlarge, got 'r5.large'; 'preferredMaintenanceWindow'"
                + " must be ddd:hh24:mi-ddd:hh24:mi in UTC, such as sun:04:00-sun:04:30, got 'sunday"
                + " 4am'; 'subnetGroupIdentifier' is required; 'securityGroups' must hold at least one"
                + " element");
  }

  @Test
  void failsOnAMaintenanceWindowWithoutRealHoursAndMinutes() {
    Stack stack = stack();
    DmsReplicationServerProps props =
        serverProps(stack).preferredMaintenanceWindow("sun:99:99-sun:99:99").build();

    assertThatThrownBy(() -> new DmsReplicationServer(stack, "Server", props))
        .hasMessage(
            "Invalid DmsReplicationServer 'Server': 'preferredMaintenanceWindow' must be"
                + " ddd:hh24:mi-ddd:hh24:mi in UTC, such as sun:04:00-sun:04:30, got"
                + " 'sun:99:99-sun:99:99'");
  }

  @Test
  void metricsUseTheLowerCaseInstanceIdentifier() {
    Stack stack = stack();
    DmsReplicationServer server =
        new DmsReplicationServer(
            stack,
            "Server",
            serverProps(stack).replicationInstanceIdentifier("Sales-DB01").build());

    assertThat(server.metricFreeStorageSpace().getNamespace()).isEqualTo("AWS/DMS");
    assertThat(server.metricFreeStorageSpace().getDimensions())
        .isEqualTo(Map.of("ReplicationInstanceIdentifier", "sales-db01"));
    assertThat(server.metricCpuUtilization().getMetricName()).isEqualTo("CPUUtilization");
  }

  @Test
  void alarmsOnLowStorageAndHighCpuNotifyATopicInAnotherStack() {
    App app = new App();
    Topic topic = new Topic(Fixtures.stack(app, "Shared"), "Topic");
    Stack serverStack = Fixtures.stack(app, "Server");
    DmsReplicationServer server = server(serverStack);

    assertThat(server.addAlarms(topic)).hasSize(2);
    Template template = Template.fromStack(serverStack);

    Object topicArn =
        List.of(Map.of("Fn::ImportValue", Match.stringLikeRegexp("Shared:.*Topic.*")));
    template.hasResourceProperties(
        "AWS::CloudWatch::Alarm",
        Map.of(
            "MetricName",
            "FreeStorageSpace",
            "ComparisonOperator",
            "LessThanThreshold",
            "Threshold",
            50 * 1024L * 1024 * 1024 / 10,
            "AlarmActions",
            topicArn,
            "OKActions",
            topicArn));
    template.hasResourceProperties(
        "AWS::CloudWatch::Alarm",
        Map.of(
            "MetricName",
            "CPUUtilization",
            "ComparisonOperator",
            "GreaterThanThreshold",
            "Threshold",
            90,
            "EvaluationPeriods",
            3));
  }

  @Test
  void addDatabaseRejectsAnotherServer() {
    Stack stack = stack();
    DmsReplicationServer first = server(stack);
    DmsReplicationServer second =
        new DmsReplicationServer(
            stack,
            "Second",
            serverProps(new Construct(stack, "Imports"))
                .replicationInstanceIdentifier("sales-db02")
                .build());
    DmsDatabaseMigrationProps props =
        Fixtures.migrationProps(stack).replicationServer(first).build();

    assertThatThrownBy(() -> second.addDatabase("Orders", props))
        .hasMessage(
            "Invalid DmsDatabaseMigration 'Orders': 'replicationServer' names another server than the"
                + " one it is added to: leave it out");
  }
}
