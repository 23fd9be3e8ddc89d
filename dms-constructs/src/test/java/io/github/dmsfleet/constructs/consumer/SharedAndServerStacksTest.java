package io.github.dmsfleet.constructs.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dmsfleet.constructs.DmsAccountRoles;
import io.github.dmsfleet.constructs.DmsAlerts;
import io.github.dmsfleet.constructs.DmsAlertsProps;
import io.github.dmsfleet.constructs.DmsDatabaseMigration;
import io.github.dmsfleet.constructs.DmsDatabaseMigrationProps;
import io.github.dmsfleet.constructs.DmsNetwork;
import io.github.dmsfleet.constructs.DmsNetworkProps;
import io.github.dmsfleet.constructs.DmsReplicationServer;
import io.github.dmsfleet.constructs.DmsReplicationServerProps;
import io.github.dmsfleet.constructs.DmsS3TargetRole;
import io.github.dmsfleet.constructs.DmsS3TargetRoleProps;
import io.github.dmsfleet.constructs.DmsSecretsAccessRole;
import io.github.dmsfleet.constructs.DmsSecretsAccessRoleProps;
import io.github.dmsfleet.constructs.DmsTargetBucket;
import io.github.dmsfleet.rules.SourceEngine;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.constructs.Construct;

/**
 * Uses the constructs only through their public API, the way a CDK app with shared and per-server
 * stacks does.
 */
class SharedAndServerStacksTest {
  private static final Environment ENV =
      Environment.builder().account("123456789012").region("eu-west-1").build();

  private static CloudAssembly assembly;
  private static Template shared;
  private static Template server;

  /** Network, roles, bucket and alerts: created once, used by every server stack. */
  static final class SharedStack extends Stack {
    final DmsAccountRoles accountRoles;
    final DmsNetwork network;
    final DmsTargetBucket lake;
    final DmsS3TargetRole s3TargetRole;
    final DmsSecretsAccessRole secretsAccessRole;
    final DmsAlerts alerts;

    SharedStack(Construct scope, String id, List<String> secretNames) {
      super(scope, id, StackProps.builder().env(ENV).build());
      accountRoles = new DmsAccountRoles(this, "AccountRoles");
      network =
          new DmsNetwork(
              this, "Network", DmsNetworkProps.builder().accountRoles(accountRoles).build());
      lake = new DmsTargetBucket(this, "Lake");
      s3TargetRole =
          new DmsS3TargetRole(
              this,
              "S3TargetRole",
              DmsS3TargetRoleProps.builder().bucket(lake.getBucket()).build());
      secretsAccessRole =
          new DmsSecretsAccessRole(
              this,
              "SecretsAccessRole",
              DmsSecretsAccessRoleProps.builder().secretNames(secretNames).build());
      alerts =
          new DmsAlerts(
              this,
              "Alerts",
              DmsAlertsProps.builder().emailAddresses(List.of("dba@example.com")).build());
    }
  }

  /** One replication instance with the endpoints and tasks of its databases. */
  static final class ServerStack extends Stack {
    ServerStack(
        Construct scope, String id, SharedStack shared, String serverName, List<String> databases) {
      super(scope, id, StackProps.builder().env(ENV).build());
      DmsReplicationServer server =
          new DmsReplicationServer(
              this,
              "Server",
              DmsReplicationServerProps.builder()
                  .replicationInstanceIdentifier(serverName)
                  .allocatedStorageGiB(100)
                  .subnetGroupIdentifier(shared.network.getSubnetGroupIdentifier())
                  .securityGroups(List.of(shared.network.getSecurityGroup()))
                  .accountRoles(shared.accountRoles)
                  .tags(Map.of("dms-server", serverName))
                  .build());
      shared.alerts.alarmOnServer(server);
      for (String database : databases) {
        String name = serverName + "-" + database;
        DmsDatabaseMigration migration =
            server.addDatabase(
                database,
                DmsDatabaseMigrationProps.builder()
                    .sourceEngine(SourceEngine.SQL_SERVER)
                    .databaseName(database)
                    .secretsManagerSecretId("dms/" + name)
                    .secretsAccessRole(shared.secretsAccessRole.getRole())
                    .sourceEndpointIdentifier(name + "-source")
                    .targetEndpointIdentifier(name + "-target")
                    .replicationTaskIdentifier(name)
                    .targetBucket(shared.lake.getBucket())
                    .targetEncryptionKey(shared.lake.getEncryptionKey())
                    .s3TargetRole(shared.s3TargetRole.getRole())
                    .bucketFolder(serverName + "/" + database)
                    .build());
        shared.alerts.alarmOnTask(migration);
      }
    }
  }

  @BeforeAll
  static void synthesize() {
    App app = new App();
    SharedStack sharedStack =
        new SharedStack(app, "DmsShared", List.of("dms/erp01-sales", "dms/erp01-stock"));
    new ServerStack(app, "DmsErp01", sharedStack, "erp01", List.of("sales", "stock"));
    assembly = app.synth();
    shared = Template.fromJSON(template("DmsShared"));
    server = Template.fromJSON(template("DmsErp01"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> template(String stackName) {
    return (Map<String, Object>) assembly.getStackByName(stackName).getTemplate();
  }

  @Test
  void serverStackDeploysAfterTheSharedStack() {
    assertThat(assembly.getStackByName("DmsErp01").getDependencies())
        .extracting(artifact -> artifact.getId())
        .contains("DmsShared");
  }

  @Test
  void sharedStackHoldsTheFleetWideResources() {
    shared.resourceCountIs("AWS::EC2::VPC", 1);
    shared.resourceCountIs("AWS::DMS::ReplicationSubnetGroup", 1);
    shared.resourceCountIs("AWS::S3::Bucket", 2);
    shared.resourceCountIs("AWS::IAM::Role", 5);
    shared.resourceCountIs("AWS::SNS::Topic", 1);
    shared.resourceCountIs("AWS::DMS::EventSubscription", 2);
    shared.resourceCountIs("AWS::DMS::ReplicationInstance", 0);
  }

  @Test
  void serverStackHoldsOneInstanceWithTheEndpointsTasksAndAlarmsOfItsDatabases() {
    server.resourceCountIs("AWS::DMS::ReplicationInstance", 1);
    server.resourceCountIs("AWS::DMS::Endpoint", 4);
    server.resourceCountIs("AWS::DMS::ReplicationTask", 2);
    server.resourceCountIs("AWS::CloudWatch::Alarm", 6);
  }

  @Test
  void serverStackImportsTheSharedResources() {
    Map<String, Object> imported =
        Map.of("Fn::ImportValue", Match.stringLikeRegexp("DmsShared:.*"));
    server.hasResourceProperties(
        "AWS::DMS::ReplicationInstance",
        Map.of(
            "ReplicationSubnetGroupIdentifier", imported,
            "VpcSecurityGroupIds", List.of(imported),
            "Tags", List.of(Map.of("Key", "dms-server", "Value", "erp01"))));
    server.hasResourceProperties(
        "AWS::DMS::Endpoint",
        Map.of(
            "EndpointIdentifier",
            "erp01-sales-target",
            "S3Settings",
            Match.objectLike(
                Map.of(
                    "BucketName", imported,
                    "BucketFolder", "erp01/sales",
                    "ServiceAccessRoleArn", imported,
                    "ServerSideEncryptionKmsKeyId", imported))));
    server.hasResourceProperties(
        "AWS::DMS::Endpoint",
        Map.of(
            "EndpointIdentifier",
            "erp01-stock-source",
            "MicrosoftSqlServerSettings",
            Map.of(
                "SecretsManagerSecretId",
                "dms/erp01-stock",
                "SecretsManagerAccessRoleArn",
                imported)));
    server.allResourcesProperties(
        "AWS::CloudWatch::Alarm", Map.of("AlarmActions", List.of(imported)));
  }
}
