package io.github.dmsfleet.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DmsEnumsTest {

  @Test
  void enginesCarryTheDmsEngineNames() {
    assertThat(Arrays.stream(SourceEngine.values()).map(SourceEngine::engineName))
        .containsExactly(
            "sqlserver", "mysql", "mariadb", "aurora", "postgres", "aurora-postgresql", "oracle");
  }

  @Test
  void enginesAreFoundByNameInAnyCaseOrByAnAlias() {
    assertThat(SourceEngine.fromValue(" SQLServer ")).isEqualTo(SourceEngine.SQL_SERVER);
    assertThat(SourceEngine.fromValue("mssql")).isEqualTo(SourceEngine.SQL_SERVER);
    assertThat(SourceEngine.fromValue("postgresql")).isEqualTo(SourceEngine.POSTGRESQL);
    assertThat(SourceEngine.fromValue("aurora-mysql")).isEqualTo(SourceEngine.AURORA_MYSQL);
    assertThat(SourceEngine.fromValue("aurora-postgresql"))
        .isEqualTo(SourceEngine.AURORA_POSTGRESQL);
  }

  @Test
  void anUnknownValueListsTheDmsSpellings() {
    assertThatThrownBy(() -> SourceEngine.fromValue("db2"))
        .hasMessage(
            "'db2' is not one of sqlserver, mysql, mariadb, aurora, postgres, aurora-postgresql,"
                + " oracle");
    assertThatThrownBy(() -> MigrationType.fromValue("full-load-cdc"))
        .hasMessage("'full-load-cdc' is not one of full-load, cdc, full-load-and-cdc");
    assertThatThrownBy(() -> SslMode.fromValue("verify"))
        .hasMessage("'verify' is not one of none, require, verify-ca, verify-full");
    assertThatThrownBy(() -> S3DataFormat.fromValue("json"))
        .hasMessage("'json' is not one of parquet, csv");
    assertThatThrownBy(() -> S3Compression.fromValue("zip"))
        .hasMessage("'zip' is not one of gzip, none");
    assertThatThrownBy(() -> Compute.fromValue("lambda"))
        .hasMessage("'lambda' is not one of instance, serverless");
  }

  @Test
  void everyValueReadsBackAsItsConstant() {
    for (MigrationType type : MigrationType.values()) {
      assertThat(MigrationType.fromValue(type.value())).isEqualTo(type);
    }
    for (SslMode mode : SslMode.values()) {
      assertThat(SslMode.fromValue(mode.value().toUpperCase(Locale.ROOT))).isEqualTo(mode);
    }
    for (S3DataFormat format : S3DataFormat.values()) {
      assertThat(S3DataFormat.fromValue(format.value())).isEqualTo(format);
    }
    for (S3Compression compression : S3Compression.values()) {
      assertThat(S3Compression.fromValue(compression.value())).isEqualTo(compression);
    }
    for (SourceEngine engine : SourceEngine.values()) {
      assertThat(SourceEngine.fromValue(engine.engineName())).isEqualTo(engine);
    }
    for (Compute compute : Compute.values()) {
      assertThat(Compute.fromValue(compute.value())).isEqualTo(compute);
    }
  }

  @Test
  void eachEngineTakesTheSslModesOfTheDmsTable() {
    EnumSet<SslMode> mysql = EnumSet.of(SslMode.NONE, SslMode.VERIFY_CA, SslMode.VERIFY_FULL);
    assertThat(SourceEngine.SQL_SERVER.sslModes())
        .containsExactly(SslMode.NONE, SslMode.REQUIRE, SslMode.VERIFY_FULL);
    assertThat(SourceEngine.MYSQL.sslModes()).isEqualTo(mysql);
    assertThat(SourceEngine.MARIADB.sslModes()).isEqualTo(mysql);
    assertThat(SourceEngine.AURORA_MYSQL.sslModes()).isEqualTo(mysql);
    assertThat(SourceEngine.POSTGRESQL.sslModes()).containsExactly(SslMode.values());
    assertThat(SourceEngine.AURORA_POSTGRESQL.sslModes()).containsExactly(SslMode.values());
    assertThat(SourceEngine.ORACLE.sslModes()).containsExactly(SslMode.NONE, SslMode.VERIFY_CA);
  }

  @Test
  void onlyAFullLoadCapturesNoChangesAndOnlyVerifyingModesNeedACertificate() {
    assertThat(Arrays.stream(MigrationType.values()).filter(MigrationType::capturesChanges))
        .containsExactly(MigrationType.CDC, MigrationType.FULL_LOAD_AND_CDC);
    assertThat(Arrays.stream(SslMode.values()).filter(SslMode::verifiesCertificate))
        .containsExactly(SslMode.VERIFY_CA, SslMode.VERIFY_FULL);
  }
}
