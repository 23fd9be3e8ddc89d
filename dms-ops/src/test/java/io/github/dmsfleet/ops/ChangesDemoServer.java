package io.github.dmsfleet.ops;

import io.github.dmsfleet.model.ConfigLoader;
import io.github.dmsfleet.model.Database;
import io.github.dmsfleet.model.Fleet;
import io.github.dmsfleet.model.Names;
import io.github.dmsfleet.model.Server;
import io.github.dmsfleet.ops.fake.FakeCloudFormation;
import io.github.dmsfleet.ops.fake.FakeDms;
import io.github.dmsfleet.rules.Compute;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Serves the fake DMS and the fake CloudFormation on one port with the sample fleet deployed and a
 * change set prepared, for trying {@code dms-ops changes} by hand (the README's output comes from
 * these). Every task runs but {@code dbserver1-dbname3-all}, which was stopped.
 *
 * <p>Args: {@code add-orders} (a mapping change, an endpoint change, a change to the stopped task,
 * an instance change without restart; the default), {@code rollback} (the same, and a change
 * CloudFormation fails on, so the stack rolls back), {@code replace} (a task replaced under a new
 * name), {@code new-key} (an instance replaced under the same name) or {@code serverless} (for a
 * config whose dbserver2 runs serverless: a change to its sales replication config's settings);
 * then the config folder (default {@code config}). A serverless server's databases are running DMS
 * Serverless replications.
 */
public final class ChangesDemoServer {
  private static final String TASK = "AWS::DMS::ReplicationTask";

  private ChangesDemoServer() {}

  public static void main(String[] args) throws Exception {
    String scenario = args.length > 0 ? args[0] : "add-orders";
    Fleet fleet = ConfigLoader.load(Path.of(args.length > 1 ? args[1] : "config"));
    FakeDms dms =
        FakeDms.start(
            new FakeDms.Timing(
                Duration.ofMillis(20),
                Duration.ofSeconds(2),
                Duration.ofSeconds(3),
                Duration.ofSeconds(2),
                Duration.ZERO,
                Duration.ofSeconds(5)));
    FakeCloudFormation cloudFormation = FakeCloudFormation.beside(dms, Duration.ofSeconds(8));
    for (Server server : fleet.servers()) {
      for (Database database : server.databases()) {
        String id = database.taskIdentifier();
        String status = id.equals("dbserver1-dbname3-all") ? "stopped" : "running";
        boolean serverless = server.compute() == Compute.SERVERLESS;
        if (serverless) {
          dms.addReplication(id, "full-load-and-cdc", status, true, true);
        } else {
          dms.addTask(id, "full-load-and-cdc", status, true, true);
        }
        dms.wire(
            id,
            serverless ? null : server.instanceIdentifier(),
            database.sourceEndpointIdentifier(),
            database.targetEndpointIdentifier());
      }
    }
    String prefix = fleet.settings().stackPrefix();
    List<String> shared = Names.sharedStacks(fleet.settings());
    String dbserver1 = Names.serverStack(prefix, "dbserver1");
    String dbserver2 = Names.serverStack(prefix, "dbserver2");
    shared.forEach(cloudFormation::stack);
    cloudFormation.stack(dbserver1);
    cloudFormation.stack(dbserver2);
    String name =
        switch (scenario) {
          case "replace" -> "move-dbname1";
          case "new-key" -> "new-key";
          case "serverless" -> "sales-settings";
          default -> "add-orders";
        };
    for (String stack : shared) {
      cloudFormation.failedChangeSet(stack, name, FakeCloudFormation.NO_CHANGES);
    }
    if (scenario.equals("serverless")) {
      cloudFormation.failedChangeSet(dbserver1, name, FakeCloudFormation.NO_CHANGES);
      cloudFormation
          .changeSet(dbserver2, name)
          .modify(
              "ReplicationServerdbserver2salesallConfig5B7E1D3F",
              "AWS::DMS::ReplicationConfig",
              dms.taskArn("dbserver2-sales-all"),
              "ReplicationSettings");
      System.out.println("fake DMS and CloudFormation: " + dms.endpoint());
      Thread.sleep(Long.MAX_VALUE);
    }
    FakeCloudFormation.ChangeSet server1 = cloudFormation.changeSet(dbserver1, name);
    if (scenario.equals("new-key")) {
      cloudFormation.failedChangeSet(dbserver2, name, FakeCloudFormation.NO_CHANGES);
      server1.replace(
          "ReplicationServerInstanceC4E2A1F9",
          "AWS::DMS::ReplicationInstance",
          dms.instanceArn("dbserver1-instance"),
          "KmsKeyId",
          null);
    } else if (scenario.equals("replace")) {
      cloudFormation.failedChangeSet(dbserver2, name, FakeCloudFormation.NO_CHANGES);
      server1.replace(
          "ReplicationServerdbserver1dbname1all7F3A9C21",
          TASK,
          dms.taskArn("dbserver1-dbname1-all"),
          "ReplicationInstanceArn",
          "dbserver1-dbname1-v2-all");
    } else {
      server1
          .modify(
              "ReplicationServerdbserver1dbname1all7F3A9C21",
              TASK,
              dms.taskArn("dbserver1-dbname1-all"),
              "TableMappings")
          .modify(
              "ReplicationServerdbserver1dbname2allSourceEndpoint4D1E8B6A",
              "AWS::DMS::Endpoint",
              dms.endpointArn("dbserver1-dbname2-sqlserver-source-endpoint"),
              "MicrosoftSqlServerSettings")
          .modify(
              "ReplicationServerdbserver1dbname3allB92C4E17",
              TASK,
              dms.taskArn("dbserver1-dbname3-all"),
              "TableMappings")
          .tags(
              "ReplicationServerdbserver1dbname2all0A6F2D93",
              TASK,
              dms.taskArn("dbserver1-dbname2-all"));
      if (scenario.equals("rollback")) {
        server1.failing(
            "ReplicationServerdbserver1dbname1allCdcLatencySourceAlarmE5C83B02",
            "AWS::CloudWatch::Alarm",
            "Threshold",
            "Resource handler returned message: \"Rate exceeded (Service: CloudWatch, Status"
                + " Code: 400, Request ID: 5b1f0d2e-8a8c-4c4e-9f3a-2d6c1e7b9a40)\"");
      }
      cloudFormation
          .changeSet(dbserver2, name)
          .modify(
              "ReplicationServerInstanceC4E2A1F9",
              "AWS::DMS::ReplicationInstance",
              dms.instanceArn("dbserver2-instance"),
              "PreferredMaintenanceWindow");
    }
    System.out.println("fake DMS and CloudFormation: " + dms.endpoint());
    Thread.sleep(Long.MAX_VALUE);
  }
}
