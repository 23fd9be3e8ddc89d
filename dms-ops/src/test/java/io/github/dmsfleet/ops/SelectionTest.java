package io.github.dmsfleet.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --config}, {@code --server} and {@code --database}. */
class SelectionTest extends FakeFleet {
  @TempDir Path dir;

  @Test
  void aTypoInServerOrDatabaseNamesTheNearestOnesBeforeAnyAwsCall() {
    Cli.Run server =
        Cli.run(Cli.NO_AWS, "tasks", "start", "--config", Cli.CONFIG, "--server", "dbserver9");
    Cli.Run database =
        Cli.run(Cli.NO_AWS, "tasks", "stop", "--config", Cli.CONFIG, "--database", "salse");

    assertThat(server.exitCode()).isEqualTo(ExitCode.NOTHING_SENT);
    assertThat(server.err())
        .startsWith(
            "error: --server 'dbserver9' matches no server in ../config/dms_config_details.txt;"
                + " nearest: dbserver1, dbserver2");
    assertThat(database.err())
        .startsWith(
            "error: --database 'salse' matches no database in ../config/dms_config_details.txt;"
                + " nearest: sales (dbserver2), dbname1 (dbserver1), dbname2 (dbserver1)");
  }

  @Test
  void serversAndDatabasesMayBeRepeated() {
    fleetInMixedStates();

    Cli.Run run =
        tasksJson(
            "stop",
            "--dry-run",
            "--server",
            "dbserver2",
            "--server",
            "dbserver1",
            "--database",
            "dbname3",
            "--database",
            "sales");

    assertThat(run.results().keySet()).containsExactly(RUNNING, FULL_LOAD);
  }

  @Test
  void aBrokenMappingFileIsOnlyAWarningForCommandsThatDeployNothing() throws Exception {
    Path config = Cli.copyOfSampleConfig(dir);
    Path broken = config.resolve("dms_json_mappings/dms_dbserver2_sales_mappings.json");
    Files.writeString(broken, "\uFEFF{\"rules\": [", StandardCharsets.UTF_8);
    fleetInMixedStates();

    Cli.Run stop =
        Cli.against(
            dms.endpoint(),
            "tasks",
            "stop",
            "--config",
            config.toString(),
            "--server",
            "dbserver1",
            "--dry-run",
            "-o",
            "json");
    Cli.Run validate = Cli.run(Cli.NO_AWS, "validate", "--config", config.toString());

    assertThat(stop.exitCode()).isZero();
    assertThat(stop.results()).containsEntry(RUNNING, "would: stop");
    assertThat(stop.err())
        .contains("warning: " + broken)
        .contains("(ignored: dms-ops reads no table mapping)");
    assertThat(validate.exitCode()).isEqualTo(ExitCode.NOTHING_SENT);
    assertThat(validate.err()).contains(broken.toString());
  }
}
