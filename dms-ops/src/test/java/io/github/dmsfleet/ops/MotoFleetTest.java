package io.github.dmsfleet.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dmsfleet.model.ConfigLoader;
import io.github.dmsfleet.model.Database;
import io.github.dmsfleet.model.Fleet;
import io.github.dmsfleet.model.Server;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.Tag;

/**
 * The sample fleet deployed into moto's DMS: tasks start, status and stop, and test-connections.
 */
@ExtendWith(MotoServer.class)
class MotoFleetTest {
  private static final Fleet FLEET = ConfigLoader.load(Path.of(Cli.CONFIG));

  @Test
  void startResumesAStoppedTaskAndLeavesRunningOnesAlone(URI moto) {
    Map<String, String> arns = deploy(moto, true);
    try (DatabaseMigrationClient dms = client(moto)) {
      arns.values()
          .forEach(
              arn ->
                  dms.startReplicationTask(
                      r ->
                          r.replicationTaskArn(arn).startReplicationTaskType("start-replication")));
      dms.stopReplicationTask(r -> r.replicationTaskArn(arns.get("dbserver1-dbname1-all")));
    }

    Cli.Run before = Cli.against(moto, "tasks", "status", "--config", Cli.CONFIG);
    Cli.Run start =
        Cli.against(
            moto,
            "tasks",
            "start",
            "--config",
            Cli.CONFIG,
            "--wait",
            "--poll-interval",
            "50ms",
            "-o",
            "json");

    assertThat(before.out())
        .contains("dbserver1-dbname1-all    stopped", "dbserver2-sales-all      running");
    assertThat(start.exitCode()).isZero();
    assertThat(start.results())
        .containsEntry(
            "dbserver1-dbname1-all", "ok: started: resume-processing (it was stopped), running")
        .containsEntry("dbserver2-sales-all", "skipped: already running");
    assertThat(start.err()).contains("5 tasks: 1 ok, 4 skipped, 0 failed");
  }

  @Test
  void stopStopsTheSelectedServersTasks(URI moto) {
    Map<String, String> arns = deploy(moto, true);
    try (DatabaseMigrationClient dms = client(moto)) {
      arns.values()
          .forEach(
              arn ->
                  dms.startReplicationTask(
                      r ->
                          r.replicationTaskArn(arn).startReplicationTaskType("start-replication")));
    }

    Cli.Run stop =
        Cli.against(
            moto,
            "tasks",
            "stop",
            "--config",
            Cli.CONFIG,
            "--server",
            "dbserver1",
            "--wait",
            "--poll-interval",
            "50ms",
            "-o",
            "json");
    Cli.Run status =
        Cli.against(moto, "tasks", "status", "--config", Cli.CONFIG, "--output", "json");

    assertThat(stop.exitCode()).isZero();
    assertThat(stop.results())
        .containsExactly(
            org.assertj.core.api.Assertions.entry("dbserver1-dbname1-all", "ok: stopped"),
            org.assertj.core.api.Assertions.entry("dbserver1-dbname2-all", "ok: stopped"),
            org.assertj.core.api.Assertions.entry("dbserver1-dbname3-all", "ok: stopped"));
    java.util.List<String> statuses = new java.util.ArrayList<>();
    status
        .json()
        .forEach(t -> statuses.add(t.get("task").asText() + " " + t.get("status").asText()));
    assertThat(statuses)
        .containsExactly(
            "dbserver1-dbname1-all stopped",
            "dbserver1-dbname2-all stopped",
            "dbserver1-dbname3-all stopped",
            "dbserver2-sales-all running",
            "dbserver2-inventory-all running");
  }

  @Test
  void statusReportsTasksThatAreNotDeployed(URI moto) {
    Cli.Run status = Cli.against(moto, "tasks", "status", "--config", Cli.CONFIG);

    assertThat(status.exitCode()).isEqualTo(ExitCode.FAILED);
    assertThat(status.out()).contains("dbserver1-dbname1-all    not-found");
  }

  @Test
  void testConnectionsTestsEveryEndpointAndReportsTheMissing(URI moto) {
    deploy(moto, false);
    try (DatabaseMigrationClient dms = client(moto)) {
      String arn =
          dms.describeEndpoints().endpoints().stream()
              .filter(e -> e.endpointIdentifier().equals("dbserver2-sales-s3-target-endpoint"))
              .findFirst()
              .orElseThrow()
              .endpointArn();
      dms.deleteEndpoint(r -> r.endpointArn(arn));
    }

    Cli.Run run =
        Cli.against(moto, "test-connections", "--config", Cli.CONFIG, "--poll-interval", "50ms");

    assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
    assertThat(run.out())
        .containsPattern("dbserver1-dbname1-sqlserver-source-endpoint +ok +successful")
        .containsPattern("dbserver2-sales-s3-target-endpoint +failed +endpoint not found")
        .contains("10 endpoints: 9 ok, 1 failed");
  }

  /**
   * Creates the sample fleet's instances, endpoints and (optionally) tasks with logging on; task
   * ARNs by id.
   */
  static Map<String, String> deploy(URI moto, boolean withTasks) {
    return deploy(moto, withTasks, task -> List.of());
  }

  /** The same, each task created with the tags {@code tags} gives it. */
  static Map<String, String> deploy(URI moto, boolean withTasks, Function<String, List<Tag>> tags) {
    Map<String, String> taskArns = new HashMap<>();
    try (DatabaseMigrationClient dms = client(moto)) {
      for (Server server : FLEET.servers()) {
        String instance =
            dms.createReplicationInstance(
                    r ->
                        r.replicationInstanceIdentifier(server.instanceIdentifier())
                            .replicationInstanceClass("dms.t3.medium")
                            .allocatedStorage(50))
                .replicationInstance()
                .replicationInstanceArn();
        for (Database database : server.databases()) {
          String source =
              dms.createEndpoint(
                      r ->
                          r.endpointIdentifier(database.sourceEndpointIdentifier())
                              .endpointType("source")
                              .engineName("sqlserver"))
                  .endpoint()
                  .endpointArn();
          String target =
              dms.createEndpoint(
                      r ->
                          r.endpointIdentifier(database.targetEndpointIdentifier())
                              .endpointType("target")
                              .engineName("s3"))
                  .endpoint()
                  .endpointArn();
          if (withTasks) {
            taskArns.put(
                database.taskIdentifier(),
                dms.createReplicationTask(
                        r ->
                            r.replicationTaskIdentifier(database.taskIdentifier())
                                .replicationInstanceArn(instance)
                                .sourceEndpointArn(source)
                                .targetEndpointArn(target)
                                .migrationType("full-load-and-cdc")
                                .tableMappings(database.tableMapping().json())
                                .replicationTaskSettings("{\"Logging\":{\"EnableLogging\":true}}")
                                .tags(tags.apply(database.taskIdentifier())))
                    .replicationTask()
                    .replicationTaskArn());
          }
        }
      }
    }
    return taskArns;
  }

  static DatabaseMigrationClient client(URI endpoint) {
    return DatabaseMigrationClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .build();
  }
}
