package io.github.dmsfleet.ops;

import io.github.dmsfleet.model.ConfigLoader;
import io.github.dmsfleet.model.Database;
import io.github.dmsfleet.model.Fleet;
import io.github.dmsfleet.model.Server;
import io.github.dmsfleet.ops.internal.Console;
import io.github.dmsfleet.ops.internal.Nearest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
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

  @Mixin private ConfigFolder config;

  @Option(
      names = "--server",
      paramLabel = "SERVER",
      description = "Only this server's databases; repeat for more.")
  List<String> servers = new ArrayList<>();

  @Option(
      names = "--database",
      paramLabel = "DB",
      description =
          "Only databases of this name (of the --server ones, if given); repeat for more.")
  List<String> databases = new ArrayList<>();

  /** The loaded fleet and the databases the filters chose. */
  record Selected(Fleet fleet, List<Database> databases, boolean narrowed) {
    List<String> taskIdentifiers() {
      return databases.stream().map(Database::taskIdentifier).toList();
    }

    /** The database of a task identifier. */
    Database database(String taskIdentifier) {
      return databases.stream()
          .filter(d -> d.taskIdentifier().equals(taskIdentifier))
          .findFirst()
          .orElseThrow();
    }
  }

  /**
   * Loads the config for a command that deploys nothing (a problem in a table-mapping file is only
   * a warning) and applies the filters; a filter that matches nothing is invalid input.
   */
  Selected select(Console console) {
    Fleet fleet = OperationsConfig.load(config.path(), console);
    Path file = config.path().resolve(ConfigLoader.DATABASES_FILE);
    List<Database> selected = fleet.databases();
    if (!servers.isEmpty()) {
      List<Database> chosen = new ArrayList<>();
      for (String name : servers) {
        Optional<Server> server = fleet.server(name);
        if (server.isEmpty()) {
          throw invalid(
              "--server '"
                  + name
                  + "' matches no server in "
                  + file
                  + "; nearest: "
                  + nearest(name, fleet.servers(), Server::name));
        }
        chosen.addAll(server.get().databases());
      }
      selected = selected.stream().filter(chosen::contains).toList();
    }
    if (!databases.isEmpty()) {
      List<Database> among = selected;
      Set<Database> chosen = new LinkedHashSet<>();
      for (String name : databases) {
        List<Database> matching =
            among.stream()
                .filter(d -> fleet.database(d.serverName(), name).filter(d::equals).isPresent())
                .toList();
        if (matching.isEmpty()) {
          throw invalid(
              "--database '"
                  + name
                  + "' matches no database"
                  + (servers.isEmpty() ? "" : " of --server " + String.join(", ", servers))
                  + " in "
                  + file
                  + "; nearest: "
                  + nearest(name, among, d -> d.name() + " (" + d.serverName() + ")"));
        }
        chosen.addAll(matching);
      }
      selected = among.stream().filter(chosen::contains).toList();
    }
    return new Selected(fleet, selected, !servers.isEmpty() || !databases.isEmpty());
  }

  private static <T> String nearest(String wrong, List<T> candidates, Function<T, String> name) {
    return String.join(", ", Nearest.to(wrong, candidates.stream().map(name).toList(), 3));
  }

  private ParameterException invalid(String message) {
    return new ParameterException(command.commandLine(), message);
  }
}
