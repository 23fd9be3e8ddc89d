package io.github.dmsfleet.ops;

import io.github.dmsfleet.model.ConfigLoader;
import io.github.dmsfleet.model.Database;
import io.github.dmsfleet.model.Fleet;
import io.github.dmsfleet.model.Server;
import io.github.dmsfleet.ops.fake.FakeCloudFormation;
import io.github.dmsfleet.ops.fake.FakeDms;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * Tests that drive {@code dms-ops changes} against the fake DMS holding the sample fleet's tasks,
 * wired to their instances and endpoints, and the fake CloudFormation holding its seven stacks.
 */
abstract class FakeChangeSets {
  static final Fleet FLEET = ConfigLoader.load(Path.of(Cli.CONFIG));
  static final String CHANGE_SET = "add-orders";
  static final String ROLES = "DmsFleet-AccountRoles";
  static final String NETWORK = "DmsFleet-Network";
  static final String STORAGE = "DmsFleet-Storage";
  static final String ALERTS = "DmsFleet-Alerts";
  static final String OVERVIEW = "DmsFleet-Overview";
  static final String SERVER1 = "DmsFleet-Server-dbserver1";
  static final String SERVER2 = "DmsFleet-Server-dbserver2";
  static final List<String> STACKS =
      List.of(ROLES, STORAGE, NETWORK, ALERTS, OVERVIEW, SERVER1, SERVER2);

  static final String TASK = "AWS::DMS::ReplicationTask";
  static final String ENDPOINT = "AWS::DMS::Endpoint";
  static final String INSTANCE = "AWS::DMS::ReplicationInstance";

  static final String DBNAME1 = "dbserver1-dbname1-all";
  static final String DBNAME2 = "dbserver1-dbname2-all";
  static final String DBNAME3 = "dbserver1-dbname3-all";
  static final String SALES = "dbserver2-sales-all";
  static final String INVENTORY = "dbserver2-inventory-all";

  final FakeDms dms = FakeDms.start(FakeDms.Timing.quick());

  /** The config folder the commands read. */
  String config = Cli.CONFIG;

  final FakeCloudFormation cloudFormation = FakeCloudFormation.beside(dms, Duration.ofMillis(100));

  @AfterEach
  void stopFakes() {
    dms.close();
  }

  /**
   * The sample fleet deployed: every task full load and CDC, wired, and running but those named,
   * which were stopped on request.
   */
  void fleet(String... stopped) {
    for (Server server : FLEET.servers()) {
      for (Database database : server.databases()) {
        String status =
            List.of(stopped).contains(database.taskIdentifier()) ? "stopped" : "running";
        dms.addTask(database.taskIdentifier(), "full-load-and-cdc", status, true, true);
        dms.wire(
            database.taskIdentifier(),
            server.instanceIdentifier(),
            database.sourceEndpointIdentifier(),
            database.targetEndpointIdentifier());
      }
    }
    STACKS.forEach(cloudFormation::stack);
  }

  /** The change set exists on these stacks with nothing to change, as the CDK leaves it. */
  void noChanges(String... stacks) {
    for (String stack : stacks) {
      cloudFormation.failedChangeSet(stack, CHANGE_SET, FakeCloudFormation.NO_CHANGES);
    }
  }

  /** The change set on one server stack; no changes on the other stacks. */
  FakeCloudFormation.ChangeSet changeSetOn(String server) {
    noChanges(STACKS.stream().filter(s -> !s.equals(server)).toArray(String[]::new));
    return cloudFormation.changeSet(server, CHANGE_SET);
  }

  /** The logical id the CDK gives a migration's resource, such as its task. */
  static String logicalId(String task, String resource) {
    return "ReplicationServer" + task.replace("-", "") + resource + "A1B2C3D4";
  }

  String sourceEndpointArn(String task) {
    return dms.endpointArn(task.replace("-all", "-sqlserver-source-endpoint"));
  }

  /** {@code dms-ops changes ARGS --config ../config} against the fakes, fast polls, JSON. */
  Cli.Run changes(String... args) {
    List<String> all = new ArrayList<>(List.of("changes"));
    all.addAll(List.of(args));
    all.add("--config=" + config);
    all.add("--change-set=" + CHANGE_SET);
    all.add("--poll-interval=25ms");
    return Cli.against(dms.endpoint(), all.toArray(String[]::new));
  }

  Cli.Run changesJson(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--output=json");
    return changes(all.toArray(String[]::new));
  }
}
