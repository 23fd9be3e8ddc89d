package io.github.dmsfleet.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dmsfleet.ops.changes.StopMarks;
import io.github.dmsfleet.ops.fake.FakeCloudFormation;
import io.github.dmsfleet.ops.fake.FakeDms;
import io.github.dmsfleet.ops.internal.Console;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.Tag;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * {@code changes plan} with moto's DMS (its {@code endpoint-arn} filter and ListTagsForResource
 * over a list of ARNs) and the fake CloudFormation, which moto's cannot replace: it does not model
 * DMS resources. moto has no AddTagsToResource, so apply is tested against the fake DMS only.
 */
@ExtendWith(MotoServer.class)
class MotoChangesTest {
  @Test
  void planFindsATaskThroughItsEndpointAndTheTaskAnEarlierApplyMarked(URI moto) {
    Map<String, String> tasks =
        MotoFleetTest.deploy(
            moto,
            true,
            task ->
                task.equals("dbserver1-dbname1-all")
                    ? List.of(Tag.builder().key(StopMarks.KEY).value("DmsFleet/add-orders").build())
                    : List.of());
    String sourceEndpoint;
    try (DatabaseMigrationClient dms = MotoFleetTest.client(moto)) {
      tasks
          .values()
          .forEach(
              arn ->
                  dms.startReplicationTask(
                      r ->
                          r.replicationTaskArn(arn).startReplicationTaskType("start-replication")));
      sourceEndpoint =
          dms.describeEndpoints().endpoints().stream()
              .filter(
                  e -> e.endpointIdentifier().equals("dbserver1-dbname2-sqlserver-source-endpoint"))
              .findFirst()
              .orElseThrow()
              .endpointArn();
    }
    try (FakeDms host = FakeDms.start(FakeDms.Timing.quick())) {
      FakeCloudFormation cloudFormation = FakeCloudFormation.beside(host, Duration.ofMillis(100));
      FakeChangeSets.STACKS.forEach(cloudFormation::stack);
      for (String stack : FakeChangeSets.STACKS) {
        if (!stack.equals(FakeChangeSets.SERVER1)) {
          cloudFormation.failedChangeSet(stack, "add-orders", FakeCloudFormation.NO_CHANGES);
        }
      }
      cloudFormation
          .changeSet(FakeChangeSets.SERVER1, "add-orders")
          .modify("Dbname2SourceEndpoint", FakeChangeSets.ENDPOINT, sourceEndpoint, "Port")
          .modify(
              "Dbname1Task",
              FakeChangeSets.TASK,
              tasks.get("dbserver1-dbname1-all"),
              "TableMappings");

      Cli.Run run =
          Cli.run(
              cloudFormationAt(host.endpoint()),
              "changes",
              "plan",
              "--config",
              Cli.CONFIG,
              "--change-set",
              "add-orders",
              "--endpoint-url",
              moto.toString(),
              "--region",
              "us-east-1",
              "-o",
              "json");

      assertThat(run.exitCode()).isZero();
      assertThat(ChangesPlanTest.lines(run.json()))
          .contains(
              "  dbserver1-dbname1-all running | task modified: TableMappings | resume: resume"
                  + " (an earlier apply stopped it)",
              "  dbserver1-dbname2-all running | source endpoint modified: Port |"
                  + " stop-and-resume: stop, then resume");
      assertThat(run.out()).doesNotContain("dbserver1-dbname3-all");
    }
  }

  /** DMS from --endpoint-url (moto), CloudFormation from the fake. */
  private static ClientFactory cloudFormationAt(URI endpoint) {
    return new ClientFactory() {
      @Override
      public DatabaseMigrationClient dms(GlobalOptions options, Console console) {
        return Cli.DUMMY_CREDENTIALS.dms(options, console);
      }

      @Override
      public SecretsManagerClient secretsManager(GlobalOptions options, Console console) {
        return Cli.DUMMY_CREDENTIALS.secretsManager(options, console);
      }

      @Override
      public CloudFormationClient cloudFormation(GlobalOptions options, Console console) {
        return CloudFormationClient.builder()
            .endpointOverride(endpoint)
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .build();
      }
    };
  }
}
