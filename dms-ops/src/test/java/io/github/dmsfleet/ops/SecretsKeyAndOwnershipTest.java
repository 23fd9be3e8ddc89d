package io.github.dmsfleet.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/**
 * {@code secrets create} against moto's Secrets Manager: the config's key, the {@code managed-by}
 * tag, {@code --update}, {@code --force} and rotation.
 */
@ExtendWith(MotoServer.class)
class SecretsKeyAndOwnershipTest {
  private static final String SECRET = "dms_dbserver1_dbname1_sql_server";
  private static final String KEY =
      "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
  private static final String OTHER_KEY =
      "arn:aws:kms:us-east-1:123456789012:key/99999999-12ab-34cd-56ef-1234567890ab";
  private static final String OLD_VALUE =
      "{\"username\":\"old\",\"password\":\"old-password\",\"host\":\"10.1.0.11\",\"port\":1433,"
          + "\"engine\":\"sqlserver\",\"dbname\":\"dbname1\"}";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void newSecretsAreEncryptedWithTheConfigsKeyAndTaggedAsThisTools(URI moto) throws Exception {
    Path config = configWithKey(KEY);

    Cli.Run run = Cli.secretsCreate(moto, config, Cli.CREDENTIALS);

    assertThat(run.exitCode()).isZero();
    assertThat(run.results())
        .containsEntry(SECRET, "ok: created")
        .containsEntry("dms_dbserver2_inventory_sql_server", "ok: created")
        .hasSize(5);
    try (SecretsManagerClient secrets = SecretsCreateCommandTest.client(moto)) {
      var described = secrets.describeSecret(r -> r.secretId(SECRET));
      assertThat(described.kmsKeyId()).isEqualTo(KEY);
      assertThat(described.tags()).contains(tag("managed-by", "dms-ops"));
    }
  }

  @Test
  void kmsKeyIdMayRepeatTheConfigsKeyByArnOrKeyId(URI moto) throws Exception {
    Path config = configWithKey(KEY);

    Cli.Run byArn =
        Cli.secretsCreate(moto, config, Cli.CREDENTIALS, "--kms-key-id", KEY, "--dry-run");
    Cli.Run byKeyId =
        Cli.secretsCreate(
            moto,
            config,
            Cli.CREDENTIALS,
            "--kms-key-id",
            "1234abcd-12ab-34cd-56ef-1234567890ab",
            "--dry-run");

    assertThat(byArn.exitCode()).isZero();
    assertThat(byArn.results()).containsEntry(SECRET, "would: create");
    assertThat(byKeyId.exitCode()).isZero();
    assertThat(byKeyId.results()).containsEntry(SECRET, "would: create");
  }

  @Test
  void kmsKeyIdNamingAnotherKeyIsRefusedBeforeAnythingIsSent(URI moto) throws Exception {
    Path config = configWithKey(KEY);

    Cli.Run run = Cli.secretsCreate(moto, config, Cli.CREDENTIALS, "--kms-key-id", OTHER_KEY);

    assertThat(run.exitCode()).isEqualTo(ExitCode.NOTHING_SENT);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            "error: --kms-key-id '"
                + OTHER_KEY
                + "' is not the secrets_kms_key_arn of "
                + config.resolve("parameters.txt")
                + " ("
                + KEY
                + "), the only key the endpoints' secrets role may decrypt with; drop"
                + " --kms-key-id, or change secrets_kms_key_arn and deploy\n");
    assertThat(SecretsCreateCommandTest.secretNames(moto)).isEmpty();
  }

  @Test
  void kmsKeyIdWithoutTheSettingIsRefusedBeforeAnythingIsSent(URI moto) {
    Cli.Run run =
        Cli.secretsCreate(moto, Path.of(Cli.CONFIG), Cli.CREDENTIALS, "--kms-key-id", KEY);

    assertThat(run.exitCode()).isEqualTo(ExitCode.NOTHING_SENT);
    assertThat(run.err())
        .isEqualTo(
            "error: --kms-key-id '"
                + KEY
                + "' names a key, but "
                + Path.of(Cli.CONFIG, "parameters.txt")
                + " sets no secrets_kms_key_arn, so the endpoints' secrets role could not decrypt"
                + " secrets under it; set secrets_kms_key_arn to the key's ARN and deploy, then"
                + " run without --kms-key-id\n");
    assertThat(SecretsCreateCommandTest.secretNames(moto)).isEmpty();
  }

  @Test
  void aSecretUnderAnotherKeyIsReportedAndNeverWritten(URI moto) throws Exception {
    try (SecretsManagerClient secrets = SecretsCreateCommandTest.client(moto)) {
      secrets.createSecret(
          r ->
              r.name(SECRET)
                  .secretString(OLD_VALUE)
                  .kmsKeyId(OTHER_KEY)
                  .tags(tag("managed-by", "dms-ops")));
    }

    Cli.Run run = Cli.secretsCreate(moto, configWithKey(KEY), Cli.CREDENTIALS, "--update");

    assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
    assertThat(run.results())
        .containsEntry(
            SECRET,
            "failed: encrypted with "
                + OTHER_KEY
                + ", not the config's secrets_kms_key_arn, the key the endpoints' secrets role may"
                + " decrypt with; re-encrypt it with 'aws secretsmanager update-secret --secret-id "
                + SECRET
                + " --kms-key-id "
                + KEY
                + "'")
        .containsEntry("dms_dbserver1_dbname2_sql_server", "ok: created");
    assertThat(currentValue(moto)).isEqualTo(OLD_VALUE);
  }

  @Test
  void aSecretUnderACustomerKeyIsReportedWhenTheConfigNamesNone(URI moto) {
    try (SecretsManagerClient secrets = SecretsCreateCommandTest.client(moto)) {
      secrets.createSecret(r -> r.name(SECRET).secretString(OLD_VALUE).kmsKeyId(OTHER_KEY));
    }

    Cli.Run run = Cli.secretsCreate(moto, Path.of(Cli.CONFIG), Cli.CREDENTIALS);

    assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
    assertThat(run.results())
        .containsEntry(
            SECRET,
            "failed: encrypted with "
                + OTHER_KEY
                + ", but the config sets no secrets_kms_key_arn, so the endpoints' secrets role"
                + " may not decrypt it: set secrets_kms_key_arn to that key and deploy, or"
                + " re-encrypt it with 'aws secretsmanager update-secret --secret-id "
                + SECRET
                + " --kms-key-id alias/aws/secretsmanager'");
  }

  @Test
  void updateRefusesASecretWithoutTheTagUnlessForced(URI moto) throws Exception {
    try (SecretsManagerClient secrets = SecretsCreateCommandTest.client(moto)) {
      secrets.createSecret(
          r -> r.name(SECRET).secretString(OLD_VALUE).tags(tag("owner", "rotation-app")));
    }

    Cli.Run update = Cli.secretsCreate(moto, Path.of(Cli.CONFIG), Cli.CREDENTIALS, "--update");

    assertThat(update.exitCode()).isEqualTo(ExitCode.FAILED);
    assertThat(update.results())
        .containsEntry(
            SECRET,
            "failed: not created by dms-ops (no tag managed-by=dms-ops), so another system may"
                + " own it; --force overwrites it")
        .containsEntry("dms_dbserver1_dbname2_sql_server", "ok: created");
    assertThat(currentValue(moto)).isEqualTo(OLD_VALUE);

    Cli.Run dryRun =
        Cli.secretsCreate(
            moto, Path.of(Cli.CONFIG), Cli.CREDENTIALS, "--update", "--force", "--dry-run");

    assertThat(dryRun.results())
        .containsEntry(
            SECRET,
            "would: update (a new version; the old one stays as AWSPREVIOUS; --force: it had no"
                + " tag managed-by)");
    assertThat(currentValue(moto)).isEqualTo(OLD_VALUE);

    Cli.Run forced =
        Cli.secretsCreate(moto, Path.of(Cli.CONFIG), Cli.CREDENTIALS, "--update", "--force");

    assertThat(forced.exitCode()).isZero();
    assertThat(forced.results())
        .containsEntry(SECRET, "ok: updated (--force: it had no tag managed-by)")
        .containsEntry("dms_dbserver1_dbname2_sql_server", "skipped: unchanged");
    assertThat(JSON.readTree(currentValue(moto)).get("password").asText())
        .isEqualTo("change-me, please");
    try (SecretsManagerClient secrets = SecretsCreateCommandTest.client(moto)) {
      // Forcing overwrites the value and leaves the ownership as it was.
      assertThat(secrets.describeSecret(r -> r.secretId(SECRET)).tags())
          .containsExactly(tag("owner", "rotation-app"));
    }
  }

  @Test
  void updateOfItsOwnSecretNeedsNoForce(URI moto) throws Exception {
    Cli.secretsCreate(moto, Path.of(Cli.CONFIG), Cli.CREDENTIALS);
    Path changed =
        Cli.credentials(dir, "dbserver1,dbname1,dms_reader,new-password,10.1.0.11,1433,sqlserver");

    Cli.Run update = Cli.secretsCreate(moto, Path.of(Cli.CONFIG), changed.toString(), "--update");

    assertThat(update.exitCode()).isZero();
    assertThat(update.results()).containsExactly(entry(SECRET, "ok: updated"));
    assertThat(JSON.readTree(currentValue(moto)).get("password").asText())
        .isEqualTo("new-password");
  }

  @Test
  void updateWarnsWhenRotationIsOn(URI moto) throws Exception {
    Cli.secretsCreate(moto, Path.of(Cli.CONFIG), Cli.CREDENTIALS);
    try (SecretsManagerClient secrets = SecretsCreateCommandTest.client(moto)) {
      try {
        secrets.rotateSecret(
            r ->
                r.secretId(SECRET)
                    .rotationLambdaARN("arn:aws:lambda:us-east-1:123456789012:function:rotate")
                    .rotationRules(rules -> rules.automaticallyAfterDays(30L))
                    .rotateImmediately(false));
      } catch (ResourceNotFoundException noSuchFunction) {
        // moto turns rotation on before it looks for the function
      }
      assertThat(secrets.describeSecret(r -> r.secretId(SECRET)).rotationEnabled()).isTrue();
    }
    Path changed =
        Cli.credentials(dir, "dbserver1,dbname1,dms_reader,new-password,10.1.0.11,1433,sqlserver");

    Cli.Run update = Cli.secretsCreate(moto, Path.of(Cli.CONFIG), changed.toString(), "--update");

    assertThat(update.exitCode()).isZero();
    assertThat(update.results()).containsExactly(entry(SECRET, "ok: updated"));
    assertThat(update.err())
        .contains(
            "warning: "
                + SECRET
                + " has rotation turned on: its rotation function sets the database password, so"
                + " the credentials file's password must be the current one, or the endpoints"
                + " fail to log in until the next rotation\n");
  }

  @Test
  void forceWithoutUpdateAndATagNamedManagedByAreInvalid(URI moto) {
    Cli.Run force = Cli.secretsCreate(moto, Path.of(Cli.CONFIG), Cli.CREDENTIALS, "--force");
    Cli.Run tag =
        Cli.secretsCreate(
            moto, Path.of(Cli.CONFIG), Cli.CREDENTIALS, "--tag", "managed-by=terraform");

    assertThat(force.exitCode()).isEqualTo(ExitCode.NOTHING_SENT);
    assertThat(force.err()).startsWith("error: --force goes with --update; add --update\n");
    assertThat(tag.exitCode()).isEqualTo(ExitCode.NOTHING_SENT);
    assertThat(tag.err())
        .startsWith(
            "error: --tag cannot set managed-by: it is always dms-ops, the mark --update looks"
                + " for\n");
    assertThat(SecretsCreateCommandTest.secretNames(moto)).isEmpty();
  }

  private Path configWithKey(String arn) throws Exception {
    Path config = Cli.copyOfSampleConfig(dir.resolve("config"));
    Files.writeString(
        config.resolve("parameters.txt"),
        "secrets_kms_key_arn," + arn + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    return config;
  }

  private static String currentValue(URI moto) {
    try (SecretsManagerClient secrets = SecretsCreateCommandTest.client(moto)) {
      return secrets.getSecretValue(r -> r.secretId(SECRET)).secretString();
    }
  }

  private static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }
}
