package io.github.dmsfleet.ops;

import io.github.dmsfleet.model.ConfigLoader;
import io.github.dmsfleet.model.Fleet;
import io.github.dmsfleet.model.FleetSummary;
import io.github.dmsfleet.model.Problem;
import io.github.dmsfleet.ops.internal.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dms-ops validate}: checks the config and summarizes what it deploys. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Checks the config folder and prints what it deploys; lists every problem when it is invalid.")
final class ValidateCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  /** Makes no AWS call; takes the global options so that every command accepts them. */
  @Mixin private GlobalOptions global;

  @Option(
      names = "--config",
      paramLabel = "DIR",
      defaultValue = "config",
      description = "The config folder (default: ${DEFAULT-VALUE}).")
  private Path config;

  @Override
  public Integer call() {
    Console console = global.console();
    Fleet fleet = ConfigLoader.load(config);
    for (Problem warning : fleet.warnings()) {
      console.warn(warning.toString());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("Config " + config + " is valid:");
    FleetSummary.lines(fleet).forEach(out::println);
    out.flush();
    return ExitCode.OK;
  }
}
