package io.github.dmsfleet.ops;

import io.github.dmsfleet.model.ConfigLoader;
import io.github.dmsfleet.model.Credential;
import io.github.dmsfleet.model.CredentialsLoader;
import io.github.dmsfleet.model.Database;
import io.github.dmsfleet.model.Fleet;
import io.github.dmsfleet.ops.internal.Console;
import io.github.dmsfleet.ops.internal.secrets.SecretsCreator;
import io.github.dmsfleet.ops.replication.Ledger;
import io.github.dmsfleet.ops.replication.Result;
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
          + " port, engine, dbname), named and tagged as the config says.",
      "A secret that already holds that value is left alone; one that holds another value fails the run"
          + " (exit 1) unless --update overwrites it. Passwords are never printed."
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
              + " AWSPREVIOUS).")
  private boolean update;

  @Option(names = "--dry-run", description = "Read only: report what would be created or updated.")
  private boolean dryRun;

  @Option(
      names = "--kms-key-id",
      paramLabel = "KEY",
      description = "KMS key for new secrets (default: the account's aws/secretsmanager key).")
  private String kmsKeyId;

  @Option(
      names = "--tag",
      paramLabel = "KEY=VALUE",
      description =
          "Tag for new secrets, besides the config's tags (and over them); repeat for more.")
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
    Fleet fleet = OperationsConfig.load(config, console);
    List<Credential> rows = CredentialsLoader.load(credentials, fleet.settings());
    reportUnmatched(fleet, rows, console);
    Map<String, String> allTags = new LinkedHashMap<>(fleet.settings().tags());
    allTags.putAll(tags);
    console.progress(
        "Checking "
            + Report.plural(rows.size(), "secret")
            + (dryRun ? " (dry run: nothing is written)" : ""));
    try (SecretsManagerClient secrets = clients.secretsManager(global, console)) {
      SecretsCreator creator =
          new SecretsCreator(
              secrets, new SecretsCreator.Options(update, dryRun, kmsKeyId, allTags), console);
      Ledger ledger = new Ledger(rows.stream().map(Credential::secretName).toList(), "written");
      return new Mutation(console, global.output(), "SECRET", "secret")
          .run(ledger, () -> creator.apply(rows, ledger));
    }
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

  static boolean differs(Result result) {
    return SecretsCreator.DIFFERS.equals(result.detail());
  }
}
