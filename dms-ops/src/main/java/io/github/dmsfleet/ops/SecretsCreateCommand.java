package io.github.dmsfleet.ops;

import io.github.dmsfleet.model.ConfigLoader;
import io.github.dmsfleet.model.Credential;
import io.github.dmsfleet.model.CredentialsLoader;
import io.github.dmsfleet.model.Database;
import io.github.dmsfleet.model.Fleet;
import io.github.dmsfleet.model.Identifiers;
import io.github.dmsfleet.model.Settings;
import io.github.dmsfleet.ops.internal.Console;
import io.github.dmsfleet.ops.internal.Outcome;
import io.github.dmsfleet.ops.internal.secrets.SecretsCreator;
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
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** {@code dms-ops secrets create}: one secret per credentials row. */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = {
      "Creates one secret per credentials row, holding the JSON a DMS endpoint reads (username, password, host,"
          + " port, engine, dbname).",
      "A secret that already holds that value is left alone; one that holds another value is reported and left"
          + " alone unless --update. Passwords are never printed."
    })
final class SecretsCreateCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @ParentCommand private SecretsCommand parent;

  @Mixin private GlobalOptions global;

  @Option(
      names = "--credentials",
      required = true,
      paramLabel = "FILE",
      description =
          "The credentials CSV: servername,dbname,username,password,ipaddress,port,engine.")
  private Path credentials;

  @Option(
      names = "--config",
      paramLabel = "DIR",
      description =
          "The config folder: its secret-name pattern and default engine apply, and rows and configured"
              + " databases that do not match are reported (default: the model's default settings, no matching).")
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
      description = "Tag for new secrets; repeat for more.")
  private Map<String, String> tags = new LinkedHashMap<>();

  @Override
  public Integer call() {
    Console console = global.console();
    if (tags.keySet().stream().anyMatch(String::isBlank)) {
      throw new ParameterException(
          spec.commandLine(), "--tag needs KEY=VALUE with a non-empty KEY, got " + tags);
    }
    Optional<Fleet> fleet = Optional.ofNullable(config).map(ConfigLoader::load);
    Settings settings = fleet.map(Fleet::settings).orElseGet(Settings::defaults);
    List<Credential> rows = CredentialsLoader.load(credentials, settings);
    fleet.ifPresent(f -> reportUnmatched(f, rows, console));
    console.progress(
        "Checking " + rows.size() + " secrets" + (dryRun ? " (dry run: nothing is written)" : ""));
    List<Outcome> outcomes;
    try (SecretsManagerClient secrets = parent.root.clients().secretsManager(global)) {
      outcomes =
          new SecretsCreator(
                  secrets, new SecretsCreator.Options(update, dryRun, kmsKeyId, tags), console)
              .apply(rows);
    }
    long differing = outcomes.stream().filter(o -> o.result().startsWith("differs")).count();
    int exitCode = Summary.print(console, "SECRET", "secret", outcomes);
    if (differing > 0) {
      console.warn(
          differing
              + " secret"
              + (differing == 1 ? " holds" : "s hold")
              + " a different value than the credentials file; rerun with --update to overwrite");
    }
    return exitCode;
  }

  private void reportUnmatched(Fleet fleet, List<Credential> rows, Console console) {
    Path databasesFile = config.resolve(ConfigLoader.DATABASES_FILE);
    for (Credential row : rows) {
      Optional<Database> database = fleet.database(row.serverName(), row.databaseName());
      if (database.isEmpty()) {
        console.warn(
            credentials
                + ":"
                + row.line()
                + ": server '"
                + row.serverName()
                + "' database '"
                + row.databaseName()
                + "' matches no database in "
                + databasesFile
                + "; its secret is created anyway");
      } else if (!database.get().secretName().equals(row.secretName())) {
        console.warn(
            credentials
                + ":"
                + row.line()
                + ": engine '"
                + row.engine().engineName()
                + "' gives secret '"
                + row.secretName()
                + "', but the config's endpoint reads '"
                + database.get().secretName()
                + "'; make the engines agree");
      }
    }
    for (Database database : fleet.databases()) {
      boolean hasRow =
          rows.stream()
              .anyMatch(
                  r ->
                      Identifiers.of(r.serverName(), r.databaseName(), "all")
                          .equals(database.taskIdentifier()));
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
