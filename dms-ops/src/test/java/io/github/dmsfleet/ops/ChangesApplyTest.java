package io.github.dmsfleet.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.github.dmsfleet.ops.changes.StopMarks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;

/**
 * {@code changes apply} and {@code changes resume} against the fakes, through the real SDK clients.
 */
class ChangesApplyTest extends FakeChangeSets {
  private static final String MARK = "DmsFleet/" + CHANGE_SET;
  private static final String RESUMED =
      "started: resume-processing (it was stopped, NORMAL), running";

  @Test
  void theFakeRollsBackAnUpdateOfARunningTaskAsCloudFormationDoes() {
    fleet();
    changeSetOn(SERVER1)
        .modify(logicalId(DBNAME1, "Task"), TASK, dms.taskArn(DBNAME1), "TableMappings");

    try (CloudFormationClient client = client()) {
      client.executeChangeSet(r -> r.stackName(SERVER1).changeSetName(CHANGE_SET));
      client
          .waiter()
          .waitUntilStackRollbackComplete(
              r -> r.stackName(SERVER1),
              w ->
                  w.maxAttempts(100)
                      .backoffStrategyV2(
                          BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(25))));
    }

    assertThat(cloudFormation.status(SERVER1)).isEqualTo("UPDATE_ROLLBACK_COMPLETE");
    assertThat(dms.templateChanges(dms.taskArn(DBNAME1))).isZero();
  }

  @Test
  void aMappingChangeStopsTheRunningTaskExecutesAndResumesIt() {
    fleet();
    changeSetOn(SERVER1)
        .modify(logicalId(DBNAME1, "Task"), TASK, dms.taskArn(DBNAME1), "TableMappings");

    Cli.Run run = changesJson("apply");

    assertThat(run.exitCode()).isZero();
    assertThat(run.results())
        .containsExactly(
            entry(ROLES, "skipped: no changes"),
            entry(STORAGE, "skipped: no changes"),
            entry(NETWORK, "skipped: no changes"),
            entry(ALERTS, "skipped: no changes"),
            entry(OVERVIEW, "skipped: no changes"),
            entry(SERVER1, "ok: UPDATE_COMPLETE (1 change)"),
            entry(DBNAME1, "ok: stopped; " + RESUMED),
            entry(SERVER2, "skipped: no changes"));
    assertThat(dms.templateChanges(dms.taskArn(DBNAME1))).isEqualTo(1);
    assertThat(dms.startTypes(DBNAME1)).containsExactly("resume-processing");
    assertThat(dms.status(DBNAME1)).isEqualTo("running");
    assertThat(dms.tags(dms.taskArn(DBNAME1))).isEmpty();
    assertThat(cloudFormation.status(SERVER1)).isEqualTo("UPDATE_COMPLETE");
    assertThat(run.err())
        .contains(
            "dbserver1-dbname1-all: tagged dms-ops:stopped-for-change-set=DmsFleet/add-orders",
            "DmsFleet-Server-dbserver1: executing change set add-orders",
            "8 items: 2 ok, 6 skipped, 0 failed");
  }

  @Test
  void tasksOfOtherStacksAndUntouchedTasksAreLeftAlone() {
    fleet();
    changeSetOn(SERVER1)
        .modify(logicalId(DBNAME1, "Task"), TASK, dms.taskArn(DBNAME1), "TableMappings");

    changesJson("apply");

    assertThat(dms.calls("StopReplicationTask")).isEqualTo(1);
    assertThat(dms.calls("StartReplicationTask")).isEqualTo(1);
    for (String task : new String[] {DBNAME2, DBNAME3, SALES, INVENTORY}) {
      assertThat(dms.startTypes(task)).as(task).isEmpty();
      assertThat(dms.status(task)).as(task).isEqualTo("running");
      assertThat(dms.tags(dms.taskArn(task))).as(task).isEmpty();
    }
    assertThat(cloudFormation.calls("ExecuteChangeSet")).isEqualTo(1);
  }

  @Test
  void anEndpointChangeTouchesTheTaskOnlyThroughTheEndpoint() {
    fleet();
    changeSetOn(SERVER1)
        .modify(
            logicalId(DBNAME2, "SourceEndpoint"),
            ENDPOINT,
            sourceEndpointArn(DBNAME2),
            "MicrosoftSqlServerSettings");

    Cli.Run plan = changesJson("plan");
    Cli.Run apply = changesJson("apply");

    assertThat(ChangesPlanTest.lines(plan.json()))
        .contains(
            "  dbserver1-dbname2-all running | source endpoint modified:"
                + " MicrosoftSqlServerSettings | stop-and-resume: stop, then resume");
    assertThat(apply.exitCode()).isZero();
    assertThat(apply.results())
        .containsEntry(SERVER1, "ok: UPDATE_COMPLETE (1 change)")
        .containsEntry(DBNAME2, "ok: stopped; " + RESUMED)
        .doesNotContainKeys(DBNAME1, DBNAME3);
    // DMS tests the endpoint after the change and refuses a start meanwhile: the resume waited.
    assertThat(dms.calls("DescribeConnections")).isPositive();
    assertThat(dms.templateChanges(sourceEndpointArn(DBNAME2))).isEqualTo(1);
    assertThat(dms.startTypes(DBNAME1)).isEmpty();
  }

  @Test
  void aChangeToAStoppedTaskNeitherStopsNorResumesIt() {
    fleet(DBNAME3);
    changeSetOn(SERVER1)
        .modify(logicalId(DBNAME3, "Task"), TASK, dms.taskArn(DBNAME3), "ReplicationTaskSettings");

    Cli.Run run = changesJson("apply");

    assertThat(run.exitCode()).isZero();
    assertThat(run.results())
        .containsEntry(SERVER1, "ok: UPDATE_COMPLETE (1 change)")
        .containsEntry(DBNAME3, "skipped: nothing: not running (stopped)");
    assertThat(dms.calls("StopReplicationTask")).isZero();
    assertThat(dms.calls("StartReplicationTask")).isZero();
    assertThat(dms.calls("AddTagsToResource")).isZero();
    assertThat(dms.templateChanges(dms.taskArn(DBNAME3))).isEqualTo(1);
    assertThat(dms.status(DBNAME3)).isEqualTo("stopped");
  }

  @Test
  void aReplacementIsRefusedWithoutYesAndNothingIsSent() {
    fleet();
    changeSetOn(SERVER1)
        .replace(
            logicalId(DBNAME1, "Task"),
            TASK,
            dms.taskArn(DBNAME1),
            "ReplicationInstanceArn",
            "dbserver1-dbname1-v2-all");

    Cli.Run run = changes("apply");

    assertThat(run.exitCode()).isEqualTo(ExitCode.NOTHING_SENT);
    assertThat(run.err())
        .endsWith(
            "error: 1 task would be replaced and load every table again (dbserver1-dbname1-all);"
                + " nothing was sent. To apply, add --yes\n");
    assertThat(dms.writeCalls()).isZero();
    assertThat(cloudFormation.writeCalls()).isZero();
  }

  @Test
  void withYesTheReplacementStartsAndLoadsEveryTable() {
    fleet();
    changeSetOn(SERVER1)
        .replace(
            logicalId(DBNAME1, "Task"),
            TASK,
            dms.taskArn(DBNAME1),
            "ReplicationInstanceArn",
            "dbserver1-dbname1-v2-all");

    Cli.Run run = changesJson("apply", "--yes");

    assertThat(run.exitCode()).isZero();
    assertThat(run.results())
        .containsEntry(
            DBNAME1,
            "ok: stopped; replaced by dbserver1-dbname1-v2-all, which started:"
                + " start-replication, running");
    assertThat(dms.exists(DBNAME1)).isFalse();
    assertThat(dms.startTypes("dbserver1-dbname1-v2-all")).containsExactly("start-replication");
  }

  @Test
  void aReplacementUnderTheSameNameIsRefusedAsCloudFormationWould() {
    fleet();
    changeSetOn(SERVER1)
        .replace(
            logicalId(DBNAME1, "Task"), TASK, dms.taskArn(DBNAME1), "ReplicationInstanceArn", null);

    Cli.Run run = changes("apply", "--yes");

    assertThat(run.exitCode()).isEqualTo(ExitCode.NOTHING_SENT);
    assertThat(run.err())
        .contains(
            "error: nothing was sent, because:\n  DmsFleet-Server-dbserver1: task "
                + logicalId(DBNAME1, "Task")
                + " would be replaced under the same ReplicationTaskIdentifier, which"
                + " CloudFormation refuses for a resource with a custom name; give it a new name"
                + " in the same deploy");
    assertThat(dms.writeCalls() + cloudFormation.writeCalls()).isZero();
  }

  @Test
  void aRolledBackStackStillResumesItsTasksAndReportsTheFailure() {
    fleet();
    cloudFormation.pageSize(2);
    changeSetOn(SERVER1)
        .modify(logicalId(DBNAME1, "Task"), TASK, dms.taskArn(DBNAME1), "TableMappings")
        .failing(
            "ReplicationServerdbserver1dbname1allLatencyAlarm0C9D8E7F",
            "AWS::CloudWatch::Alarm",
            "Threshold",
            "Resource handler returned message: \"Rate exceeded (Service: CloudWatch, Status"
                + " Code: 400)\"");

    Cli.Run run = changesJson("apply");

    assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
    assertThat(run.results())
        .containsEntry(
            SERVER1,
            "failed: UPDATE_ROLLBACK_COMPLETE:"
                + " ReplicationServerdbserver1dbname1allLatencyAlarm0C9D8E7F"
                + " (AWS::CloudWatch::Alarm): Resource handler returned message: \"Rate exceeded"
                + " (Service: CloudWatch, Status Code: 400)\"")
        .containsEntry(
            DBNAME1,
            "ok: stopped; the update rolled back, so it keeps its old settings; " + RESUMED);
    assertThat(dms.status(DBNAME1)).isEqualTo("running");
    assertThat(dms.tags(dms.taskArn(DBNAME1))).isEmpty();
  }

  @Test
  void aRerunAfterACrashThatStoppedTasksResumesThem() {
    // What a crash after the stop leaves: the task stopped and marked, the change set not run.
    fleet(DBNAME1);
    dms.tag(dms.taskArn(DBNAME1), StopMarks.KEY, MARK);
    changeSetOn(SERVER1)
        .modify(logicalId(DBNAME1, "Task"), TASK, dms.taskArn(DBNAME1), "TableMappings");

    Cli.Run plan = changesJson("plan");
    Cli.Run apply = changesJson("apply");

    assertThat(ChangesPlanTest.lines(plan.json()))
        .contains(
            "  dbserver1-dbname1-all stopped | task modified: TableMappings | resume: resume (an"
                + " earlier apply stopped it)");
    assertThat(apply.exitCode()).isZero();
    assertThat(apply.results())
        .containsEntry(SERVER1, "ok: UPDATE_COMPLETE (1 change)")
        .containsEntry(DBNAME1, "ok: " + RESUMED);
    assertThat(dms.calls("StopReplicationTask")).isZero();
    assertThat(dms.tags(dms.taskArn(DBNAME1))).isEmpty();
  }

  @Test
  void aRerunAfterASuccessChangesNothing() {
    fleet();
    changeSetOn(SERVER1)
        .modify(logicalId(DBNAME1, "Task"), TASK, dms.taskArn(DBNAME1), "TableMappings");
    changesJson("apply");

    Cli.Run again = changesJson("apply");

    assertThat(again.exitCode()).isZero();
    assertThat(again.results())
        .containsEntry(SERVER1, "skipped: already executed: UPDATE_COMPLETE")
        .containsEntry(DBNAME1, "skipped: nothing: the change set was executed already");
    assertThat(dms.calls("StopReplicationTask")).isEqualTo(1);
    assertThat(cloudFormation.calls("ExecuteChangeSet")).isEqualTo(1);
  }

  @Test
  void anUpdateLostSightOfKeepsItsTasksStoppedAndTaggedForTheRerun() {
    fleet();
    changeSetOn(SERVER1)
        .modify(logicalId(DBNAME1, "Task"), TASK, dms.taskArn(DBNAME1), "TableMappings");
    cloudFormation.pass("DescribeStacks", STACKS.size());
    cloudFormation.inject("DescribeStacks", "InvalidParameterValue", 2);

    Cli.Run lost = changesJson("apply");
    Cli.Run rerun = changesJson("apply");

    assertThat(lost.exitCode()).isEqualTo(ExitCode.FAILED);
    assertThat(lost.results())
        .containsEntry(
            SERVER1,
            "failed: lost sight of the update (InvalidParameterValue: injected"
                + " InvalidParameterValue); rerun changes apply to wait for it and resume its tasks")
        .containsEntry(
            DBNAME1, "failed: stopped; not resumed: DmsFleet-Server-dbserver1 is still updating");
    assertThat(rerun.exitCode()).isZero();
    assertThat(rerun.results()).containsEntry(DBNAME1, "ok: " + RESUMED);
    assertThat(dms.tags(dms.taskArn(DBNAME1))).isEmpty();
  }

  @Test
  void resumeStartsTheMarkedTasksWithoutExecutingAnything() {
    fleet(DBNAME1, DBNAME2);
    dms.tag(dms.taskArn(DBNAME1), StopMarks.KEY, MARK);
    dms.tag(dms.taskArn(DBNAME2), StopMarks.KEY, "OtherFleet/" + CHANGE_SET);
    changeSetOn(SERVER1)
        .modify(logicalId(DBNAME1, "Task"), TASK, dms.taskArn(DBNAME1), "TableMappings");

    Cli.Run run = changesJson("resume");

    assertThat(run.exitCode()).isZero();
    assertThat(run.results()).containsExactly(entry(DBNAME1, "ok: " + RESUMED));
    assertThat(dms.tags(dms.taskArn(DBNAME1))).isEmpty();
    assertThat(dms.tags(dms.taskArn(DBNAME2)))
        .containsEntry(StopMarks.KEY, "OtherFleet/" + CHANGE_SET);
    assertThat(dms.status(DBNAME2)).isEqualTo("stopped");
    assertThat(cloudFormation.writeCalls()).isZero();
  }

  @Test
  void resumeWaitsForNoStackUpdateAndApplyFinishesIt() {
    fleet(DBNAME1);
    dms.tag(dms.taskArn(DBNAME1), StopMarks.KEY, MARK);
    changeSetOn(SERVER1)
        .modify(logicalId(DBNAME1, "Task"), TASK, dms.taskArn(DBNAME1), "TableMappings");
    // A crash after the execution: the stack is still updating.
    cloudFormation.step(Duration.ofSeconds(1));
    try (CloudFormationClient client = client()) {
      client.executeChangeSet(r -> r.stackName(SERVER1).changeSetName(CHANGE_SET));
    }

    Cli.Run resume = changes("resume");
    Cli.Run apply = changesJson("apply");

    assertThat(resume.exitCode()).isEqualTo(ExitCode.NOTHING_SENT);
    assertThat(resume.err())
        .endsWith(
            "error: DmsFleet-Server-dbserver1 is UPDATE_IN_PROGRESS; resuming now would race the"
                + " update. Wait for it, or run changes apply --change-set add-orders, which waits"
                + " and then resumes\n");
    assertThat(apply.exitCode()).isZero();
    assertThat(apply.results())
        .containsEntry(SERVER1, "ok: UPDATE_COMPLETE (an earlier apply executed it)")
        .containsEntry(DBNAME1, "ok: " + RESUMED);
    assertThat(apply.err())
        .contains("DmsFleet-Server-dbserver1: waiting for the update an earlier apply started");
    assertThat(cloudFormation.calls("ExecuteChangeSet")).isEqualTo(1);
  }

  @Test
  void resumeWithNothingMarkedSaysSo() {
    fleet();
    changeSetOn(SERVER1)
        .modify(logicalId(DBNAME1, "Task"), TASK, dms.taskArn(DBNAME1), "TableMappings");

    Cli.Run run = changes("resume");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .isEqualTo(
            "No task carries the tag dms-ops:stopped-for-change-set=DmsFleet/add-orders: nothing"
                + " to resume\n");
  }

  @Test
  void aRemovedTaskIsStoppedSoThatTheDeployCanDeleteIt() {
    fleet();
    changeSetOn(SERVER1).remove(logicalId(DBNAME3, "Task"), TASK, dms.taskArn(DBNAME3));

    Cli.Run run = changesJson("apply");

    assertThat(run.exitCode()).isZero();
    assertThat(run.results()).containsEntry(DBNAME3, "ok: stopped; deleted by the deploy");
    assertThat(dms.exists(DBNAME3)).isFalse();
  }

  @Test
  void aSharedStackThatFailsKeepsTheServerStacksFromUpdating() {
    fleet();
    noChanges(ROLES, STORAGE, ALERTS, OVERVIEW, SERVER2);
    cloudFormation
        .changeSet(NETWORK, CHANGE_SET)
        .failing(
            "NetworkSecurityGroup1A2B3C4D",
            "AWS::EC2::SecurityGroup",
            "SecurityGroupEgress",
            "The security group rule already exists");
    cloudFormation
        .changeSet(SERVER1, CHANGE_SET)
        .modify(logicalId(DBNAME1, "Task"), TASK, dms.taskArn(DBNAME1), "TableMappings");

    Cli.Run run = changesJson("apply");

    assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
    assertThat(run.results())
        .containsEntry(
            NETWORK,
            "failed: UPDATE_ROLLBACK_COMPLETE: NetworkSecurityGroup1A2B3C4D"
                + " (AWS::EC2::SecurityGroup): The security group rule already exists")
        .containsEntry(SERVER1, "failed: not executed: DmsFleet-Network did not update")
        .containsEntry(
            DBNAME1, "ok: stopped; DmsFleet-Server-dbserver1 was not updated; " + RESUMED);
    assertThat(cloudFormation.status(SERVER1)).isEqualTo("UPDATE_COMPLETE");
    assertThat(dms.templateChanges(dms.taskArn(DBNAME1))).isZero();
  }

  @Test
  void aServerAddedToTheConfigGetsItsStackCreated(@TempDir Path config) throws IOException {
    copyConfigWithServer(config, "dbserver3", "orders");
    fleet();
    noChanges(STACKS.toArray(String[]::new));
    cloudFormation
        .changeSet("DmsFleet-Server-dbserver3", CHANGE_SET)
        .add("ReplicationServerInstance5E2B0C1D", INSTANCE)
        .add("ReplicationServerdbserver3ordersallA1B2C3D4", TASK);

    Cli.Run run =
        Cli.against(
            dms.endpoint(),
            "changes",
            "apply",
            "--config",
            config.toString(),
            "--change-set",
            CHANGE_SET,
            "--poll-interval",
            "25ms",
            "-o",
            "json");

    assertThat(run.exitCode()).isZero();
    assertThat(run.results())
        .containsEntry(
            "DmsFleet-Server-dbserver3", "ok: CREATE_COMPLETE (creates the stack: 2 changes)");
    assertThat(cloudFormation.status("DmsFleet-Server-dbserver3")).isEqualTo("CREATE_COMPLETE");
  }

  @Test
  void jsonResultsHaveTheMutationKeys() {
    fleet();
    changeSetOn(SERVER1)
        .modify(logicalId(DBNAME1, "Task"), TASK, dms.taskArn(DBNAME1), "TableMappings");

    Cli.Run run = changesJson("apply");

    assertThat(run.json().get(5).toString())
        .isEqualTo(
            "{\"item\":\"DmsFleet-Server-dbserver1\",\"result\":\"ok\",\"detail\":\"UPDATE_COMPLETE"
                + " (1 change)\"}");
    assertThat(run.results()).hasSize(8);
  }

  private static void copyConfigWithServer(Path config, String server, String database)
      throws IOException {
    Cli.copyOfSampleConfig(config);
    Files.writeString(
        config.resolve("dms_config_details.txt"),
        server + "," + database + "\n",
        StandardOpenOption.APPEND);
    Files.copy(
        config.resolve("dms_json_mappings/dms_dbserver1_dbname1_mappings.json"),
        config.resolve("dms_json_mappings/dms_" + server + "_" + database + "_mappings.json"));
  }

  private CloudFormationClient client() {
    return CloudFormationClient.builder()
        .endpointOverride(dms.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .build();
  }
}
