package io.github.dmsfleet.ops;

import io.github.dmsfleet.ops.changes.ChangePlan;
import io.github.dmsfleet.ops.changes.ChangePlanner;
import io.github.dmsfleet.ops.changes.ConnectionTests;
import io.github.dmsfleet.ops.changes.FleetStack;
import io.github.dmsfleet.ops.changes.ServerlessFinder;
import io.github.dmsfleet.ops.changes.Stacks;
import io.github.dmsfleet.ops.changes.StopMarks;
import io.github.dmsfleet.ops.changes.TaskFinder;
import io.github.dmsfleet.ops.changes.UnitKind;
import io.github.dmsfleet.ops.internal.Batch;
import io.github.dmsfleet.ops.internal.Console;
import io.github.dmsfleet.ops.internal.Nearest;
import io.github.dmsfleet.ops.internal.aws.Errors;
import io.github.dmsfleet.ops.replication.ReplicationControl;
import io.github.dmsfleet.ops.replication.ServerlessUnits;
import io.github.dmsfleet.ops.replication.TaskUnits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;

/** {@code dms-ops changes}: deploying a change set to a running fleet. */
@Command(
    name = "changes",
    mixinStandardHelpOptions = true,
    description = {
      "Deploys a change set the CDK CLI prepared without stopping replication by surprise: plan"
          + " shows which tasks it touches and why, apply stops exactly those that must stop,"
          + " executes the change sets and resumes them, resume finishes what an interrupted apply"
          + " left.",
      "Prepare one with: npx aws-cdk deploy --all --method prepare-change-set --change-set-name"
          + " NAME"
    },
    subcommands = {ChangesPlanCommand.class, ChangesApplyCommand.class, ChangesResumeCommand.class})
final class ChangesCommand {
  private ChangesCommand() {}

  /** The clients and parts the three commands share; closes the clients. */
  static final class Parts implements AutoCloseable {
    final DatabaseMigrationClient dms;
    final CloudFormationClient cloudFormation;
    final Stacks stacks;
    final List<UnitKind> kinds;
    final StopMarks marks;
    final ConnectionTests connectionTests;
    private final ChangeSetOptions.Selected selected;

    Parts(
        ClientFactory clients,
        GlobalOptions global,
        Console console,
        ChangeSetOptions.Selected selected,
        Duration pollInterval) {
      dms = clients.dms(global, console);
      cloudFormation = clients.cloudFormation(global, console);
      stacks = new Stacks(cloudFormation, pollInterval);
      List<UnitKind> all = new ArrayList<>();
      TaskUnits tasks = TaskUnits.of(dms);
      all.add(
          new UnitKind(
              new TaskFinder(tasks), new ReplicationControl(tasks, pollInterval, console)));
      // Only a fleet with a serverless server has replications to find: the others make no call.
      if (TasksCommand.anyServerless(selected.fleet(), selected.fleet().databases())) {
        ServerlessUnits serverless = ServerlessUnits.of(dms);
        all.add(
            new UnitKind(
                new ServerlessFinder(serverless),
                new ReplicationControl(serverless, pollInterval, console)));
      }
      kinds = List.copyOf(all);
      marks = new StopMarks(dms, selected.stackPrefix(), selected.changeSet());
      connectionTests = new ConnectionTests(dms, pollInterval, console);
      this.selected = selected;
    }

    /**
     * The change set's plan over the fleet's stacks, for these kinds of units; invalid input when
     * no stack has it.
     */
    ChangePlan plan(List<UnitKind> kinds) {
      ChangePlan plan =
          new ChangePlanner(stacks, kinds, marks).plan(selected.stacks(), selected.changeSet());
      if (!plan.found()) {
        throw notFound(plan, selected.stacks(), stacks);
      }
      return plan;
    }

    @Override
    public void close() {
      dms.close();
      cloudFormation.close();
    }
  }

  /**
   * No stack of the fleet has the change set: most likely a typo. The message names the nearest
   * change sets the stacks have, or how to prepare one.
   */
  static InvalidInputException notFound(ChangePlan plan, List<FleetStack> fleet, Stacks stacks) {
    List<String> names =
        Batch.map(
                fleet, 8, stack -> Errors.failingTheRun(() -> stacks.changeSetNames(stack.name())))
            .stream()
            .flatMap(List::stream)
            .distinct()
            .toList();
    String hint =
        names.isEmpty()
            ? "they have none; prepare one with: npx aws-cdk deploy --all --method"
                + " prepare-change-set --change-set-name "
                + plan.changeSet()
            : "nearest: " + String.join(", ", Nearest.to(plan.changeSet(), names, 3));
    return new InvalidInputException(
        "none of the fleet's "
            + Report.plural(fleet.size(), "stack")
            + " has a change set named '"
            + plan.changeSet()
            + "'; "
            + hint);
  }
}
