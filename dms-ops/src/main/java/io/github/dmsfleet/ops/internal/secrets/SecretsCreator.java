package io.github.dmsfleet.ops.internal.secrets;

import io.github.dmsfleet.model.Credential;
import io.github.dmsfleet.ops.internal.Batch;
import io.github.dmsfleet.ops.internal.Console;
import io.github.dmsfleet.ops.internal.aws.Errors;
import io.github.dmsfleet.ops.internal.aws.RunFailure;
import io.github.dmsfleet.ops.replication.Ledger;
import io.github.dmsfleet.ops.replication.Result;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/**
 * Puts each credentials row into its Secrets Manager secret: creates what is missing (encrypted
 * with the fleet's key and tagged as this tool's), leaves what is right alone, and overwrites a
 * different value only when asked, and only in a secret of its own unless forced. A secret
 * encrypted with another key is reported, never written. Values never reach the console.
 */
public final class SecretsCreator {
  private static final int THREADS = 4;

  /** The tag that marks the secrets this tool created; {@code --update} overwrites only those. */
  public static final String MANAGED_BY = "managed-by";

  /** Its value: this tool's name. */
  public static final String THIS_TOOL = "dms-ops";

  /** What a different value is reported as without {@code --update}. */
  private static final String DIFFERS = "differs from the credentials file; --update overwrites it";

  /**
   * What a run may do.
   *
   * @param update write a new version when the secret holds a different value
   * @param force with {@code update}, also overwrite a secret without this tool's tag
   * @param dryRun read only; report what would be done
   * @param key the key new secrets are encrypted with, and existing ones must be
   * @param tags put on secrets this creates, besides {@code managed-by}
   */
  public record Options(
      boolean update, boolean force, boolean dryRun, SecretsKey key, Map<String, String> tags) {
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

  /** One result per credential, in their order; one secret's failure does not stop the others. */
  public List<Result> apply(List<Credential> credentials, Ledger ledger) {
    return Batch.map(
        credentials,
        THREADS,
        credential -> {
          Result result = applySafely(credential, ledger);
          ledger.finished(result);
          return result;
        });
  }

  private Result applySafely(Credential credential, Ledger ledger) {
    String name = credential.secretName();
    try {
      Result result = apply(credential, true, ledger);
      console.debug(name + ": " + result.result() + " " + result.detail());
      return result;
    } catch (SdkException e) {
      RunFailure everyCall = Errors.asRunFailure(e);
      if (everyCall != null) {
        throw everyCall;
      }
      return Result.failed(name, Errors.describe(e));
    }
  }

  private Result apply(Credential credential, boolean mayCreate, Ledger ledger) {
    String name = credential.secretName();
    String wanted = SecretValue.of(credential);
    DescribeSecretResponse existing;
    try {
      existing = secrets.describeSecret(r -> r.secretId(name));
    } catch (ResourceNotFoundException e) {
      return mayCreate
          ? create(credential, wanted, ledger)
          : Result.failed(name, "created and deleted by someone else meanwhile; rerun");
    }
    if (existing.deletedDate() != null) {
      // Secrets Manager refuses to create or write a secret in this state, so it needs the user.
      return Result.failed(
          name,
          "scheduled for deletion ("
              + existing.deletedDate()
              + "): restore it with 'aws secretsmanager restore-secret --secret-id "
              + name
              + "', then rerun");
    }
    if (!options.key().encrypts(existing.kmsKeyId())) {
      // Written as it is, a new version would be encrypted with that key too.
      return Result.failed(name, otherKey(name, existing.kmsKeyId()));
    }
    if (SecretValue.same(currentValue(name), wanted)) {
      return Result.skipped(name, "unchanged");
    }
    if (!options.update()) {
      return Result.failed(name, DIFFERS);
    }
    boolean ours = existing.tags().stream().anyMatch(SecretsCreator::isManagedByThisTool);
    if (!ours && !options.force()) {
      return Result.failed(
          name,
          "not created by "
              + THIS_TOOL
              + " (no tag "
              + MANAGED_BY
              + "="
              + THIS_TOOL
              + "), so another system may own it; --force overwrites it");
    }
    if (Boolean.TRUE.equals(existing.rotationEnabled())) {
      console.warn(
          name
              + " has rotation turned on: its rotation function sets the database password, so the"
              + " credentials file's password must be the current one, or the endpoints fail to"
              + " log in until the next rotation");
    }
    String forced = ours ? "" : "--force: it had no tag " + MANAGED_BY;
    if (options.dryRun()) {
      return Result.would(
          name,
          "update (a new version; the old one stays as AWSPREVIOUS"
              + (ours ? "" : "; " + forced)
              + ")");
    }
    String updated = ours ? "updated" : "updated (" + forced + ")";
    ledger.sending(name);
    // One token for the call, so that the SDK's retries of a lost answer add no second version.
    secrets.putSecretValue(
        r -> r.secretId(name).secretString(wanted).clientRequestToken(newVersionId()));
    ledger.sent(name, updated);
    return Result.ok(name, updated);
  }

  private String otherKey(String name, String kmsKeyId) {
    String fix = "aws secretsmanager update-secret --secret-id " + name + " --kms-key-id ";
    if (options.key().isAwsManaged()) {
      return "encrypted with "
          + SecretsKey.describe(kmsKeyId)
          + ", but the config sets no secrets_kms_key_arn, so the endpoints' secrets role may not"
          + " decrypt it: set secrets_kms_key_arn to that key and deploy, or re-encrypt it with '"
          + fix
          + "alias/aws/secretsmanager'";
    }
    return "encrypted with "
        + SecretsKey.describe(kmsKeyId)
        + ", not the config's secrets_kms_key_arn, the key the endpoints' secrets role may decrypt"
        + " with; re-encrypt it with '"
        + fix
        + options.key()
        + "'";
  }

  private static boolean isManagedByThisTool(Tag tag) {
    return MANAGED_BY.equals(tag.key()) && THIS_TOOL.equals(tag.value());
  }

  private static String newVersionId() {
    return UUID.randomUUID().toString();
  }

  private Result create(Credential credential, String wanted, Ledger ledger) {
    String name = credential.secretName();
    if (options.dryRun()) {
      return Result.would(name, "create");
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
            .clientRequestToken(newVersionId())
            .kmsKeyId(options.key().kmsKeyId());
    Map<String, String> tags = new LinkedHashMap<>(options.tags());
    tags.put(MANAGED_BY, THIS_TOOL);
    request.tags(
        tags.entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build())
            .toList());
    try {
      ledger.sending(name);
      secrets.createSecret(request.build());
      ledger.sent(name, "created");
      return Result.ok(name, "created");
    } catch (ResourceExistsException e) {
      // Someone created it since we looked: compare with what is there now.
      return apply(credential, false, ledger);
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
}
