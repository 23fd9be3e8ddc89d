package io.github.dmsfleet.constructs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.HIPAASecurityChecks;
import io.github.dmsfleet.rules.SourceEngine;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.dms.CfnReplicationInstance;

/**
 * Every construct composed as an app would (shared stack and server stack) under the AwsSolutions
 * pack and the HIPAA rule on public replication instances, plus the DMS settings no nag pack
 * checks.
 */
class NagComplianceTest {
  private static final String PUBLIC_INSTANCE_RULE = "HIPAA.Security-DMSReplicationNotPublic";

  private static Stack shared;
  private static Stack serverStack;

  @BeforeAll
  static void synthesizeFleetUnderNag() {
    App app = new App();
    shared = Fixtures.stack(app, "Shared");
    serverStack = Fixtures.stack(app, "Server");
    composeFleet(shared, serverStack);
    Aspects.of(app).add(new AwsSolutionsChecks());
    Aspects.of(app).add(new HIPAASecurityChecks());
    app.synth();
  }

  static void composeFleet(Stack shared, Stack serverStack) {
    DmsAccountRoles roles = new DmsAccountRoles(shared, "AccountRoles");
    DmsNetwork network =
        new DmsNetwork(shared, "Network", DmsNetworkProps.builder().accountRoles(roles).build());
    DmsTargetBucket lake = new DmsTargetBucket(shared, "Lake");
    DmsS3TargetRole s3Role =
        new DmsS3TargetRole(
            shared,
            "S3TargetRole",
            DmsS3TargetRoleProps.builder()
                .bucket(lake.getBucket())
                .bucketFolders(List.of("sales-db01"))
                .build());
    DmsSecretsAccessRole secretsRole =
        new DmsSecretsAccessRole(
            shared,
            "SecretsRole",
            DmsSecretsAccessRoleProps.builder()
                .secretNames(List.of("dms/sales-db01/orders", "dms/sales-db01/billing"))
                .build());
    DmsAlerts alerts =
        new DmsAlerts(
            shared,
            "Alerts",
            DmsAlertsProps.builder().emailAddresses(List.of("dba@example.com")).build());

    DmsReplicationServer server =
        new DmsReplicationServer(
            serverStack,
            "SalesDb01",
            DmsReplicationServerProps.builder()
                .replicationInstanceIdentifier("sales-db01")
                .subnetGroupIdentifier(network.getSubnetGroupIdentifier())
                .securityGroups(List.of(network.getSecurityGroup()))
                .accountRoles(roles)
                .build());
    alerts.alarmOnServer(server);
    for (String database : List.of("orders", "billing")) {
      DmsDatabaseMigration migration =
          server.addDatabase(
              database,
              DmsDatabaseMigrationProps.builder()
                  .sourceEngine(SourceEngine.SQL_SERVER)
                  .databaseName(database)
                  .secretsManagerSecretId("dms/sales-db01/" + database)
                  .secretsAccessRole(secretsRole.getRole())
                  .sourceEndpointIdentifier("sales-db01-" + database + "-source")
                  .targetEndpointIdentifier("sales-db01-" + database + "-target")
                  .replicationTaskIdentifier("sales-db01-" + database)
                  .targetBucket(lake.getBucket())
                  .s3TargetRole(s3Role.getRole())
                  .bucketFolder("sales-db01/" + database)
                  .build());
      alerts.alarmOnTask(migration);
    }
  }

  private static Stream<Stack> stacks() {
    return Stream.of(shared, serverStack);
  }

  /** Fails with every matching finding listed: errors and warnings of these rules. */
  private static void assertNoFindings(Stack stack, String rulePattern) {
    Annotations annotations = Annotations.fromStack(stack);
    annotations.hasNoError("*", Match.stringLikeRegexp(rulePattern));
    annotations.hasNoWarning("*", Match.stringLikeRegexp(rulePattern));
  }

  @Test
  void passesAwsSolutionsWithoutUnacknowledgedFindings() {
    stacks().forEach(stack -> assertNoFindings(stack, "AwsSolutions-.*"));
  }

  @Test
  void passesTheHipaaRuleOnPublicReplicationInstances() {
    stacks().forEach(stack -> assertNoFindings(stack, PUBLIC_INSTANCE_RULE + ".*"));
  }

  @Test
  void theHipaaRuleWouldCatchAPublicReplicationInstance() {
    App app = new App();
    Stack stack = Fixtures.stack(app, "Public");
    CfnReplicationInstance.Builder.create(stack, "Public")
        .replicationInstanceClass("dms.t3.medium")
        .publiclyAccessible(true)
        .build();
    Aspects.of(app).add(new HIPAASecurityChecks());
    app.synth();

    assertThatThrownBy(
            () ->
                Annotations.fromStack(stack)
                    .hasNoError("*", Match.stringLikeRegexp(PUBLIC_INSTANCE_RULE + ".*")))
        .hasMessageContaining("Expected no matches, but stack has 1 messages")
        .hasMessageContaining(
            "HIPAA.Security-DMSReplicationNotPublic: The DMS replication instance is public");
  }

  @Test
  void replicationInstancesArePrivateAndEncryptedWithACustomerKey() {
    Template.fromStack(serverStack)
        .allResourcesProperties(
            "AWS::DMS::ReplicationInstance",
            Map.of(
                "PubliclyAccessible",
                false,
                "KmsKeyId",
                Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("SalesDb01Key.*"), "Arn"))));
  }

  @Test
  void sourceEndpointsRequireSslAndHoldNoCredentials() {
    Map<String, Map<String, Object>> sources =
        Template.fromStack(serverStack)
            .findResources(
                "AWS::DMS::Endpoint", Map.of("Properties", Map.of("EndpointType", "source")));

    assertThat(sources).hasSize(2);
    sources
        .values()
        .forEach(
            source ->
                assertThat(source.get("Properties"))
                    .asInstanceOf(InstanceOfAssertFactories.MAP)
                    .containsEntry("SslMode", "require")
                    .doesNotContainKeys("Username", "Password", "ServerName", "Port"));
  }

  @Test
  void s3TargetsEncryptWithTheBucketKey() {
    Template template = Template.fromStack(serverStack);

    Object bucketKey = Map.of("Fn::ImportValue", Match.stringLikeRegexp("Shared:.*LakeKey.*"));
    template.resourcePropertiesCountIs(
        "AWS::DMS::Endpoint",
        Map.of(
            "S3Settings",
            Map.of("EncryptionMode", "SSE_KMS", "ServerSideEncryptionKmsKeyId", bucketKey)),
        2);
  }
}
