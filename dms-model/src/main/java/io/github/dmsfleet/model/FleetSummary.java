package io.github.dmsfleet.model;

import io.github.dmsfleet.rules.Compute;
import io.github.dmsfleet.rules.SslMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a valid fleet deploys and what deserves a second look, as {@code dms-ops validate} prints
 * it: the resources it makes, which servers run serverless, the effective settings of every server
 * and database that differ from the fleet's, the databases that run without encryption, and where
 * the replication instances may connect to.
 *
 * <pre>{@code
 * FleetSummary.lines(fleet).forEach(System.out::println);
 * }</pre>
 */
public final class FleetSummary {
  private FleetSummary() {}

  /** The summary, one line each, indented under a heading the caller prints. */
  public static List<String> lines(Fleet fleet) {
    List<String> lines = new ArrayList<>();
    List<Server> serverless = serversOn(fleet, Compute.SERVERLESS);
    int configs = serverless.stream().mapToInt(s -> s.databases().size()).sum();
    int databases = fleet.databases().size();
    lines.add(count("servers", fleet.servers().size()));
    lines.add(count("instances", fleet.servers().size() - serverless.size()));
    lines.add(
        count("serverless", serverless.size())
            + (serverless.isEmpty() ? "" : " (" + names(serverless) + ")"));
    lines.add(count("databases", databases));
    lines.add(count("tasks", databases - configs));
    lines.add(count("replication configs", configs));
    lines.add(count("endpoints", 2 * databases));

    String fleetServer = settingsOf(fleet.settings());
    List<String> servers =
        fleet.servers().stream()
            .filter(s -> !settingsOf(s).equals(fleetServer))
            .map(s -> "  " + s.name() + ": " + settingsOf(s))
            .toList();
    if (!servers.isEmpty()) {
      lines.add("Servers whose settings differ from the fleet's:");
      lines.addAll(servers);
    }
    String fleetDatabase = fleetDatabaseSettings(fleet.settings());
    List<String> databaseLines =
        fleet.databases().stream()
            .filter(d -> !settingsOf(d).equals(fleetDatabase))
            .map(d -> "  " + name(d) + ": " + settingsOf(d))
            .toList();
    if (!databaseLines.isEmpty()) {
      lines.add("Databases whose settings differ from the fleet's:");
      lines.addAll(databaseLines);
    }

    lines.add("Security:");
    List<Database> unencrypted =
        fleet.databases().stream().filter(d -> d.sslMode() == SslMode.NONE).toList();
    lines.add(
        "  unencrypted sources: "
            + (unencrypted.isEmpty()
                ? "none"
                : unencrypted.size()
                    + " ("
                    + unencrypted.stream().map(FleetSummary::name).collect(Collectors.joining(", "))
                    + ")"));
    List<Integer> ports =
        fleet.databases().stream().map(Database::port).distinct().sorted().toList();
    String onPorts =
        (ports.size() == 1 ? " on port " : " on ports ")
            + ports.stream().map(String::valueOf).collect(Collectors.joining(", "));
    List<String> cidrs = fleet.settings().sourceCidrs();
    lines.add(
        "  source egress:       "
            + (cidrs.isEmpty()
                ? "open to any address" + onPorts + "; set source_cidrs to narrow it"
                : String.join(", ", cidrs) + onPorts));
    return List.copyOf(lines);
  }

  private static List<Server> serversOn(Fleet fleet, Compute compute) {
    return fleet.servers().stream().filter(s -> s.compute() == compute).toList();
  }

  private static String count(String what, int count) {
    return String.format(Locale.ROOT, "  %-20s %d", what + ":", count);
  }

  /** The settings that apply to the compute, by their config names. */
  private static String settingsOf(ServerSettings server) {
    List<String> settings = new ArrayList<>();
    settings.add("compute " + server.compute().value());
    if (server.compute() == Compute.INSTANCE) {
      settings.add("instance_class " + server.instanceClass());
      settings.add("allocated_storage " + server.allocatedStorageGiB());
      server.engineVersion().ifPresent(v -> settings.add("engine_version " + v));
    } else {
      settings.add("max_capacity_units " + server.maxCapacityUnits());
      server.minCapacityUnits().ifPresent(u -> settings.add("min_capacity_units " + u));
    }
    settings.add("multi_az " + server.multiAz());
    server.maintenanceWindow().ifPresent(w -> settings.add("maintenance_window " + w));
    return String.join(", ", settings);
  }

  private static String settingsOf(Database database) {
    List<String> settings = new ArrayList<>();
    settings.add("migration_type " + database.migrationType().value());
    settings.add("ssl_mode " + database.sslMode().value());
    database.certificateArn().ifPresent(c -> settings.add("certificate_arn " + c));
    database.taskSettings().ifPresent(t -> settings.add("task_settings " + t.file().getFileName()));
    if (database.port() != database.engine().defaultPort()) {
      settings.add("port " + database.port());
    }
    return String.join(", ", settings);
  }

  /** What a database whose row sets nothing gets. */
  private static String fleetDatabaseSettings(Settings fleet) {
    String settings =
        "migration_type " + fleet.migrationType().value() + ", ssl_mode " + fleet.sslMode().value();
    if (fleet.sslMode().verifiesCertificate() && fleet.certificateArn().isPresent()) {
      settings += ", certificate_arn " + fleet.certificateArn().get();
    }
    return settings;
  }

  private static String names(List<Server> servers) {
    return servers.stream().map(Server::name).collect(Collectors.joining(", "));
  }

  private static String name(Database database) {
    return database.serverName() + "/" + database.name();
  }
}
