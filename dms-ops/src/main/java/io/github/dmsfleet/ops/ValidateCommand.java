package io.github.dmsfleet.ops;

import io.github.dmsfleet.model.ConfigLoader;
import io.github.dmsfleet.model.Database;
import io.github.dmsfleet.model.Fleet;
import io.github.dmsfleet.model.FleetSummary;
import io.github.dmsfleet.model.Problem;
import io.github.dmsfleet.model.Server;
import io.github.dmsfleet.ops.internal.Console;
import io.github.dmsfleet.rules.Compute;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code dms-ops validate}: checks the config and summarizes what it deploys. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Checks the config folder and prints what it deploys; lists every problem when it is invalid."
            + " With --output json, one object per database with the names and settings it gets.")
final class ValidateCommand implements Callable<Integer> {
  /**
   * One database in JSON output, with its effective settings; keys are stable. {@code instance} is
   * null on a serverless server, whose {@code task} names the replication config; {@code
   * certificateArn} and {@code taskSettings} (the file's name) are null when not set.
   */
  record Row(
      String server,
      String database,
      String engine,
      String compute,
      String instance,
      String task,
      String sourceEndpoint,
      String targetEndpoint,
      String secret,
      String s3Prefix,
      String migrationType,
      String sslMode,
      String certificateArn,
      int port,
      String taskSettings) {}

  /** Makes no AWS call; takes the global options so that every command accepts them. */
  @Mixin private GlobalOptions global;

  @Mixin private ConfigFolder config;

  @Override
  public Integer call() {
    Console console = global.console();
    Fleet fleet = ConfigLoader.load(config.path());
    for (Problem warning : fleet.warnings()) {
      console.warn(warning.toString());
    }
    if (global.output() == GlobalOptions.Output.JSON) {
      List<Row> rows = new ArrayList<>();
      for (Server server : fleet.servers()) {
        for (Database d : server.databases()) {
          rows.add(
              new Row(
                  d.serverName(),
                  d.name(),
                  d.engine().engineName(),
                  server.compute().value(),
                  server.compute() == Compute.INSTANCE ? server.instanceIdentifier() : null,
                  d.taskIdentifier(),
                  d.sourceEndpointIdentifier(),
                  d.targetEndpointIdentifier(),
                  d.secretName(),
                  d.s3Prefix(),
                  d.migrationType().value(),
                  d.sslMode().value(),
                  d.certificateArn().orElse(null),
                  d.port(),
                  d.taskSettings().map(t -> t.file().getFileName().toString()).orElse(null)));
        }
      }
      Report.json(console, rows);
      return ExitCode.OK;
    }
    console.result("Config " + config.path() + " is valid:");
    FleetSummary.lines(fleet).forEach(console::result);
    return ExitCode.OK;
  }
}
