package io.github.dmsfleet.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code changes plan} against the fakes, through the real SDK clients. */
class ChangesPlanTest extends FakeChangeSets {
  @Test
  void listsEveryTaskTheChangeSetTouchesWhyAndWhatApplyDoes() {
    fleet(DBNAME3);
    cloudFormation.pageSize(2);
    changeSetOn(SERVER1)
        .modify(logicalId(DBNAME1, "Task"), TASK, dms.taskArn(DBNAME1), "TableMappings")
        .modify(
            logicalId(DBNAME2, "SourceEndpoint"),
            ENDPOINT,
            sourceEndpointArn(DBNAME2),
            "MicrosoftSqlServerSettings")
        .modify(
            logicalId(DBNAME3, "Task"),
            TASK,
            dms.taskArn(DBNAME3),
            "ReplicationTaskSettings",
            "TableMappings")
        .tags(logicalId(DBNAME2, "Task"), TASK, dms.taskArn(DBNAME2))
        .modify(
            "ReplicationServerdbserver1Alarm", "AWS::CloudWatch::Alarm", "alarm-1", "Threshold");

    Cli.Run run = changesJson("plan");

    assertThat(run.exitCode()).isZero();
    assertThat(lines(run.json()))
        .containsExactly(
            "DmsFleet-AccountRoles no-changes -",
            "DmsFleet-Storage no-changes -",
            "DmsFleet-Network no-changes -",
            "DmsFleet-Alerts no-changes -",
            "DmsFleet-Overview no-changes -",
            "DmsFleet-Server-dbserver1 ready execute (5 changes)",
            "  dbserver1-dbname1-all running | task modified: TableMappings | stop-and-resume:"
                + " stop, then resume",
            "  dbserver1-dbname2-all running | source endpoint modified:"
                + " MicrosoftSqlServerSettings | stop-and-resume: stop, then resume",
            "  dbserver1-dbname3-all stopped | task modified: ReplicationTaskSettings,"
                + " TableMappings | nothing: nothing: not running (stopped)",
            "DmsFleet-Server-dbserver2 no-changes -");
    assertThat(run.err())
        .contains("7 stacks: 1 to update, 6 not; 3 tasks: 2 to stop and resume, 1 left alone");
  }

  @Test
  void anInstanceChangeTouchesItsTasksAndSaysWhetherItRestarts() {
    fleet();
    changeSetOn(SERVER2)
        .modify(
            "ReplicationServerInstance5E2B0C1D",
            INSTANCE,
            dms.instanceArn("dbserver2-instance"),
            "ReplicationInstanceClass",
            "PreferredMaintenanceWindow");

    Cli.Run run = changesJson("plan");

    assertThat(lines(run.json()))
        .contains(
            "  dbserver2-inventory-all running | instance modified: ReplicationInstanceClass,"
                + " PreferredMaintenanceWindow (restarts it) | stop-and-resume: stop, then resume",
            "  dbserver2-sales-all running | instance modified: ReplicationInstanceClass,"
                + " PreferredMaintenanceWindow (restarts it) | stop-and-resume: stop, then resume");
  }

  @Test
  void aMaintenanceWindowChangeLeavesTheTasksRunning() {
    fleet();
    changeSetOn(SERVER2)
        .modify(
            "ReplicationServerInstance5E2B0C1D",
            INSTANCE,
            dms.instanceArn("dbserver2-instance"),
            "PreferredMaintenanceWindow");

    Cli.Run run = changesJson("plan");

    assertThat(lines(run.json()))
        .contains(
            "  dbserver2-sales-all running | instance modified: PreferredMaintenanceWindow (no"
                + " restart) | nothing: nothing: keeps running");
  }

  @Test
  void aTableShowsTheSameRowsForPeople() {
    fleet();
    changeSetOn(SERVER1)
        .modify(logicalId(DBNAME1, "Task"), TASK, dms.taskArn(DBNAME1), "TableMappings");

    Cli.Run run = changes("plan");

    assertThat(run.out())
        .isEqualTo(
            """
            STACK                      TASK                   STATUS   WHY                           APPLY
            DmsFleet-AccountRoles      -                      -        no changes                    -
            DmsFleet-Storage           -                      -        no changes                    -
            DmsFleet-Network           -                      -        no changes                    -
            DmsFleet-Alerts            -                      -        no changes                    -
            DmsFleet-Overview          -                      -        no changes                    -
            DmsFleet-Server-dbserver1  -                      -        1 change                      execute
                                       dbserver1-dbname1-all  running  task modified: TableMappings  stop, then resume
            DmsFleet-Server-dbserver2  -                      -        no changes                    -
            7 stacks: 1 to update, 6 not; 1 task: 1 to stop and resume
            """);
  }

  @Test
  void sendsNothingThatChangesState() {
    fleet(DBNAME3);
    changeSetOn(SERVER1)
        .modify(logicalId(DBNAME1, "Task"), TASK, dms.taskArn(DBNAME1), "TableMappings")
        .replace(
            logicalId(DBNAME2, "Task"),
            TASK,
            dms.taskArn(DBNAME2),
            "ReplicationInstanceArn",
            "dbserver1-dbname2-v2-all")
        .remove(logicalId(DBNAME3, "Task"), TASK, dms.taskArn(DBNAME3));

    Cli.Run run = changes("plan");

    assertThat(run.exitCode()).isZero();
    assertThat(dms.operations())
        .containsExactlyInAnyOrder("DescribeReplicationTasks", "ListTagsForResource");
    assertThat(cloudFormation.operations())
        .containsExactlyInAnyOrder("DescribeStacks", "DescribeChangeSet");
    assertThat(run.err())
        .contains(
            "warning: apply needs --yes: 1 task would be replaced and load every table again"
                + " (dbserver1-dbname2-all)");
  }

  @Test
  void aChangeSetStillBeingCreatedIsWaitedFor() {
    fleet();
    cloudFormation.step(Duration.ofSeconds(1));
    changeSetOn(SERVER1)
        .modify(logicalId(DBNAME1, "Task"), TASK, dms.taskArn(DBNAME1), "TableMappings")
        .stillBeingCreated();

    Cli.Run run = changesJson("plan");

    assertThat(run.exitCode()).isZero();
    assertThat(lines(run.json())).contains("DmsFleet-Server-dbserver1 ready execute (1 change)");
    assertThat(cloudFormation.calls("DescribeChangeSet")).isGreaterThan(STACKS.size());
  }

  @Test
  void aTypoInTheChangeSetNameNamesTheNearestOnes() {
    fleet();
    changeSetOn(SERVER1)
        .modify(logicalId(DBNAME1, "Task"), TASK, dms.taskArn(DBNAME1), "TableMappings");
    cloudFormation.changeSet(SERVER2, "nightly");

    Cli.Run run =
        Cli.against(
            dms.endpoint(), "changes", "plan", "--config", Cli.CONFIG, "--change-set", "add-order");

    assertThat(run.exitCode()).isEqualTo(ExitCode.NOTHING_SENT);
    assertThat(run.err())
        .isEqualTo(
            "Reading change set add-order of 7 stacks\n"
                + "error: none of the fleet's 7 stacks has a change set named 'add-order';"
                + " nearest: add-orders, nightly\n");
  }

  @Test
  void anIllegalNameIsRefusedBeforeAnyCall() {
    Cli.Run run =
        Cli.run(
            Cli.NO_AWS, "changes", "plan", "--config", Cli.CONFIG, "--change-set", "add_orders");

    assertThat(run.exitCode()).isEqualTo(ExitCode.NOTHING_SENT);
    assertThat(run.err())
        .startsWith(
            "error: --change-set 'add_orders' is not a change set name: a letter, then up to 127"
                + " letters, digits and hyphens");
  }

  @Test
  void aChangeSetCloudFormationCouldNotCreateIsAProblem() {
    fleet();
    noChanges(ROLES, NETWORK, STORAGE, ALERTS, OVERVIEW, SERVER2);
    cloudFormation.failedChangeSet(
        SERVER1, CHANGE_SET, "Template error: unresolved resource dependencies [Key] in Outputs");

    Cli.Run run = changes("plan");

    assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
    assertThat(run.out())
        .contains(
            "DmsFleet-Server-dbserver1  -     -       failed: Template error: unresolved resource"
                + " dependencies [Key] in Outputs  -");
    assertThat(run.err())
        .contains(
            "warning: apply would refuse: DmsFleet-Server-dbserver1: change set failed: Template"
                + " error: unresolved resource dependencies [Key] in Outputs");
  }

  @Test
  void aReplicationConfigChangeInAFleetWithoutServerlessServersIsRefused() {
    fleet();
    changeSetOn(SERVER1)
        .modify(
            "ReplicationServerdbserver1dbname1allConfig9F8E7D6C",
            "AWS::DMS::ReplicationConfig",
            "arn:aws:dms:us-east-1:123456789012:replication-config:CONFIG1",
            "ReplicationSettings");

    Cli.Run plan = changes("plan");
    Cli.Run apply = changes("apply");

    String problem =
        "DmsFleet-Server-dbserver1: replication config"
            + " ReplicationServerdbserver1dbname1allConfig9F8E7D6C modified: ReplicationSettings,"
            + " and no server of the config runs serverless, so dms-ops does not look for what"
            + " runs there; stop it, apply, and start it yourself";
    assertThat(plan.exitCode()).isEqualTo(ExitCode.FAILED);
    assertThat(plan.err()).contains("warning: apply would refuse: " + problem);
    assertThat(apply.exitCode()).isEqualTo(ExitCode.NOTHING_SENT);
    assertThat(apply.err()).contains("error: nothing was sent, because:\n  " + problem);
    assertThat(dms.writeCalls() + cloudFormation.writeCalls()).isZero();
  }

  /** Each JSON row as one line: stacks flush left, their tasks indented under them. */
  static List<String> lines(JsonNode rows) {
    List<String> lines = new ArrayList<>();
    for (JsonNode row : rows) {
      if (row.get("task").isNull()) {
        lines.add(
            row.get("stack").asText()
                + " "
                + row.get("changeSet").asText()
                + " "
                + (row.get("apply").isNull()
                    ? "-"
                    : row.get("apply").asText() + " (" + row.get("detail").asText() + ")"));
      } else {
        lines.add(
            "  "
                + row.get("task").asText()
                + " "
                + row.get("status").asText()
                + " | "
                + row.get("why").asText()
                + " | "
                + row.get("apply").asText()
                + ": "
                + row.get("detail").asText());
      }
    }
    return lines;
  }
}
