package io.github.dmsfleet.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  @TempDir Path dir;

  @Test
  void summarizesAValidConfigOnStdout() {
    Cli.Run run = Cli.run(Cli.NO_AWS, "validate", "--config", Cli.CONFIG);

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out())
        .isEqualToNormalizingNewlines(
            """
        Config ../config is valid:
          servers:             2
          instances:           2
          serverless:          0
          databases:           5
          tasks:               5
          replication configs: 0
          endpoints:           10
        Servers whose settings differ from the fleet's:
          dbserver1: compute instance, instance_class dms.r5.2xlarge, allocated_storage 100, multi_az false
        Databases whose settings differ from the fleet's:
          dbserver2/sales: migration_type full-load-and-cdc, ssl_mode require, task_settings sales.json
        Security:
          unencrypted sources: none
          source egress:       10.1.0.0/24 on port 1433
        """);
    assertThat(run.err()).isEmpty();
  }

  @Test
  void jsonGivesEachDatabaseItsNamesAndEffectiveSettings() throws Exception {
    Path config = Cli.mixedFleetConfig(dir.resolve("config"));

    Cli.Run run =
        Cli.run(Cli.NO_AWS, "validate", "--config", config.toString(), "--output", "json");

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.json()).hasSize(5);
    assertThat(run.json().get(0).toString())
        .isEqualTo(
            "{\"server\":\"dbserver1\",\"database\":\"dbname1\",\"engine\":\"sqlserver\","
                + "\"compute\":\"instance\",\"instance\":\"dbserver1-instance\","
                + "\"task\":\"dbserver1-dbname1-all\","
                + "\"sourceEndpoint\":\"dbserver1-dbname1-sqlserver-source-endpoint\","
                + "\"targetEndpoint\":\"dbserver1-dbname1-s3-target-endpoint\","
                + "\"secret\":\"dms_dbserver1_dbname1_sql_server\",\"s3Prefix\":\"data/dbserver1/dbname1\","
                + "\"migrationType\":\"full-load-and-cdc\",\"sslMode\":\"require\","
                + "\"certificateArn\":null,\"port\":1433,\"taskSettings\":null}");
    assertThat(run.json().get(3).toString())
        .isEqualTo(
            "{\"server\":\"dbserver2\",\"database\":\"sales\",\"engine\":\"sqlserver\","
                + "\"compute\":\"serverless\",\"instance\":null,"
                + "\"task\":\"dbserver2-sales-all\","
                + "\"sourceEndpoint\":\"dbserver2-sales-sqlserver-source-endpoint\","
                + "\"targetEndpoint\":\"dbserver2-sales-s3-target-endpoint\","
                + "\"secret\":\"dms_dbserver2_sales_sql_server\",\"s3Prefix\":\"data/dbserver2/sales\","
                + "\"migrationType\":\"full-load-and-cdc\",\"sslMode\":\"require\","
                + "\"certificateArn\":null,\"port\":1433,\"taskSettings\":\"sales.json\"}");
  }

  @Test
  void listsEveryProblemOfAnInvalidConfigOnStderrAndExitsTwo() throws Exception {
    Files.writeString(dir.resolve("parameters.txt"), "key,value\nmaxfilesize,0\n");
    Files.writeString(dir.resolve("dms_config_details.txt"), "server,dbname\nsrv,db\n");
    Files.createDirectory(dir.resolve("dms_json_mappings"));

    Cli.Run run = Cli.run(Cli.NO_AWS, "validate", "--config", dir.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.NOTHING_SENT);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualToNormalizingNewlines(
            "error: the config has 2 problems:\n"
                + "  "
                + dir.resolve("parameters.txt")
                + ":2: key 'maxfilesize': must be a whole number of KiB from 1 to"
                + " 1048576, got '0'\n"
                + "  "
                + dir.resolve("dms_config_details.txt")
                + ":2: no table mapping for server 'srv' database 'db';"
                + " expected "
                + dir.resolve("dms_json_mappings/dms_srv_db_mappings.json")
                + "\n");
  }
}
