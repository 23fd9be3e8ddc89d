package io.github.dmsfleet.ops.replication;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dmsfleet.ops.fake.FakeDms;
import io.github.dmsfleet.ops.internal.Console;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;

/** The control as library code, as a change-set workflow calls it: stop, wait, resume. */
class ReplicationControlTest {
  private static final List<String> IDS = List.of("a-all", "b-all", "c-all");

  @Test
  void stopsTheRunningUnitsWaitsAndResumesThemWithTheRightStartType() {
    try (FakeDms fake = FakeDms.start(FakeDms.Timing.quick());
        DatabaseMigrationClient dms = client(fake)) {
      fake.addTask("a-all", "full-load-and-cdc", "running", true, true);
      fake.addTask("b-all", "cdc", "running", true, true);
      fake.addTask("c-all", "full-load", "stopped", true, true);
      fake.stopReason("c-all", "FULL_LOAD_ONLY_FINISHED");
      ReplicationControl control =
          new ReplicationControl(TaskUnits.of(dms), Duration.ofMillis(25), Console.silent());

      List<Result> stopped =
          control.stop(
              IDS,
              ReplicationControl.StopOptions.waiting(Duration.ofSeconds(30)),
              new Ledger(IDS, "stopped"));
      List<Result> resumed =
          control.start(
              control.plan(IDS, StartType.AUTO, false),
              ReplicationControl.StartOptions.auto(Duration.ofSeconds(30)),
              new Ledger(IDS, "started"));

      assertThat(stopped)
          .containsExactly(
              Result.ok("a-all", "stopped"),
              Result.ok("b-all", "stopped"),
              Result.skipped("c-all", "already stopped"));
      assertThat(resumed)
          .containsExactly(
              Result.ok("a-all", "started: resume-processing (it was stopped, NORMAL), running"),
              Result.ok("b-all", "started: resume-processing (it was stopped, NORMAL), running"),
              Result.skipped(
                  "c-all",
                  "full load finished (FULL_LOAD_ONLY_FINISHED); --start-type reload-target loads it"
                      + " again"));
      assertThat(fake.startTypes("a-all")).containsExactly("resume-processing");
    }
  }

  @Test
  void anUnexpectedFaultInOneUnitIsThatUnitsFailure() {
    try (FakeDms fake = FakeDms.start(FakeDms.Timing.quick());
        DatabaseMigrationClient dms = client(fake)) {
      IDS.forEach(id -> fake.addTask(id, "cdc", "ready", true, false));
      ReplicationUnits units = new FailingOn("b-all", TaskUnits.of(dms));
      ReplicationControl control =
          new ReplicationControl(units, Duration.ofMillis(25), Console.silent());

      List<Result> results =
          control.start(
              control.plan(IDS, StartType.AUTO, false),
              new ReplicationControl.StartOptions(
                  StartType.AUTO, false, false, 1, false, Duration.ofSeconds(30), false),
              new Ledger(IDS, "started"));

      assertThat(results)
          .containsExactly(
              Result.ok("a-all", "started: start-replication"),
              Result.failed("b-all", "unexpected error: java.lang.IllegalStateException: bug"),
              Result.ok("c-all", "started: start-replication"));
    }
  }

  /** Real task calls, with a fault of ours on one unit's start. */
  private record FailingOn(String id, ReplicationUnits real) implements ReplicationUnits {
    @Override
    public String noun() {
      return real.noun();
    }

    @Override
    public Map<String, ReplicationUnit> describe(Collection<String> ids, boolean withSettings) {
      return real.describe(ids, withSettings);
    }

    @Override
    public ReplicationUnit start(ReplicationUnit unit, StartType type) {
      if (unit.identifier().equals(id)) {
        throw new IllegalStateException("bug");
      }
      return real.start(unit, type);
    }

    @Override
    public ReplicationUnit stop(ReplicationUnit unit) {
      return real.stop(unit);
    }

    @Override
    public ReplicationUnit enableLogging(ReplicationUnit unit) {
      return real.enableLogging(unit);
    }

    @Override
    public List<TableStatus> tables(ReplicationUnit unit, TableQuery query) {
      return real.tables(unit, query);
    }

    @Override
    public void reloadTables(ReplicationUnit unit, List<TableName> tables, ReloadOption option) {
      real.reloadTables(unit, tables, option);
    }
  }

  private static DatabaseMigrationClient client(FakeDms fake) {
    return DatabaseMigrationClient.builder()
        .endpointOverride(fake.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .build();
  }
}
