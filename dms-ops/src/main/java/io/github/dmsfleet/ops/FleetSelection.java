package io.github.dmsfleet.ops;

import io.github.dmsfleet.model.ConfigLoader;
import io.github.dmsfleet.model.Database;
import io.github.dmsfleet.model.Fleet;
import io.github.dmsfleet.model.Identifiers;
import io.github.dmsfleet.model.Problem;
import io.github.dmsfleet.model.Server;
import io.github.dmsfleet.ops.internal.Console;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --config}, {@code --server} and {@code --database}: which of the fleet's databases a
 * command acts on.
 */
final class FleetSelection {
  @Spec(Spec.Target.MIXEE)
  private CommandSpec command;

  @Option(
      names = "--config",
      paramLabel = "DIR",
      defaultValue = "config",
      description = "The config folder (default: ${DEFAULT-VALUE}).")
  Path config;

  @Option(names = "--server", paramLabel = "SERVER", description = "Only this server's databases.")
  String server;

  @Option(
      names = "--database",
      paramLabel = "DB",
      description = "Only databases of this name (on --server, if given).")
  String database;

  /** The loaded fleet and the databases the filters chose. */
  record Selected(Fleet fleet, List<Database> databases) {
    List<String> taskIdentifiers() {
      return databases.stream().map(Database::taskIdentifier).toList();
    }
  }

  /** Loads the config and applies the filters; a filter that matches nothing is invalid input. */
  Selected select(Console console) {
    Fleet fleet = ConfigLoader.load(config);
    for (Problem warning : fleet.warnings()) {
      console.warn(warning.toString());
    }
    List<Database> selected = fleet.databases();
    Path file = config.resolve(ConfigLoader.DATABASES_FILE);
    if (server != null) {
      Server found =
          fleet
              .server(server)
              .orElseThrow(
                  () ->
                      invalid(
                          "--server '"
                              + server
                              + "' matches no server in "
                              + file
                              + "; its servers: "
                              + fleet.servers().stream()
                                  .map(Server::name)
                                  .collect(Collectors.joining(", "))));
      selected = found.databases();
    }
    if (database != null) {
      String wanted = Identifiers.of(database);
      List<Database> all = selected;
      selected = selected.stream().filter(d -> Identifiers.of(d.name()).equals(wanted)).toList();
      if (selected.isEmpty()) {
        throw invalid(
            "--database '"
                + database
                + "' matches no database"
                + (server == null ? "" : " of server '" + server + "'")
                + " in "
                + file
                + "; its databases: "
                + all.stream()
                    .map(d -> d.serverName() + "/" + d.name())
                    .collect(Collectors.joining(", ")));
      }
    }
    return new Selected(fleet, selected);
  }

  private ParameterException invalid(String message) {
    return new ParameterException(command.commandLine(), message);
  }
}
