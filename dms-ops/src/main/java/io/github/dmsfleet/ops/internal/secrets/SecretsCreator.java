package io.github.dmsfleet.ops.internal.secrets;

import io.github.dmsfleet.model.Credential;
import io.github.dmsfleet.ops.internal.Console;
import io.github.dmsfleet.ops.internal.Outcome;
import io.github.dmsfleet.ops.internal.Parallel;
import io.github.dmsfleet.ops.internal.aws.Errors;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/**
 * Puts each credentials row into its Secrets Manager secret: creates what is missing, leaves what
 * is right alone, and overwrites a different value only when asked. Values never reach the console.
 */
public final class SecretsCreator {
  private static final int THREADS = 4;

  /**
   * What a run may do.
   *
   * @param update write a new version when the secret holds a different value
   * @param dryRun read only; report what would be done
   * @param kmsKeyId the key new secrets are encrypted with; null for the account's {@code
   *     aws/secretsmanager} key
   * @param tags put on secrets this creates
   */
  public record Options(boolean update, boolean dryRun, String kmsKeyId, Map<String, String> tags) {
    public Options {
      tags = Map.copyOf(tags);
    }
  }

  private final SecretsManagerClient secrets;
  private final Options options;
  private final Console console;

  public SecretsCreator(SecretsManagerClient secrets, Options options, Console console) {
    this.secrets = secrets;
    this.options = options;
    this.console = console;
  }

  /** One outcome per credential, in their order; one secret's failure does not stop the others. */
  public List<Outcome> apply(List<Credential> credentials) {
    return Parallel.map(credentials, THREADS, this::applySafely);
  }

  private Outcome applySafely(Credential credential) {
    String name = credential.secretName();
    try {
      Outcome outcome = apply(credential, true);
      console.debug(name + ": " + outcome.result());
      return outcome;
    } catch (SdkException e) {
      return Outcome.failed(name, Errors.describe(e));
    }
  }

  private Outcome apply(Credential credential, boolean mayCreate) {
    String name = credential.secretName();
    String wanted = SecretValue.of(credential);
    DescribeSecretResponse existing;
    try {
      existing = secrets.describeSecret(r -> r.secretId(name));
    } catch (ResourceNotFoundException e) {
      return mayCreate
          ? create(credential, wanted)
          : Outcome.failed(name, "created and deleted by someone else");
    }
    if (existing.deletedDate() != null) {
      return scheduledForDeletion(name, existing);
    }
    if (SecretValue.same(currentValue(name), wanted)) {
      return Outcome.ok(name, "unchanged");
    }
    if (!options.update()) {
      return Outcome.ok(name, "differs (use --update)");
    }
    if (options.dryRun()) {
      return Outcome.ok(name, "would update");
    }
    secrets.putSecretValue(r -> r.secretId(name).secretString(wanted));
    return Outcome.ok(name, "updated");
  }

  private Outcome create(Credential credential, String wanted) {
    String name = credential.secretName();
    if (options.dryRun()) {
      return Outcome.ok(name, "would create");
    }
    CreateSecretRequest.Builder request =
        CreateSecretRequest.builder()
            .name(name)
            .description(
                "DMS source credentials for server "
                    + credential.serverName()
                    + " database "
                    + credential.databaseName())
            .secretString(wanted)
            .kmsKeyId(options.kmsKeyId());
    if (!options.tags().isEmpty()) {
      request.tags(
          options.tags().entrySet().stream()
              .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build())
              .toList());
    }
    try {
      secrets.createSecret(request.build());
      return Outcome.ok(name, "created");
    } catch (ResourceExistsException e) {
      // Someone created it since we looked: compare with what is there now.
      return apply(credential, false);
    }
  }

  /** The current value, or null when the secret has none (created without a value). */
  private String currentValue(String name) {
    try {
      return secrets.getSecretValue(r -> r.secretId(name)).secretString();
    } catch (ResourceNotFoundException e) {
      return null;
    }
  }

  private static Outcome scheduledForDeletion(String name, DescribeSecretResponse existing) {
    // Secrets Manager refuses to create or write a secret in this state, so it needs the user.
    return new Outcome(
        name,
        "scheduled-for-deletion ("
            + existing.deletedDate()
            + "): restore it with"
            + " 'aws secretsmanager restore-secret --secret-id "
            + name
            + "', then rerun",
        true);
  }
}
