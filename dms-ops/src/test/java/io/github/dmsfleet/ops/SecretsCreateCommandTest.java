package io.github.dmsfleet.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

/** {@code secrets create} against moto's Secrets Manager. */
@ExtendWith(MotoServer.class)
class SecretsCreateCommandTest {
  private static final String SECRET = "dms_dbserver1_dbname1_sql_server";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void createsOneSecretPerRowHoldingWhatDmsReads(URI moto) throws Exception {
    Cli.Run run =
        Cli.against(
            moto,
            "secrets",
            "create",
            "--credentials",
            Cli.CREDENTIALS,
            "--config",
            Cli.CONFIG,
            "--tag",
            "Team=data");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .containsPattern(SECRET + " +ok +created")
        .containsPattern("dms_dbserver2_inventory_sql_server +ok +created")
        .contains("5 secrets: 5 ok, 0 failed");
    try (SecretsManagerClient secrets = client(moto)) {
      JsonNode value =
          JSON.readTree(secrets.getSecretValue(r -> r.secretId(SECRET)).secretString());
      assertThat(value.get("username").asText()).isEqualTo("dms_reader");
      assertThat(value.get("password").asText()).isEqualTo("change-me, please");
      assertThat(value.get("host").asText()).isEqualTo("10.1.0.11");
      assertThat(value.get("port").asInt()).isEqualTo(1433);
      assertThat(value.get("engine").asText()).isEqualTo("sqlserver");
      assertThat(value.get("dbname").asText()).isEqualTo("dbname1");
      assertThat(
              secrets.describeSecret(r -> r.secretId(SECRET)).tags().stream()
                  .map(t -> t.key() + "=" + t.value())
                  .toList())
          .containsExactlyInAnyOrder(
              "Team=data", "Project=datalake", "Owner=data-platform", "managed-by=dms-ops");
      assertThat(secrets.describeSecret(r -> r.secretId(SECRET)).kmsKeyId()).isNull();
    }
  }

  @Test
  void rerunLeavesEverySecretUnchanged(URI moto) {
    Cli.against(
        moto, "secrets", "create", "--credentials", Cli.CREDENTIALS, "--config", Cli.CONFIG);

    Cli.Run rerun =
        Cli.against(
            moto, "secrets", "create", "--credentials", Cli.CREDENTIALS, "--config", Cli.CONFIG);

    assertThat(rerun.exitCode()).isZero();
    assertThat(rerun.out())
        .containsPattern(SECRET + " +skipped +unchanged")
        .doesNotContain("created");
  }

  @Test
  void reportsADifferentValueAndOverwritesItOnlyWithUpdate(URI moto) throws Exception {
    Cli.against(
        moto, "secrets", "create", "--credentials", Cli.CREDENTIALS, "--config", Cli.CONFIG);
    Path changed =
        Cli.credentials(dir, "dbserver1,dbname1,dms_reader,new-password,10.1.0.11,1433,sqlserver");

    Cli.Run withoutUpdate =
        Cli.against(
            moto, "secrets", "create", "--credentials", changed.toString(), "--config", Cli.CONFIG);
    assertThat(withoutUpdate.exitCode()).isEqualTo(ExitCode.FAILED);
    assertThat(withoutUpdate.out())
        .containsPattern(
            SECRET + " +failed +differs from the credentials file; --update overwrites it");
    assertThat(password(moto, "AWSCURRENT")).isEqualTo("change-me, please");

    Cli.Run withUpdate =
        Cli.against(
            moto,
            "secrets",
            "create",
            "--credentials",
            changed.toString(),
            "--config",
            Cli.CONFIG,
            "--update");
    assertThat(withUpdate.exitCode()).isZero();
    assertThat(withUpdate.out()).containsPattern(SECRET + " +ok +updated");
    assertThat(password(moto, "AWSCURRENT")).isEqualTo("new-password");
    assertThat(password(moto, "AWSPREVIOUS")).isEqualTo("change-me, please");
  }

  @Test
  void dryRunWritesNothing(URI moto) throws Exception {
    Cli.Run create =
        Cli.against(
            moto,
            "secrets",
            "create",
            "--credentials",
            Cli.CREDENTIALS,
            "--config",
            Cli.CONFIG,
            "--dry-run");
    assertThat(create.exitCode()).isZero();
    assertThat(create.out()).containsPattern(SECRET + " +would +create");
    try (SecretsManagerClient secrets = client(moto)) {
      assertThat(secrets.listSecrets().secretList()).isEmpty();
    }

    Cli.against(
        moto, "secrets", "create", "--credentials", Cli.CREDENTIALS, "--config", Cli.CONFIG);
    Path changed =
        Cli.credentials(dir, "dbserver1,dbname1,dms_reader,new-password,10.1.0.11,1433,sqlserver");
    Cli.Run update =
        Cli.against(
            moto,
            "secrets",
            "create",
            "--credentials",
            changed.toString(),
            "--config",
            Cli.CONFIG,
            "--update",
            "--dry-run");
    assertThat(update.out()).containsPattern(SECRET + " +would +update");
    assertThat(password(moto, "AWSCURRENT")).isEqualTo("change-me, please");
  }

  @Test
  void trickyPasswordsRoundTripExactlyAndAreNeverPrinted(URI moto) throws Exception {
    String[] passwords = {
      "a,b,c", "say \"hi\"", "=SUM(A1)", "pässwörd-日本-🙂", " spaced ", "back\\slash"
    };
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < passwords.length; i++) {
      rows.append("srv,db")
          .append(i)
          .append(",user")
          .append(i)
          .append(",\"")
          .append(passwords[i].replace("\"", "\"\""))
          .append("\",10.0.0.1,,sqlserver\n");
    }
    Path file = Cli.credentials(dir, rows.toString().strip());

    Cli.Run run =
        Cli.against(
            moto,
            "secrets",
            "create",
            "--credentials",
            file.toString(),
            "--config",
            Cli.CONFIG,
            "--verbose");
    Cli.Run rerun =
        Cli.against(
            moto,
            "secrets",
            "create",
            "--credentials",
            file.toString(),
            "--config",
            Cli.CONFIG,
            "--verbose");

    assertThat(run.exitCode()).isZero();
    assertThat(rerun.out())
        .contains("6 secrets: 0 ok, 6 skipped, 0 failed")
        .doesNotContain("differs");
    try (SecretsManagerClient secrets = client(moto)) {
      for (int i = 0; i < passwords.length; i++) {
        String name = "dms_srv_db" + i + "_sql_server";
        JsonNode value =
            JSON.readTree(secrets.getSecretValue(r -> r.secretId(name)).secretString());
        assertThat(value.get("password").asText()).isEqualTo(passwords[i]);
        assertThat(value.get("username").asText()).isEqualTo("user" + i);
      }
    }
    for (String password : passwords) {
      assertThat(run.all() + rerun.all()).doesNotContain(password.strip());
    }
  }

  @Test
  void aSecretScheduledForDeletionGetsAClearMessageAndFails(URI moto) {
    Cli.against(
        moto, "secrets", "create", "--credentials", Cli.CREDENTIALS, "--config", Cli.CONFIG);
    try (SecretsManagerClient secrets = client(moto)) {
      secrets.deleteSecret(r -> r.secretId(SECRET).recoveryWindowInDays(7L));
    }

    Cli.Run run =
        Cli.against(
            moto, "secrets", "create", "--credentials", Cli.CREDENTIALS, "--config", Cli.CONFIG);

    assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
    assertThat(run.out())
        .containsPattern(SECRET + " +failed +scheduled for deletion")
        .contains("restore-secret --secret-id " + SECRET, "5 secrets: 0 ok, 4 skipped, 1 failed");
  }

  @Test
  void withConfigReportsRowsAndDatabasesThatDoNotMatch(URI moto) throws Exception {
    Path file =
        Cli.credentials(
            dir,
            "dbserver1,dbname1,u,p,10.0.0.1,1433,sqlserver\nghost,db,u,p,10.0.0.1,1433,sqlserver");

    Cli.Run run =
        Cli.against(
            moto, "secrets", "create", "--credentials", file.toString(), "--config", Cli.CONFIG);

    assertThat(run.exitCode()).isZero();
    assertThat(run.err())
        .contains(file + ":3: server 'ghost' database 'db' matches no database in")
        .contains(
            "dms_config_details.txt:3: server 'dbserver2' database 'sales' has no row in " + file);
  }

  @Test
  void invalidCredentialsFailBeforeAnyAwsCall(URI moto) throws Exception {
    Path file = Cli.credentials(dir, "dbserver1,dbname1,u,,10.0.0.1,99999,sqlserver");

    Cli.Run run =
        Cli.against(
            moto, "secrets", "create", "--credentials", file.toString(), "--config", Cli.CONFIG);

    assertThat(run.exitCode()).isEqualTo(ExitCode.NOTHING_SENT);
    assertThat(run.err())
        .contains(file + ":2: 'password' is empty", file + ":2: 'port' must be a number")
        .doesNotContain("99999");
    assertThat(run.out()).isEmpty();
    assertThat(secretNames(moto)).isEmpty();
  }

  static List<String> secretNames(URI moto) {
    try (SecretsManagerClient secrets = client(moto)) {
      return secrets.listSecrets().secretList().stream().map(SecretListEntry::name).toList();
    }
  }

  private static String password(URI moto, String stage) throws Exception {
    try (SecretsManagerClient secrets = client(moto)) {
      return JSON.readTree(
              secrets.getSecretValue(r -> r.secretId(SECRET).versionStage(stage)).secretString())
          .get("password")
          .asText();
    } catch (ResourceNotFoundException e) {
      return null;
    }
  }

  static SecretsManagerClient client(URI endpoint) {
    return SecretsManagerClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .build();
  }
}
