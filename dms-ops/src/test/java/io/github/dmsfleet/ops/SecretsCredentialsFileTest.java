package io.github.dmsfleet.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code secrets create} says about the credentials file: malformed rows end the run before
 * anything is sent, naming the line and never a value from the file; a file others can read is a
 * warning.
 */
@ExtendWith(MotoServer.class)
class SecretsCredentialsFileTest {
  @TempDir Path dir;

  @Test
  void malformedRowsExitTwoNamingTheLineAndNoValue(URI moto) throws Exception {
    Path file =
        Cli.credentials(
            dir,
            String.join(
                "\n",
                // line 2: fine
                "dbserver1,dbname1,reader_one,Secr3t-One,10.1.0.11,1433,sqlserver",
                // line 3: an unquoted comma in the password: eight fields
                "dbserver1,dbname2,reader_two,P@ss,w0rd-Two,10.1.0.12,1433,sqlserver",
                // line 4: the password's comma and no engine: seven fields, shifted
                "dbserver1,dbname3,reader_three,Shift,ed#Three,10.1.0.13,14330",
                // line 5: six fields
                "dbserver2,sales,reader_four,Short-Four,10.1.0.14,14331"));

    Cli.Run run = Cli.secretsCreate(moto, Path.of(Cli.CONFIG), file.toString(), "--verbose");

    assertThat(run.exitCode()).isEqualTo(ExitCode.NOTHING_SENT);
    assertThat(run.out()).isEmpty();
    String checkTheColumns =
        "; check that the row's values follow the header's order and that a value holding a comma"
            + " is quoted";
    assertThat(run.err().lines().toList())
        .containsExactly(
            "error: the config has 5 problems:",
            "  "
                + file
                + ":3: has 8 fields but the header has 7; quote a value that contains a comma",
            "  "
                + file
                + ":5: has 6 fields but the header has 7; give every column, empty where a default"
                + " applies, and quote a value that contains a comma",
            "  " + file + ":4: 'ipaddress' is not a host name or IP address" + checkTheColumns,
            "  "
                + file
                + ":4: 'engine' is not one of sqlserver, mysql, mariadb, aurora, postgres,"
                + " aurora-postgresql, oracle (or empty for"
                + " source_engine)"
                + checkTheColumns,
            "  "
                + file
                + ":4: 'port' must be a number from 1 to 65535 (sqlserver usually listens on 1433)"
                + checkTheColumns);
    for (String value :
        List.of(
            "Secr3t",
            "One",
            "P@ss",
            "w0rd",
            "Two",
            "Shift",
            "ed#Three",
            "Short",
            "Four",
            "reader",
            "10.1.0",
            "14330",
            "14331")) {
      assertThat(run.all()).doesNotContain(value);
    }
    assertThat(SecretsCreateCommandTest.secretNames(moto)).isEmpty();
  }

  @Test
  void aFileOthersCanReadIsAWarning(URI moto) throws Exception {
    Path file = Cli.credentials(dir, "dbserver1,dbname1,dms_reader,s3cret,10.1.0.11,1433,");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    Cli.Run run = Cli.secretsCreate(moto, Path.of(Cli.CONFIG), file.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.results()).containsEntry("dms_dbserver1_dbname1_sql_server", "ok: created");
    assertThat(run.err())
        .startsWith(
            "warning: "
                + file
                + ": holds passwords but its group or other users can read it (rw-r--r--);"
                + " restrict it with chmod 600 "
                + file
                + "\n");
  }
}
