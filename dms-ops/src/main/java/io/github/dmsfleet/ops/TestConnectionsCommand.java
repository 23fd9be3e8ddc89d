package io.github.dmsfleet.ops;

import io.github.dmsfleet.model.Database;
import io.github.dmsfleet.model.Server;
import io.github.dmsfleet.ops.internal.Console;
import io.github.dmsfleet.ops.internal.aws.RunFailure;
import io.github.dmsfleet.ops.internal.connections.ConnectionTester;
import io.github.dmsfleet.ops.replication.Result;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;

/** {@code dms-ops test-connections}. */
@Command(
    name = "test-connections",
    mixinStandardHelpOptions = true,
    description =
        "Tests every source and target endpoint from its server's replication instance and reports which"
            + " fail, with DMS's reason.")
final class TestConnectionsCommand implements Callable<Integer> {
  private final ClientFactory clients;

  @Mixin private GlobalOptions global;

  @Mixin private FleetSelection selection;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "10m",
      converter = DurationConverter.class,
      description = "How long to wait for the tests in all (default: ${DEFAULT-VALUE}).")
  private Duration timeout;

  @Mixin private PollInterval pollInterval;

  TestConnectionsCommand(ClientFactory clients) {
    this.clients = clients;
  }

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
    console.progress("Testing " + Report.plural(checks.size(), "endpoint"));
    List<Result> results;
    try (DatabaseMigrationClient dms = clients.dms(global, console)) {
      results = new ConnectionTester(dms, timeout, pollInterval.get(), console).test(checks);
    } catch (RunFailure e) {
      // A connection test changes nothing, so nothing was sent whatever the failure.
      console.error(e.getMessage());
      return ExitCode.NOTHING_SENT;
    }
    return Report.results(console, global.output(), "ENDPOINT", "endpoint", results);
  }
}
