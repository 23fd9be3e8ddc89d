package io.github.dmsfleet.constructs;

import static io.github.dmsfleet.constructs.Fixtures.orders;
import static io.github.dmsfleet.constructs.Fixtures.serverlessProps;
import static io.github.dmsfleet.constructs.Fixtures.stack;
import static io.github.dmsfleet.constructs.Fixtures.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dmsfleet.rules.MigrationType;
import io.github.dmsfleet.rules.SourceEngine;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.kms.Key;

class DmsServerlessSourceServerTest {
  private static final Object NETWORK_GROUP =
      Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("NetworkSecurityGroup.*"), "GroupId"));
  private static final Object SUBNET_GROUP = Map.of("Ref", Match.stringLikeRegexp("Network.*"));

  @SuppressWarnings("unchecked")
  private static Map<String, Object> configProperties(Template template) {
    Map<String, Object> config =
        template.findResources("AWS::DMS::ReplicationConfig").values().iterator().next();
    return (Map<String, Object>) config.get("Properties");
  }

  @Test
  void makesOneReplicationConfigPerDatabaseAndNoInstanceOrTask() {
    Stack stack = stack();
    DmsServerlessSourceServer server = Fixtures.serverlessServer(stack);
    server.addDatabase("orders", orders());
    server.addDatabase("billing", DmsDatabaseOptions.builder().secretName("dms/billing").build());
    Template template = template(stack);

    template.resourceCountIs("AWS::DMS::ReplicationConfig", 2);
    template.resourceCountIs("AWS::DMS::Endpoint", 4);
    template.resourceCountIs("AWS::DMS::ReplicationInstance", 0);
    template.resourceCountIs("AWS::DMS::ReplicationTask", 0);
    assertThat(server.getDatabases())
        .extracting(DmsDatabaseMigrationBase::getReplicationIdentifier)
        .containsExactly("sales-db01-orders-all", "sales-db01-billing-all");
  }

  @Test
  void replicationConfigTakesTheTasksNameEndpointsAndJsonAsObjects() {
    Stack stack = stack();
    Fixtures.serverlessServer(stack).addDatabase("Orders DB", orders());
    Template template = template(stack);

    template.hasResourceProperties(
        "AWS::DMS::ReplicationConfig",
        Map.of(
            "ReplicationConfigIdentifier",
            "sales-db01-orders-db-all",
            "ReplicationType",
            "full-load-and-cdc",
            "SourceEndpointArn",
            Map.of("Ref", Match.stringLikeRegexp("salesdb01OrdersDBSourceEndpoint.*")),
            "TargetEndpointArn",
            Map.of("Ref", Match.stringLikeRegexp("salesdb01OrdersDBTargetEndpoint.*")),
            "TableMappings",
            Map.of(
                "rules",
                List.of(
                    Map.of(
                        "rule-type", "selection",
                        "rule-id", "1",
                        "rule-name", "include-all-tables",
                        "rule-action", "include",
                        "object-locator", Map.of("schema-name", "%", "table-name", "%")))),
            "ReplicationSettings",
            Map.of(
                "Logging",
                Map.of(
                    "EnableLogging",
                    true,
                    "LogComponents",
                    Match.arrayWith(
                        List.of(
                            Map.of(
                                "Id",
                                "SOURCE_CAPTURE",
                                "Severity",
                                "LOGGER_SEVERITY_DEFAULT")))))));
    // DMS names the config's ARN itself: no ResourceIdentifier, whose length DMS does not document.
    assertThat(configProperties(template)).doesNotContainKey("ResourceIdentifier");
  }

  @Test
  void computeConfigCarriesCapacitySubnetGroupSecurityGroupAndKey() {
    Stack stack = stack();
    new DmsServerlessSourceServer(
            stack,
            "sales-db01",
            serverlessProps(stack)
                .encryptionKey(Key.fromKeyArn(stack, "Key", Fixtures.KEY_ARN))
                .maxCapacityUnits(32)
                .minCapacityUnits(2)
                .multiAz(true)
                .preferredMaintenanceWindow("sun:04:00-sun:04:30")
                .build())
        .addDatabase("orders", orders());

    template(stack)
        .hasResourceProperties(
            "AWS::DMS::ReplicationConfig",
            Map.of(
                "ComputeConfig",
                Map.of(
                    "ReplicationSubnetGroupId",
                    SUBNET_GROUP,
                    "VpcSecurityGroupIds",
                    List.of(NETWORK_GROUP),
                    "KmsKeyId",
                    Fixtures.KEY_ARN,
                    "MaxCapacityUnits",
                    32,
                    "MinCapacityUnits",
                    2,
                    "MultiAZ",
                    true,
                    "PreferredMaintenanceWindow",
                    "sun:04:00-sun:04:30")));
  }

  @Test
  void defaultsTo16CapacityUnitsOneZoneAndANewRotatingKey() {
    Stack stack = stack();
    Fixtures.serverlessServer(stack).addDatabase("orders", orders());
    Template template = template(stack);

    template.hasResourceProperties(
        "AWS::DMS::ReplicationConfig",
        Map.of(
            "ComputeConfig",
            Map.of(
                "ReplicationSubnetGroupId",
                SUBNET_GROUP,
                "VpcSecurityGroupIds",
                List.of(NETWORK_GROUP),
                "KmsKeyId",
                Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("salesdb01Key.*"), "Arn")),
                "MaxCapacityUnits",
                16,
                "MultiAZ",
                false)));
    template.hasResourceProperties(
        "AWS::KMS::Key",
        Map.of(
            "Description",
            "Encrypts the DMS Serverless replications of sales-db01",
            "EnableKeyRotation",
            true));
  }

  @Test
  void endpointsAreExactlyThoseOfAServerOnAnInstance() {
    App app = new App();
    Stack onInstance = Fixtures.stack(app, "OnInstance");
    Stack serverless = Fixtures.stack(app, "Serverless");
    Fixtures.sourceServer(onInstance).addDatabase("orders", orders());
    Fixtures.serverlessServer(serverless).addDatabase("orders", orders());

    assertThat(template(serverless).findResources("AWS::DMS::Endpoint"))
        .isEqualTo(template(onInstance).findResources("AWS::DMS::Endpoint"))
        .hasSize(2);
  }

  @Test
  void databasesOverrideTheServersSettingsAsOnAnInstance() {
    Stack stack = stack();
    new DmsServerlessSourceServer(
            stack,
            "sales-db01",
            serverlessProps(stack)
                .taskSettings("{\"TargetMetadata\":{\"BatchApplyEnabled\":true}}")
                .build())
        .addDatabase(
            "orders",
            DmsDatabaseOptions.builder()
                .from(orders())
                .migrationType(MigrationType.CDC)
                .taskSettings("{\"TargetMetadata\":{\"ParallelLoadThreads\":4}}")
                .build());

    template(stack)
        .hasResourceProperties(
            "AWS::DMS::ReplicationConfig",
            Map.of(
                "ReplicationType",
                "cdc",
                "ReplicationSettings",
                Match.objectLike(
                    Map.of(
                        "TargetMetadata",
                        Map.of("BatchApplyEnabled", true, "ParallelLoadThreads", 4),
                        "Logging",
                        Match.objectLike(Map.of("EnableLogging", true))))));
  }

  @Test
  void replicationsReachTheSourceOnItsPortInItsNetworksOnly() {
    Stack stack = stack();
    new DmsServerlessSourceServer(
        stack,
        "erp01",
        serverlessProps(stack)
            .engine(SourceEngine.POSTGRESQL)
            .sourceCidrs(List.of("10.20.0.0/16"))
            .build());

    template(stack)
        .hasResourceProperties(
            "AWS::EC2::SecurityGroup",
            Map.of(
                "SecurityGroupEgress",
                Match.arrayWith(
                    List.of(
                        Map.of(
                            "CidrIp", "10.20.0.0/16",
                            "Description", "DMS reads its source databases",
                            "IpProtocol", "tcp",
                            "FromPort", 5432,
                            "ToPort", 5432)))));
  }

  @Test
  void givenSecurityGroupsAreUsedAndMayReachSecretsManager() {
    Stack stack = stack();
    DmsServerlessSourceServerProps base = serverlessProps(stack).build();
    SecurityGroup own =
        SecurityGroup.Builder.create(stack, "Own")
            .vpc(base.getNetwork().getVpc())
            .allowAllOutbound(false)
            .build();
    DmsServerlessSourceServer server =
        new DmsServerlessSourceServer(
            stack,
            "sales-db01",
            DmsServerlessSourceServerProps.builder()
                .from(base)
                .securityGroups(List.of(own))
                .build());
    server.addDatabase("orders", orders());
    Template template = template(stack);

    Object ownGroup = Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("Own.*"), "GroupId"));
    template.hasResourceProperties(
        "AWS::DMS::ReplicationConfig",
        Map.of(
            "ComputeConfig", Match.objectLike(Map.of("VpcSecurityGroupIds", List.of(ownGroup)))));
    template.hasResourceProperties(
        "AWS::EC2::SecurityGroupIngress",
        Map.of("SourceSecurityGroupId", ownGroup, "FromPort", 443, "ToPort", 443));
    assertThat(server.getConnections().getSecurityGroups()).containsExactly(own);
  }

  @Test
  void replicationConfigsWaitForTheAccountRoles() {
    Stack stack = stack();
    DmsAccountRoles roles = new DmsAccountRoles(stack, "AccountRoles");
    new DmsServerlessSourceServer(
            stack, "sales-db01", serverlessProps(stack).accountRoles(roles).build())
        .addDatabase("orders", orders());

    template(stack)
        .hasResource(
            "AWS::DMS::ReplicationConfig",
            Map.of(
                "DependsOn",
                Match.arrayWith(
                    List.of(
                        Match.stringLikeRegexp("AccountRolesCloudWatchLogsRole.*"),
                        Match.stringLikeRegexp("AccountRolesVpcRole.*")))));
  }

  @Test
  void alarmsOnLatencyAndCapacityUseTheReplicationConfigsDimension() {
    Stack stack = stack();
    DmsServerlessDatabaseMigration orders =
        Fixtures.serverlessServer(stack).addDatabase("orders", orders());
    List<Alarm> alarms = new DmsAlerts(stack, "Alerts").alarmOnDatabase(orders);
    Template template = template(stack);

    assertThat(alarms)
        .extracting(alarm -> alarm.getNode().getId())
        .containsExactly(
            "CdcLatencySourceAlarm", "CdcLatencyTargetAlarm", "CapacityUtilizationAlarm");
    Object configId =
        Map.of(
            "Fn::Join",
            List.of(
                "",
                List.of(
                    Fixtures.ACCOUNT + ":",
                    Map.of(
                        "Fn::Select",
                        List.of(
                            6,
                            Map.of(
                                "Fn::Split",
                                List.of(
                                    ":",
                                    Map.of(
                                        "Fn::GetAtt",
                                        List.of(
                                            Match.stringLikeRegexp("salesdb01orders.*"),
                                            "ReplicationConfigArn")))))))));
    template.hasResourceProperties(
        "AWS::CloudWatch::Alarm",
        Map.of(
            "Namespace",
            "AWS/DMS",
            "MetricName",
            "CapacityUtilization",
            "Dimensions",
            List.of(Map.of("Name", "ReplicationConfigId", "Value", configId)),
            "Statistic",
            "Average",
            "Period",
            300,
            "Threshold",
            90,
            "EvaluationPeriods",
            3,
            "TreatMissingData",
            "notBreaching",
            "AlarmDescription",
            "DMS Serverless replication sales-db01-orders-all has used more than 90% of its"
                + " capacity: it may be at its maxCapacityUnits"));
    template.hasResourceProperties(
        "AWS::CloudWatch::Alarm",
        Map.of(
            "MetricName",
            "CDCLatencyTarget",
            "Dimensions",
            List.of(Map.of("Name", "ReplicationConfigId", "Value", configId)),
            "Threshold",
            600,
            "AlarmDescription",
            "DMS Serverless replication sales-db01-orders-all has had target CDC latency above"
                + " 600 s"));
  }

  @Test
  void aFullLoadReplicationGetsOnlyTheCapacityAlarm() {
    Stack stack = stack();
    DmsServerlessDatabaseMigration orders =
        Fixtures.serverlessServer(stack)
            .addDatabase(
                "orders",
                DmsDatabaseOptions.builder()
                    .from(orders())
                    .migrationType(MigrationType.FULL_LOAD)
                    .build());

    List<Alarm> alarms =
        orders.addAlarms(
            new DmsAlerts(stack, "Alerts").getAlarmAction(),
            DmsServerlessAlarmOptions.builder().capacityUtilizationPercent(80).build());

    assertThat(alarms)
        .extracting(a -> a.getNode().getId())
        .containsExactly("CapacityUtilizationAlarm");
    template(stack)
        .hasResourceProperties(
            "AWS::CloudWatch::Alarm", Map.of("MetricName", "CapacityUtilization", "Threshold", 80));
  }

  @Test
  void aDatabaseMayBeCreatedInAnotherScope() {
    Stack stack = stack();
    DmsServerlessSourceServer server = Fixtures.serverlessServer(stack);
    DmsServerlessDatabaseMigration orders =
        new DmsServerlessDatabaseMigration(
            stack,
            "Orders",
            DmsServerlessDatabaseMigrationProps.builder()
                .sourceServer(server)
                .secretName("dms/sales-db01/orders")
                .databaseName("orders")
                .build());

    assertThat(orders.getSourceServer()).isSameAs(server);
    assertThat(server.getDatabases()).containsExactly(orders);
    template(stack)
        .hasResourceProperties(
            "AWS::DMS::ReplicationConfig",
            Map.of("ReplicationConfigIdentifier", "sales-db01-orders-all"));
  }

  @Test
  void refusesACdcStartPointWithTheDatabasesOtherProblems() {
    Stack stack = stack();
    DmsServerlessSourceServer server = Fixtures.serverlessServer(stack);

    assertThatThrownBy(
            () ->
                server.addDatabase(
                    "orders",
                    DmsDatabaseOptions.builder()
                        .cdcStartTime(Instant.parse("2026-01-01T00:00:00Z"))
                        .build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid DmsServerlessDatabaseMigration 'orders' of 'sales-db01': 'cdcStartPosition' and"
                + " 'cdcStartTime' do not apply to DMS Serverless, whose replication config takes no"
                + " CDC start point: remove them and give the start point when starting the"
                + " replication; 'secret' or 'secretName' is required");
  }

  @Test
  void reportsEveryProblemOfAServerAtOnce() {
    Stack stack = stack();
    DmsServerlessSourceServerProps props =
        DmsServerlessSourceServerProps.builder()
            .engine(SourceEngine.SQL_SERVER)
            .targetBucket(Fixtures.lake(stack))
            .securityGroups(List.of())
            .maxCapacityUnits(24)
            .minCapacityUnits(32)
            .preferredMaintenanceWindow("sun:25:00-sun:25:30")
            .build();

    assertThatThrownBy(() -> new DmsServerlessSourceServer(stack, "erp01", props))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid DmsServerlessSourceServer 'erp01': 'network' is required: DMS Serverless"
                + " reaches S3 and Secrets Manager only through VPC endpoints, which a DmsNetwork"
                + " provides; 'securityGroups' must hold at least one security group; leave it out"
                + " for the network's; 'maxCapacityUnits' must be one of 1, 2, 4, 8, 16, 32, 64,"
                + " 128, 192, 256, 384 DMS capacity units, got 24; 'minCapacityUnits' 32 is above"
                + " 'maxCapacityUnits' 24: lower it or raise 'maxCapacityUnits';"
                + " 'preferredMaintenanceWindow' must be ddd:hh24:mi-ddd:hh24:mi in UTC, such as"
                + " sun:04:00-sun:04:30, got 'sun:25:00-sun:25:30'");
  }

  @Test
  void refusesACapacityDmsDoesNotOffer() {
    Stack stack = stack();

    assertThatThrownBy(
            () ->
                new DmsServerlessSourceServer(
                    stack, "erp01", serverlessProps(stack).minCapacityUnits(3).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid DmsServerlessSourceServer 'erp01': 'minCapacityUnits' must be one of 1, 2, 4,"
                + " 8, 16, 32, 64, 128, 192, 256, 384 DMS capacity units, got 3");
  }
}
