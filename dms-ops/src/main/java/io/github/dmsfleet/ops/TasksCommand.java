package io.github.dmsfleet.ops;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code dms-ops tasks}: the fleet's replication tasks. */
@Command(
    name = "tasks",
    mixinStandardHelpOptions = true,
    description = "Starts, stops and reports on the fleet's replication tasks.",
    subcommands = {TasksStartCommand.class, TasksStatusCommand.class, TasksStopCommand.class})
final class TasksCommand {
  @ParentCommand DmsOps root;
}
