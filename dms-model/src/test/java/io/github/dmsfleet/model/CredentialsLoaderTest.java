package io.github.dmsfleet.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dmsfleet.rules.SourceEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsLoaderTest {
  private static final String HEADER =
      "servername,dbname,username,password,ipaddress,port,engine\n";
  private static final String CHECK =
      "; check that the row's values follow the header's order and that a value holding a comma is"
          + " quoted";

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
  void everyBadRowIsReportedWithoutAValueFromTheFile() throws Exception {
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
        .hasMessageNotContaining("14330000")
        .hasMessageNotContaining("db2")
        .hasMessageNotContaining("not a host!")
        .satisfies(
            e ->
                assertThat(((ConfigException) e).problems())
                    .extracting(Problem::toString)
                    .containsExactly(
                        file + ":2: 'username' is empty; give the database user DMS logs in as",
                        file + ":3: 'password' is empty; give the database user's password",
                        file
                            + ":4: 'port' must be a number from 1 to 65535 (sqlserver usually listens on"
                            + " 1433)"
                            + CHECK,
                        file
                            + ":5: 'engine' is not one of sqlserver, mysql, mariadb, aurora, postgres,"
                            + " aurora-postgresql, oracle (or empty for source_engine)"
                            + CHECK,
                        file + ":6: 'ipaddress' is not a host name or IP address" + CHECK,
                        file
                            + ":8: 'servername' and 'dbname' name the database of line 7 again; keep one"
                            + " row per database"));
  }

  @Test
  void aShiftedRowNeverPrintsAPieceOfThePassword() throws Exception {
    // An unquoted comma in the password and the engine left off: still seven fields, shifted.
    Path file = write(HEADER + "dbserver1,dbname1,reader,P@ss,word!,10.1.0.11,1433\n");

    assertThatThrownBy(() -> CredentialsLoader.load(file, Settings.defaults()))
        .isInstanceOf(ConfigException.class)
        .hasMessageNotContaining("P@ss")
        .hasMessageNotContaining("word!")
        .hasMessageNotContaining("10.1.0.11")
        .satisfies(
            e ->
                assertThat(((ConfigException) e).problems())
                    .extracting(Problem::toString)
                    .containsExactly(
                        file + ":2: 'ipaddress' is not a host name or IP address" + CHECK,
                        file
                            + ":2: 'engine' is not one of sqlserver, mysql, mariadb, aurora, postgres,"
                            + " aurora-postgresql, oracle (or empty for source_engine)"
                            + CHECK,
                        file
                            + ":2: 'port' must be a number from 1 to 65535 (sqlserver usually listens on"
                            + " 1433)"
                            + CHECK));
  }

  @Test
  void everyRowNeedsExactlyTheHeadersFields() throws Exception {
    Path file =
        write(
            HEADER
                + "srv,a,reader,pa,ss,word,10.0.0.1,1433,sqlserver\n"
                + "srv,b,reader,secret-b,10.0.0.1,1433\n");

    assertThatThrownBy(() -> CredentialsLoader.load(file, Settings.defaults()))
        .isInstanceOf(ConfigException.class)
        .hasMessageNotContaining("secret-b")
        .satisfies(
            e ->
                assertThat(((ConfigException) e).problems())
                    .extracting(Problem::toString)
                    .containsExactly(
                        file
                            + ":2: has 9 fields but the header has 7; quote a value that contains a comma",
                        file
                            + ":3: has 6 fields but the header has 7; give every column, empty where a"
                            + " default applies, and quote a value that contains a comma"));
  }

  @Test
  void aFileWithoutItsHeaderDoesNotPrintItsFirstRow() throws Exception {
    Path file = write("srv,db,reader,hunter2-secret,10.0.0.1,1433,sqlserver\n");

    assertThatThrownBy(() -> CredentialsLoader.load(file, Settings.defaults()))
        .isInstanceOf(ConfigException.class)
        .hasMessageNotContaining("hunter2")
        .hasMessageNotContaining("reader");
  }

  @Test
  void controlCharactersAreRefusedInNamesButKeptInPasswords() throws Exception {
    Path file =
        write(
            HEADER
                + "srv,a,reader,\"tab\tbell\u0007\",10.0.0.1,1433,sqlserver\n"
                + "\"srv\u202E\",b,reader,secret,10.0.0.1,1433,sqlserver\n");

    assertThatThrownBy(() -> CredentialsLoader.load(file, Settings.defaults()))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e ->
                assertThat(((ConfigException) e).problems())
                    .extracting(Problem::toString)
                    .containsExactly(
                        file + ":3: 'servername' holds the control character U+202E; remove it"));
    assertThat(load(HEADER + "srv,a,reader,\"tab\tbell\u0007\",10.0.0.1,1433,sqlserver\n"))
        .extracting(Credential::password)
        .containsExactly("tab\tbell\u0007");
  }

  @Test
  void aNulCharacterIsRefusedAnywhere() throws Exception {
    Path file = write(HEADER + "srv,a,reader,pass\u0000word,10.0.0.1,1433,sqlserver\n");

    assertThatThrownBy(() -> CredentialsLoader.load(file, Settings.defaults()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "The config has 1 problem:\n  "
                + file
                + ":2: holds a NUL character; save the file as plain text without it");
  }

  @Test
  void hostsAreAddressesOrDnsNames() {
    assertThat(CredentialsLoader.isHost("10.1.0.11")).isTrue();
    assertThat(CredentialsLoader.isHost("db-1.corp.example.com")).isTrue();
    assertThat(CredentialsLoader.isHost("fd00::1")).isTrue();
    assertThat(CredentialsLoader.isHost("[fd00::1]")).isTrue();
    assertThat(CredentialsLoader.isHost("SQLPROD01")).isTrue();
    assertThat(CredentialsLoader.isHost("999.1.1.1")).isFalse();
    assertThat(CredentialsLoader.isHost("1433")).isFalse();
    assertThat(CredentialsLoader.isHost("-db.example.com")).isFalse();
    assertThat(CredentialsLoader.isHost("db..example.com")).isFalse();
    assertThat(CredentialsLoader.isHost("P@ss!")).isFalse();
  }

  @Test
  void warnsWhenOtherUsersCanReadTheFile() throws Exception {
    Path file = write(HEADER + "srv,db,reader,secret,10.0.0.1,1433,sqlserver\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    assertThat(CredentialsLoader.read(file, Settings.defaults()).warnings())
        .containsExactly(
            Problem.inFile(
                file,
                "holds passwords but its group or other users can read it (rw-r--r--); restrict it"
                    + " with chmod 600 "
                    + file));

    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    assertThat(CredentialsLoader.read(file, Settings.defaults()).warnings()).isEmpty();
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
