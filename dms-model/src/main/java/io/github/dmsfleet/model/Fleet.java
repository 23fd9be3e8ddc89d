package io.github.dmsfleet.model;

import io.github.dmsfleet.rules.DmsNames;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A whole validated config: the settings and every server with its databases. */
@Value.Immutable
public abstract class Fleet {
  public abstract Settings settings();

  /** Servers in the order the config first names them. */
  public abstract List<Server> servers();

  /** What is allowed but worth knowing, such as an account quota that must be raised first. */
  public abstract List<Problem> warnings();

  /** Every database of every server. */
  @Value.Derived
  public List<Database> databases() {
    return servers().stream().flatMap(s -> s.databases().stream()).toList();
  }

  /** The server of that name, matched as its identifier matches (case and punctuation aside). */
  public Optional<Server> server(String name) {
    String instance = DmsNames.instanceIdentifier(name);
    return servers().stream().filter(s -> s.instanceIdentifier().equals(instance)).findFirst();
  }

  /** The database of that server and name, matched as their task identifier matches. */
  public Optional<Database> database(String serverName, String databaseName) {
    String task = DmsNames.taskIdentifier(serverName, databaseName);
    return databases().stream().filter(d -> d.taskIdentifier().equals(task)).findFirst();
  }
}
