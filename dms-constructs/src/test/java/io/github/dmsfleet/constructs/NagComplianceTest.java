package io.github.dmsfleet.constructs;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.HIPAASecurityChecks;
import io.github.dmsfleet.rules.SourceEngine;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.services.dms.CfnReplicationInstance;

/**
 * Every construct composed as an app would (shared stack, a server stack on an instance and one on
 * DMS Serverless) under the AwsSolutions pack and the HIPAA rule on public replication instances.
 */
class NagComplianceTest {
  private static final String PUBLIC_INSTANCE_RULE = "HIPAA.Security-DMSReplicationNotPublic";

  private static Stack shared;
  private static Stack serverStack;
  private static Stack serverlessStack;

  @BeforeAll
  static void synthesizeFleetUnderNag() {
    App app = new App();
    shared = Fixtures.stack(app, "Shared");
    serverStack = Fixtures.stack(app, "Server");
    serverlessStack = Fixtures.stack(app, "ServerlessServer");
    DmsAccountRoles roles = new DmsAccountRoles(shared, "AccountRoles");
    DmsTargetBucket lake = new DmsTargetBucket(shared, "Lake");
    DmsNetwork network =
        new DmsNetwork(
            shared,
            "Network",
            DmsNetworkProps.builder().accountRoles(roles).targetBucket(lake.getBucket()).build());
    DmsAlerts alerts =
        new DmsAlerts(
            shared,
            "Alerts",
            DmsAlertsProps.builder().emailAddresses(List.of("dba@example.com")).build());

    DmsReplicationServer instance =
        new DmsReplicationServer(
            serverStack,
            "Instance",
            DmsReplicationServerProps.builder()
                .replicationInstanceIdentifier("sales-db01")
                .network(network)
                .accountRoles(roles)
                .build());
    alerts.alarmOnServer(instance);
    alerts.alarmOnTaskLogs(
        new DmsTaskLogs(
            serverStack,
            "TaskLogs",
            DmsTaskLogsProps.builder()
                .replicationServer(instance)
                .encryptionKey(lake.getEncryptionKey())
                .build()));
    DmsSourceServer server =
        new DmsSourceServer(
            serverStack,
            "sales-db01",
            DmsSourceServerProps.builder()
                .engine(SourceEngine.SQL_SERVER)
                .replicationServer(instance)
                .targetBucket(lake.getBucket())
                .build());
    for (String database : List.of("orders", "billing")) {
      alerts.alarmOnDatabase(
          server.addDatabase(
              database,
              DmsDatabaseOptions.builder().secretName("dms/sales-db01/" + database).build()));
    }
    new DmsServerDashboard(
        serverStack,
        "Dashboard",
        DmsServerDashboardProps.builder()
            .replicationServer(instance)
            .databases(server.getDatabases())
            .build());
    new DmsFleetDashboard(shared, "Overview");
    DmsServerlessSourceServer serverless =
        new DmsServerlessSourceServer(
            serverlessStack,
            "erp01",
            DmsServerlessSourceServerProps.builder()
                .engine(SourceEngine.POSTGRESQL)
                .network(network)
                .accountRoles(roles)
                .targetBucket(lake.getBucket())
                .build());
    alerts.alarmOnDatabase(
        serverless.addDatabase(
            "orders", DmsDatabaseOptions.builder().secretName("dms/erp01/orders").build()));
    new DmsServerlessDashboard(
        serverlessStack,
        "Dashboard",
        DmsServerlessDashboardProps.builder().databases(serverless.getDatabases()).build());
    Aspects.of(app).add(new AwsSolutionsChecks());
    Aspects.of(app).add(new HIPAASecurityChecks());
    app.synth();
  }

  private static Stream<Stack> stacks() {
    return Stream.of(shared, serverStack, serverlessStack);
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
}
