package io.github.dmsfleet.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dmsfleet.rules.SourceEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsLoaderTest {
  private static final String HEADER =
      "servername,dbname,username,password,ipaddress,port,engine\n";

  @TempDir Path dir;

  private Path write(String text) throws Exception {
    Path file = dir.resolve("credentials.csv");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private List<Credential> load(String text) throws Exception {
    return CredentialsLoader.load(write(text), Settings.defaults());
  }

  private List<String> problemsOf(String text) throws Exception {
    try {
      load(text);
    } catch (ConfigException e) {
      return e.problems().stream().map(Problem::message).toList();
    }
    throw new AssertionError("expected the credentials to be invalid");
  }

  @Test
  void keepsPasswordsExactlyAsWritten() throws Exception {
    List<Credential> credentials =
        load(
            HEADER
                + "srv,a,reader,\"pa,ss\"\"word\",10.0.0.1,1433,sqlserver\n"
                + "srv,b,reader,=SUM(1), 10.0.0.1 ,1433,\n"
                + "srv,c,reader,\" spaced \",10.0.0.1,,\n"
                + "srv,d,réader,pässwörd✓,10.0.0.1,1433,sqlserver\n"
                + "srv,e,reader,\"two\nlines\",10.0.0.1,1433,sqlserver\n");

    assertThat(credentials)
        .extracting(Credential::password)
        .containsExactly("pa,ss\"word", "=SUM(1)", " spaced ", "pässwörd✓", "two\nlines");
    assertThat(credentials.get(3).username()).isEqualTo("réader");
    assertThat(credentials.get(1).host()).isEqualTo("10.0.0.1");
  }

  @Test
  void blankEngineAndPortTakeTheDefaults() throws Exception {
    Credential credential = load(HEADER + "srv,db,reader,secret,db.example.com,,\n").get(0);

    assertThat(credential.engine()).isEqualTo(SourceEngine.SQL_SERVER);
    assertThat(credential.port()).isEqualTo(1433);
    assertThat(credential.secretName()).isEqualTo("dms_srv_db_sql_server");
    assertThat(credential.line()).isEqualTo(2);
  }

  @Test
  void toStringNeverShowsTheUsernameOrPassword() throws Exception {
    Credential credential =
        load(HEADER + "srv,db,topuser,hunter2-secret,10.0.0.1,1433,mysql\n").get(0);

    assertThat(credential.toString())
        .doesNotContain("topuser", "hunter2-secret")
        .contains("serverName=srv", "username=****", "password=****");
  }

  @Test
  void everyBadRowIsReportedWithoutThePassword() throws Exception {
    Path file =
        write(
            HEADER
                + "srv,a,,hunter2-secret,10.0.0.1,1433,sqlserver\n"
                + "srv,b,reader,,10.0.0.1,1433,sqlserver\n"
                + "srv,c,reader,hunter2-secret,10.0.0.1,14330000,sqlserver\n"
                + "srv,d,reader,hunter2-secret,10.0.0.1,1433,db2\n"
                + "srv,e,reader,hunter2-secret,not a host!,1433,sqlserver\n"
                + "srv,f,reader,hunter2-secret,10.0.0.1,1433,sqlserver\n"
                + "SRV,F,reader,hunter2-secret,10.0.0.1,1433,sqlserver\n");

    assertThatThrownBy(() -> CredentialsLoader.load(file, Settings.defaults()))
        .isInstanceOf(ConfigException.class)
        .hasMessageNotContaining("hunter2-secret")
        .satisfies(
            e ->
                assertThat(((ConfigException) e).problems())
                    .extracting(Problem::toString)
                    .containsExactly(
                        file + ":2: 'username' is empty; give the database user DMS logs in as",
                        file + ":3: 'password' is empty; give the database user's password",
                        file
                            + ":4: 'port' must be a number from 1 to 65535, got '14330000' (sqlserver usually listens on 1433)",
                        file
                            + ":5: 'engine': 'db2' is not one of sqlserver, mysql, mariadb, aurora, postgres,"
                            + " aurora-postgresql, oracle",
                        file + ":6: 'ipaddress' 'not a host!' is not a host name or IP address",
                        file
                            + ":8: server 'SRV' database 'F' already has credentials on line 7; keep one row per database"));
  }

  @Test
  void theHeaderMustHoldEveryColumn() throws Exception {
    assertThat(problemsOf("servername,dbname,username,password,ipaddress,port\nsrv,db,u,p,h,1,\n"))
        .containsExactly(
            "the header lacks the column 'engine'; the header must hold"
                + " servername,dbname,username,password,ipaddress,port,engine");
  }

  @Test
  void aFileWithNoRowsIsAnError() throws Exception {
    assertThat(problemsOf(HEADER))
        .containsExactly("lists no credentials; add one row per database");
  }
}
