package io.github.dmsfleet.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code secrets create} sends passwords over plain HTTP only to this machine. The refused
 * endpoints use 0.0.0.0 with moto's port: not a loopback address, but one Linux connects to this
 * machine through, so a check that let them pass would show as secrets in moto, and no test sends
 * anything beyond this machine.
 */
@ExtendWith(MotoServer.class)
class SecretsEndpointTest {
  @TempDir Path dir;

  @Test
  void refusesAPlainHttpEndpointUrlToAnotherMachineBeforeReadingTheFile(URI moto) {
    String endpoint = "http://0.0.0.0:" + moto.getPort();

    Cli.Run run =
        Cli.run(
            Cli.DUMMY_CREDENTIALS,
            "secrets",
            "create",
            "--config",
            Cli.CONFIG,
            "--credentials",
            "no-such-file.csv",
            "--endpoint-url",
            endpoint,
            "--region",
            "us-east-1");

    assertThat(run.exitCode()).isEqualTo(ExitCode.NOTHING_SENT);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            "error: --endpoint-url sends Secrets Manager calls to "
                + endpoint
                + ", plain HTTP to another machine, which would carry the passwords unencrypted;"
                + " nothing was read or sent. Give an https:// URL, or a loopback one"
                + " (http://127.0.0.1:PORT, http://localhost:PORT, such as an SSH tunnel to a"
                + " remote emulator)\n");
    assertThat(SecretsCreateCommandTest.secretNames(moto)).isEmpty();
  }

  @Test
  void refusesALeftoverAwsEndpointUrlAndNamesIt(URI moto) throws Exception {
    String endpoint = "http://0.0.0.0:" + moto.getPort();

    Cli.Run run = secretsCreateWith(Map.of("AWS_ENDPOINT_URL", endpoint));

    assertThat(run.exitCode()).isEqualTo(ExitCode.NOTHING_SENT);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            "error: AWS_ENDPOINT_URL sends Secrets Manager calls to "
                + endpoint
                + ", plain HTTP to another machine, which would carry the passwords unencrypted;"
                + " nothing was read or sent. Unset AWS_ENDPOINT_URL, or point it at an https://"
                + " URL or a loopback one (http://127.0.0.1:PORT)\n");
    assertThat(SecretsCreateCommandTest.secretNames(moto)).isEmpty();
  }

  @Test
  void theServicesOwnVariableWinsAndIsNamed(URI moto) throws Exception {
    String endpoint = "http://0.0.0.0:" + moto.getPort();

    Cli.Run refused =
        secretsCreateWith(
            Map.of(
                "AWS_ENDPOINT_URL_SECRETS_MANAGER", endpoint, "AWS_ENDPOINT_URL", moto.toString()));
    Cli.Run allowed =
        secretsCreateWith(
            Map.of(
                "AWS_ENDPOINT_URL_SECRETS_MANAGER",
                "http://localhost:" + moto.getPort(),
                "AWS_ENDPOINT_URL",
                endpoint));

    assertThat(refused.exitCode()).isEqualTo(ExitCode.NOTHING_SENT);
    assertThat(refused.err())
        .startsWith("error: AWS_ENDPOINT_URL_SECRETS_MANAGER sends Secrets Manager calls to ");
    assertThat(allowed.exitCode()).isZero();
    assertThat(allowed.results()).containsEntry("dms_dbserver1_dbname1_sql_server", "ok: created");
  }

  @Test
  void httpsAnywhereAndPlainHttpToLoopbackOnly() {
    assertThat(safe("https://secretsmanager.eu-west-1.amazonaws.com")).isTrue();
    assertThat(safe("https://10.0.0.5:4566")).isTrue();
    assertThat(safe("http://localhost:4566")).isTrue();
    assertThat(safe("http://LOCALHOST:4566")).isTrue();
    assertThat(safe("http://127.0.0.1:4566")).isTrue();
    assertThat(safe("http://127.3.2.1")).isTrue();
    assertThat(safe("http://[::1]:4566")).isTrue();

    assertThat(safe("http://0.0.0.0:4566")).isFalse();
    assertThat(safe("http://10.0.0.5:4566")).isFalse();
    assertThat(safe("http://localstack:4566")).isFalse();
    assertThat(safe("http://localhost.example.com:4566")).isFalse();
    assertThat(safe("http://127.0.0.1.example.com")).isFalse();
    assertThat(safe("http://[::2]:4566")).isFalse();
    assertThat(safe("ftp://127.0.0.1")).isFalse();
  }

  /** A real process, since the SDK reads these variables from its environment. */
  private Cli.Run secretsCreateWith(Map<String, String> environment) throws Exception {
    Map<String, String> all = new HashMap<>(environment);
    all.put("AWS_REGION", "us-east-1");
    return DmsOpsProcess.run(
        dir,
        all,
        "secrets",
        "create",
        "--config",
        Cli.CONFIG,
        "--credentials",
        Cli.CREDENTIALS,
        "--output",
        "json");
  }

  private static boolean safe(String endpoint) {
    return SecretValuesEndpoint.carriesSecretsSafely(URI.create(endpoint));
  }
}
