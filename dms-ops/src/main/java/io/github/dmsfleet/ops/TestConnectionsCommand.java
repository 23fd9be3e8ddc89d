package io.github.dmsfleet.ops;

import io.github.dmsfleet.model.Database;
import io.github.dmsfleet.model.Server;
import io.github.dmsfleet.ops.internal.Console;
import io.github.dmsfleet.ops.internal.Outcome;
import io.github.dmsfleet.ops.internal.connections.ConnectionTester;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;

/** {@code dms-ops test-connections}. */
@Command(
    name = "test-connections",
    mixinStandardHelpOptions = true,
    description =
        "Tests every source and target endpoint from its server's replication instance and reports which"
            + " fail, with DMS's reason.")
final class TestConnectionsCommand implements Callable<Integer> {
  @ParentCommand private DmsOps root;

  @Mixin private GlobalOptions global;

  @Mixin private FleetSelection selection;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "10m",
      converter = DurationConverter.class,
      description = "How long to wait for the tests in all (default: ${DEFAULT-VALUE}).")
  private Duration timeout;

  @Option(
      names = "--poll-interval",
      hidden = true,
      defaultValue = "5s",
      converter = DurationConverter.class)
  private Duration pollInterval;

  @Override
  public Integer call() {
    Console console = global.console();
    FleetSelection.Selected selected = selection.select(console);
    List<ConnectionTester.Check> checks = new ArrayList<>();
    for (Database database : selected.databases()) {
      String instance =
          selected
              .fleet()
              .server(database.serverName())
              .map(Server::instanceIdentifier)
              .orElseThrow();
      checks.add(new ConnectionTester.Check(instance, database.sourceEndpointIdentifier()));
      checks.add(new ConnectionTester.Check(instance, database.targetEndpointIdentifier()));
    }
    console.progress("Testing " + checks.size() + " endpoints");
    List<Outcome> outcomes;
    try (DatabaseMigrationClient dms = root.clients().dms(global)) {
      outcomes = new ConnectionTester(dms, timeout, pollInterval, console).test(checks);
    }
    return Summary.print(console, "ENDPOINT", "endpoint", outcomes);
  }
}
