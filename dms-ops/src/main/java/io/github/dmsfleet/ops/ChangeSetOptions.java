package io.github.dmsfleet.ops;

import io.github.dmsfleet.model.Fleet;
import io.github.dmsfleet.model.Names;
import io.github.dmsfleet.model.Server;
import io.github.dmsfleet.ops.changes.FleetStack;
import io.github.dmsfleet.ops.internal.Console;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --config} and {@code --change-set}: which change set of which fleet's stacks. */
final class ChangeSetOptions {
  /** CloudFormation's rule for a change set name. */
  private static final Pattern NAME = Pattern.compile("[a-zA-Z][-a-zA-Z0-9]{0,127}");

  @Spec(Spec.Target.MIXEE)
  private CommandSpec command;

  @Mixin private ConfigFolder config;

  @Option(
      names = "--change-set",
      paramLabel = "NAME",
      required = true,
      description =
          "The change set the CDK CLI prepared on the fleet's stacks: npx aws-cdk deploy --all"
              + " --method prepare-change-set --change-set-name NAME.")
  String changeSet;

  /** The fleet and its stacks, shared ones first, as the CDK app names them. */
  record Selected(Fleet fleet, List<FleetStack> stacks, String changeSet) {
    String stackPrefix() {
      return fleet.settings().stackPrefix();
    }
  }

  /** Checks the name and loads the config (names only: dms-ops reads no table mapping). */
  Selected select(Console console) {
    if (!NAME.matcher(changeSet).matches()) {
      throw new ParameterException(
          command.commandLine(),
          "--change-set '"
              + changeSet
              + "' is not a change set name: a letter, then up to 127 letters, digits and hyphens");
    }
    Fleet fleet = OperationsConfig.load(config.path(), console);
    List<FleetStack> stacks = new ArrayList<>();
    Names.sharedStacks(fleet.settings()).forEach(name -> stacks.add(new FleetStack(name, null)));
    for (Server server : fleet.servers()) {
      String stack = Names.serverStack(fleet.settings().stackPrefix(), server.name());
      stacks.add(new FleetStack(stack, server.name()));
    }
    return new Selected(fleet, List.copyOf(stacks), changeSet);
  }
}
