package io.github.dmsfleet.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dmsfleet.rules.MigrationType;
import io.github.dmsfleet.rules.SslMode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-database columns of {@code dms_config_details.txt}: each database's own settings. */
class DatabaseSettingsTest {
  private static final String CERTIFICATE = "arn:aws:dms:us-east-1:123456789012:cert:SOURCECA";
  private static final String PG_CERTIFICATE = "arn:aws:dms:us-east-1:123456789012:cert:PGCA";
  private static final String TUNING = "{\"FullLoadSettings\": {\"MaxFullLoadSubTasks\": 16}}\n";

  @TempDir Path dir;

  private Path databasesFile() {
    return dir.resolve(ConfigLoader.DATABASES_FILE);
  }

  private Path parametersFile() {
    return dir.resolve(SettingsParser.FILE_NAME);
  }

  @Test
  void rowsSetTheirOwnMigrationTypeSslAndTaskSettings() {
    Fleet fleet =
        ConfigFolder.in(dir)
            .parameters("key,value\nallow_unencrypted_sources,true\n")
            .databases(
                """
                server,dbname,engine,migration_type,ssl_mode,certificate_arn,task_settings
                srv,plain
                srv,once,,full-load,,,Tuning.JSON
                srv,pg,postgres,,verify-full,%s,
                srv,legacy,,,none,,
                """
                    .formatted(PG_CERTIFICATE))
            .mappingsFor("srv:plain", "srv:once", "srv:pg", "srv:legacy")
            .taskSettings("tuning.json", TUNING)
            .load();
    Database plain = fleet.database("srv", "plain").orElseThrow();
    Database once = fleet.database("srv", "once").orElseThrow();
    Database pg = fleet.database("srv", "pg").orElseThrow();
    Database legacy = fleet.database("srv", "legacy").orElseThrow();

    assertThat(plain.migrationType()).isEqualTo(MigrationType.FULL_LOAD_AND_CDC);
    assertThat(plain.sslMode()).isEqualTo(SslMode.REQUIRE);
    assertThat(plain.certificateArn()).isEmpty();
    assertThat(plain.taskSettings()).isEmpty();
    assertThat(once.migrationType()).isEqualTo(MigrationType.FULL_LOAD);
    assertThat(once.taskSettings().orElseThrow().file())
        .isEqualTo(dir.resolve("dms_task_settings/tuning.json"));
    assertThat(once.taskSettings().orElseThrow().json()).isEqualTo(TUNING);
    assertThat(pg.sslMode()).isEqualTo(SslMode.VERIFY_FULL);
    assertThat(pg.certificateArn()).contains(PG_CERTIFICATE);
    assertThat(legacy.sslMode()).isEqualTo(SslMode.NONE);
  }

  @Test
  void aVerifyingDatabaseWithoutItsOwnCertificateTakesTheFleets() {
    Database database =
        ConfigFolder.in(dir)
            .parameters("key,value\nssl_mode,verify-full\ncertificate_arn," + CERTIFICATE + "\n")
            .databases("server,dbname\nsrv,db\n")
            .mappingsFor("srv:db")
            .load()
            .databases()
            .get(0);

    assertThat(database.sslMode()).isEqualTo(SslMode.VERIFY_FULL);
    assertThat(database.certificateArn()).contains(CERTIFICATE);
  }

  @Test
  void eachDatabaseTakesOnlyTheSslModesDmsSupportsForItsEngine() {
    ConfigFolder folder =
        ConfigFolder.in(dir)
            .databases(
                """
                server,dbname,engine,ssl_mode
                srv,shop,mysql,
                srv,erp,oracle,verify-full
                srv,crm,sqlserver,verify-ca
                """)
            .mappingsFor("srv:shop", "srv:erp", "srv:crm");

    assertThat(folder.problems())
        .containsExactly(
            Problem.at(
                databasesFile(),
                2,
                "ssl_mode 'require' (the fleet's) is not one DMS supports for mysql sources; set the"
                    + " row's ssl_mode to none, verify-ca or verify-full"),
            Problem.at(
                databasesFile(),
                3,
                "ssl_mode 'verify-full' is not one DMS supports for oracle sources; use none or"
                    + " verify-ca"),
            Problem.at(
                databasesFile(),
                4,
                "ssl_mode 'verify-ca' is not one DMS supports for sqlserver sources; use none,"
                    + " require or verify-full"));
  }

  @Test
  void aFleetSslModeItsEngineLacksIsReportedOnceInParameters() {
    ConfigFolder folder =
        ConfigFolder.in(dir)
            .parameters("key,value\nsource_engine,mysql\n")
            .databases("server,dbname\nsrv,a\nsrv,b\n")
            .mappingsFor("srv:a", "srv:b");

    assertThat(folder.problems())
        .containsExactly(
            Problem.inFile(
                parametersFile(),
                "ssl_mode 'require' (the default) is not one DMS supports for mysql sources, which"
                    + " take none, verify-ca or verify-full; set ssl_mode here, or per database in"
                    + " dms_config_details.txt"));
  }

  @Test
  void verifyingModesNeedACertificateAndOnlyTheyTakeOne() {
    assertThat(
            ConfigFolder.in(dir)
                .parameters("key,value\nssl_mode,verify-full\n")
                .databases("server,dbname\nsrv,a\n")
                .mappingsFor("srv:a")
                .problems())
        .containsExactly(
            Problem.at(
                parametersFile(),
                2,
                "ssl_mode 'verify-full' needs 'certificate_arn', the DMS certificate of the sources'"
                    + " certificate authority"));
    assertThat(
            ConfigFolder.in(dir)
                .parameters("key,value\n")
                .databases(
                    """
                    server,dbname,engine,ssl_mode,certificate_arn
                    srv,a,postgres,verify-ca,
                    srv,b,,,%s
                    srv,c,,,arn:aws:acm:us-east-1:123456789012:certificate/abc
                    """
                        .formatted(CERTIFICATE))
                .mappingsFor("srv:a", "srv:b", "srv:c")
                .problems())
        .containsExactly(
            Problem.at(
                databasesFile(),
                2,
                "ssl_mode 'verify-ca' needs a certificate: give 'certificate_arn' in this row or in"
                    + " parameters.txt"),
            Problem.at(
                databasesFile(),
                3,
                "'certificate_arn' applies only to ssl_mode verify-ca or verify-full; set the row's"
                    + " ssl_mode or remove it"),
            Problem.at(
                databasesFile(),
                4,
                "'certificate_arn': 'arn:aws:acm:us-east-1:123456789012:certificate/abc' is not a DMS"
                    + " certificate ARN such as"
                    + " arn:aws:dms:us-east-1:123456789012:cert:ABCDEFGHIJKLMNOPQRSTUVWXYZ"));
  }

  @Test
  void aRowMayGiveThePortItsSourceListensOnAndOthersTakeTheirEnginesUsualPort() {
    Fleet fleet =
        ConfigFolder.in(dir)
            .databases(
                """
                server,dbname,engine,port
                srv,named,,14331
                srv,plain
                srv,pg,postgres,
                """)
            .mappingsFor("srv:named", "srv:plain", "srv:pg")
            .load();

    assertThat(fleet.database("srv", "named").orElseThrow().port()).isEqualTo(14331);
    assertThat(fleet.database("srv", "plain").orElseThrow().port()).isEqualTo(1433);
    assertThat(fleet.database("srv", "pg").orElseThrow().port()).isEqualTo(5432);
  }

  @Test
  void aPortThatIsNoTcpPortIsAnErrorNamingTheLineAndTheUsualPort() {
    ConfigFolder folder =
        ConfigFolder.in(dir)
            .databases(
                """
                server,dbname,engine,port
                srv,a,,0
                srv,b,postgres,65536
                srv,c,,1433x
                srv,d,,65535
                """)
            .mappingsFor("srv:a", "srv:b", "srv:c", "srv:d");

    assertThat(folder.problems())
        .containsExactly(
            Problem.at(
                databasesFile(),
                2,
                "'port' must be a TCP port from 1 to 65535, got '0'; leave it empty for sqlserver's"
                    + " usual 1433"),
            Problem.at(
                databasesFile(),
                3,
                "'port' must be a TCP port from 1 to 65535, got '65536'; leave it empty for"
                    + " postgres's usual 5432"),
            Problem.at(
                databasesFile(),
                4,
                "'port' must be a TCP port from 1 to 65535, got '1433x'; leave it empty for"
                    + " sqlserver's usual 1433"));
  }

  @Test
  void aFleetCertificateThatNoDatabaseUsesIsAnError() {
    ConfigFolder folder =
        ConfigFolder.in(dir)
            .parameters("key,value\ncertificate_arn," + CERTIFICATE + "\n")
            .databases("server,dbname\nsrv,a\n")
            .mappingsFor("srv:a");

    assertThat(folder.problems())
        .containsExactly(
            Problem.at(
                parametersFile(),
                2,
                "key 'certificate_arn' applies only to databases whose ssl_mode is verify-ca or"
                    + " verify-full and whose row names no certificate, and none does; set ssl_mode"
                    + " or remove the key"));
  }

  @Test
  void runningWithoutEncryptionNeedsConsent() {
    assertThat(
            ConfigFolder.in(dir)
                .parameters("key,value\nssl_mode,none\n")
                .databases("server,dbname,ssl_mode\nsrv,a\nsrv,b,none\nsrv,c,require\n")
                .mappingsFor("srv:a", "srv:b", "srv:c")
                .problems())
        .containsExactly(
            Problem.at(
                parametersFile(),
                2,
                "ssl_mode 'none' sends data and credentials unencrypted; set"
                    + " 'allow_unencrypted_sources,true' in parameters.txt to accept that, or use an"
                    + " encrypted mode"),
            Problem.at(
                databasesFile(),
                3,
                "ssl_mode 'none' sends data and credentials unencrypted; set"
                    + " 'allow_unencrypted_sources,true' in parameters.txt to accept that, or use an"
                    + " encrypted mode"));
  }

  @Test
  void taskSettingsAreCheckedAndEachBadFileIsReportedOnce() {
    ConfigFolder folder =
        ConfigFolder.in(dir)
            .databases(
                """
                server,dbname,task_settings,migration_type
                srv,a,broken.json
                srv,b,broken.json
                srv,c,quiet.json
                srv,d,missing.json
                srv,e,,full
                """)
            .mappingsFor("srv:a", "srv:b", "srv:c", "srv:d", "srv:e")
            .taskSettings("broken.json", "{\n  \"FullLoadSettings\": {\"CommitRate\": 10000,}\n}\n")
            .taskSettings(
                "quiet.json",
                "{\n  \"Logging\": {\"EnableLogging\": false},\n  \"Loging\": {}\n}\n");

    assertThat(folder.problems())
        .containsExactly(
            Problem.at(
                folder.taskSettingsFile("broken.json"),
                2,
                "invalid JSON (column 44): Unexpected character ('}' (code 125)): was expecting"
                    + " double-quote to start field name"),
            Problem.at(
                folder.taskSettingsFile("quiet.json"),
                2,
                "\"Logging.EnableLogging\" must stay true: the fleet's task logs and error alarms"
                    + " depend on it; remove the key"),
            Problem.at(
                folder.taskSettingsFile("quiet.json"),
                3,
                "unknown section \"Loging\"; did you mean 'Logging'?"),
            Problem.at(
                databasesFile(),
                5,
                "no task settings for server 'srv' database 'd'; expected "
                    + folder.taskSettingsFile("missing.json")),
            Problem.at(
                databasesFile(),
                6,
                "'migration_type': 'full' is not one of full-load, cdc, full-load-and-cdc"));
  }
}
