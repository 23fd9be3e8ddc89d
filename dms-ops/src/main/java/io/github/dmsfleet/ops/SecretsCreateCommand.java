package io.github.dmsfleet.ops;

import io.github.dmsfleet.model.ConfigLoader;
import io.github.dmsfleet.model.Credential;
import io.github.dmsfleet.model.CredentialsFile;
import io.github.dmsfleet.model.CredentialsLoader;
import io.github.dmsfleet.model.Database;
import io.github.dmsfleet.model.Fleet;
import io.github.dmsfleet.model.Problem;
import io.github.dmsfleet.ops.internal.Console;
import io.github.dmsfleet.ops.internal.secrets.SecretsCreator;
import io.github.dmsfleet.ops.internal.secrets.SecretsKey;
import io.github.dmsfleet.ops.replication.Ledger;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** {@code dms-ops secrets create}: one secret per credentials row. */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = {
      "Creates one secret per credentials row, holding the JSON a DMS endpoint reads (username, password, host,"
          + " port, engine, dbname), named and tagged as the config says, tagged managed-by=dms-ops and"
          + " encrypted with the config's secrets_kms_key_arn (else aws/secretsmanager).",
      "A secret that already holds that value is left alone; one that holds another value fails the run"
          + " (exit 1) unless --update overwrites it, which it does only in a secret tagged"
          + " managed-by=dms-ops unless --force. A secret encrypted with another key fails and is never"
          + " written. Passwords are never printed, and go over plain HTTP only to this machine."
    })
final class SecretsCreateCommand implements Callable<Integer> {
  private final ClientFactory clients;

  @Spec private CommandSpec spec;

  @Mixin private GlobalOptions global;

  @Option(
      names = "--credentials",
      paramLabel = "FILE",
      defaultValue = "config/credentials.csv",
      description =
          "The credentials CSV: servername,dbname,username,password,ipaddress,port,engine"
              + " (default: ${DEFAULT-VALUE}).")
  private Path credentials;

  @Option(
      names = "--config",
      paramLabel = "DIR",
      defaultValue = "config",
      description =
          "The config folder: its secret-name pattern, default engine and tags apply, and rows and"
              + " configured databases that do not match are reported (default: ${DEFAULT-VALUE}).")
  private Path config;

  @Option(
      names = "--update",
      description =
          "Write a new version where the secret holds a different value (the old one stays as"
              + " AWSPREVIOUS); only in secrets tagged managed-by=dms-ops.")
  private boolean update;

  @Option(
      names = "--force",
      description =
          "With --update, also overwrite secrets without the managed-by=dms-ops tag, such as ones"
              + " created by hand or by another tool.")
  private boolean force;

  @Option(names = "--dry-run", description = "Read only: report what would be created or updated.")
  private boolean dryRun;

  @Option(
      names = "--kms-key-id",
      paramLabel = "KEY",
      description =
          "Only checks that the config's secrets_kms_key_arn is this key (its ARN or key ID): the"
              + " config names the key, since the endpoints' secrets role may decrypt with that one"
              + " only.")
  private String kmsKeyId;

  @Option(
      names = "--tag",
      paramLabel = "KEY=VALUE",
      description =
          "Tag for new secrets, besides the config's tags (and over them); repeat for more."
              + " managed-by is always dms-ops.")
  private Map<String, String> tags = new LinkedHashMap<>();

  SecretsCreateCommand(ClientFactory clients) {
    this.clients = clients;
  }

  @Override
  public Integer call() {
    Console console = global.console();
    if (tags.keySet().stream().anyMatch(String::isBlank)) {
      throw new ParameterException(
          spec.commandLine(), "--tag needs KEY=VALUE with a non-empty KEY, got " + tags);
    }
    if (tags.containsKey(SecretsCreator.MANAGED_BY)) {
      throw new ParameterException(
          spec.commandLine(),
          "--tag cannot set "
              + SecretsCreator.MANAGED_BY
              + ": it is always "
              + SecretsCreator.THIS_TOOL
              + ", the mark --update looks for");
    }
    if (force && !update) {
      throw new ParameterException(spec.commandLine(), "--force goes with --update; add --update");
    }
    Fleet fleet = OperationsConfig.load(config, console);
    SecretsKey key = key(fleet);
    // Built first: it refuses an endpoint that would carry passwords over plain HTTP to another
    // machine before a password is read.
    try (SecretsManagerClient secrets = clients.secretsManager(global, console)) {
      CredentialsFile file = CredentialsLoader.read(credentials, fleet.settings());
      for (Problem warning : file.warnings()) {
        console.warn(warning.toString());
      }
      List<Credential> rows = file.credentials();
      reportUnmatched(fleet, rows, console);
      Map<String, String> allTags = new LinkedHashMap<>(fleet.settings().tags());
      allTags.putAll(tags);
      allTags.remove(SecretsCreator.MANAGED_BY);
      console.progress(
          "Checking "
              + Report.plural(rows.size(), "secret")
              + (dryRun ? " (dry run: nothing is written)" : ""));
      SecretsCreator creator =
          new SecretsCreator(
              secrets, new SecretsCreator.Options(update, force, dryRun, key, allTags), console);
      Ledger ledger = new Ledger(rows.stream().map(Credential::secretName).toList(), "written");
      return new Mutation(console, global.output(), "SECRET", "secret")
          .run(ledger, () -> creator.apply(rows, ledger));
    }
  }

  /**
   * The config's key. {@code --kms-key-id} may only repeat it: the CDK app grants the endpoints'
   * secrets role {@code kms:Decrypt} on that key alone, so a secret under another key would be one
   * no endpoint can read.
   */
  private SecretsKey key(Fleet fleet) {
    Path parameters = config.resolve("parameters.txt");
    SecretsKey key =
        fleet.settings().secretsKmsKeyArn().map(SecretsKey::of).orElse(SecretsKey.awsManaged());
    if (kmsKeyId == null) {
      return key;
    }
    String given = kmsKeyId.strip();
    if (key.isAwsManaged()) {
      throw new InvalidInputException(
          "--kms-key-id '"
              + kmsKeyId
              + "' names a key, but "
              + parameters
              + " sets no secrets_kms_key_arn, so the endpoints' secrets role could not decrypt"
              + " secrets under it; set secrets_kms_key_arn to the key's ARN and deploy, then run"
              + " without --kms-key-id");
    }
    if (!given.equals(key.kmsKeyId()) && !given.equals(key.keyId())) {
      throw new InvalidInputException(
          "--kms-key-id '"
              + kmsKeyId
              + "' is not the secrets_kms_key_arn of "
              + parameters
              + " ("
              + key
              + "), the only key the endpoints' secrets role may decrypt with; drop --kms-key-id,"
              + " or change secrets_kms_key_arn and deploy");
    }
    return key;
  }

  private void reportUnmatched(Fleet fleet, List<Credential> rows, Console console) {
    Path databasesFile = config.resolve(ConfigLoader.DATABASES_FILE);
    for (Credential row : rows) {
      Optional<Database> database = fleet.database(row.serverName(), row.databaseName());
      String where = credentials + ":" + row.line() + ": ";
      if (database.isEmpty()) {
        console.warn(
            where
                + "server '"
                + row.serverName()
                + "' database '"
                + row.databaseName()
                + "' matches no database in "
                + databasesFile
                + "; its secret is created anyway");
      } else if (!database.get().secretName().equals(row.secretName())) {
        Database configured = database.get();
        console.warn(
            where
                + "gives secret '"
                + row.secretName()
                + "', but the config's endpoint reads '"
                + configured.secretName()
                + "'; "
                + (row.engine() != configured.engine()
                    ? "make the engines agree (the row says '"
                        + row.engine().engineName()
                        + "', "
                        + databasesFile
                        + ":"
                        + configured.line()
                        + " '"
                        + configured.engine().engineName()
                        + "')"
                    : "write the server and database names as "
                        + databasesFile
                        + ":"
                        + configured.line()
                        + " does ('"
                        + configured.serverName()
                        + "', '"
                        + configured.name()
                        + "'): secret names keep their case"));
      }
    }
    for (Database database : fleet.databases()) {
      boolean hasRow =
          rows.stream()
              .anyMatch(
                  r ->
                      fleet
                          .database(r.serverName(), r.databaseName())
                          .filter(database::equals)
                          .isPresent());
      if (!hasRow) {
        console.warn(
            databasesFile
                + ":"
                + database.line()
                + ": server '"
                + database.serverName()
                + "' database '"
                + database.name()
                + "' has no row in "
                + credentials
                + "; its secret '"
                + database.secretName()
                + "' is not created");
      }
    }
  }
}
