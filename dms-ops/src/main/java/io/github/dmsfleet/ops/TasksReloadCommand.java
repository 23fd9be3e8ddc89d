package io.github.dmsfleet.ops;

import io.github.dmsfleet.ops.internal.Console;
import io.github.dmsfleet.ops.replication.Ledger;
import io.github.dmsfleet.ops.replication.ReloadOption;
import io.github.dmsfleet.ops.replication.ReplicationControl;
import io.github.dmsfleet.ops.replication.TableName;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;

/** {@code dms-ops tasks reload}. */
@Command(
    name = "reload",
    mixinStandardHelpOptions = true,
    description = {
      "Reloads tables of the selected running tasks (ReloadTables): the ones named with --table, or"
          + " every table DMS reports in error. Tasks that are not running are reported, not touched.",
      "More than one task needs --yes."
    })
final class TasksReloadCommand implements Callable<Integer> {
  private final ClientFactory clients;

  @Spec private CommandSpec spec;

  @Mixin private GlobalOptions global;

  @Mixin private FleetSelection selection;

  @Mixin private ActionOptions action;

  @ArgGroup(exclusive = true, multiplicity = "1")
  private Which which;

  /** {@code --table} or {@code --errored}, exactly one. */
  static final class Which {
    @Option(
        names = "--table",
        paramLabel = "SCHEMA.TABLE",
        converter = TableNameConverter.class,
        description = "A table to reload, in every selected task that has it; repeat for more.")
    List<TableName> tables;

    @Option(names = "--errored", description = "Every table DMS reports as \"Table error\".")
    boolean errored;
  }

  @Option(
      names = "--reload-option",
      paramLabel = "OPTION",
      defaultValue = "data-reload",
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  private ReloadOption reloadOption;

  @Option(names = "--yes", description = "Confirm reloading tables in more than one task.")
  private boolean yes;

  TasksReloadCommand(ClientFactory clients) {
    this.clients = clients;
  }

  @Override
  public Integer call() {
    Console console = global.console();
    int concurrency = action.concurrency(spec);
    FleetSelection.Selected selected = selection.select(console);
    List<String> tasks = selected.taskIdentifiers();
    List<TableName> named = which.errored ? List.of() : which.tables;
    try (DatabaseMigrationClient dms = clients.dms(global, console)) {
      ReplicationControl control =
          TasksCommand.control(dms, selected.fleet(), action.pollInterval, console);
      ReplicationControl.ReloadPlan plan = control.planReload(tasks, named, concurrency);
      List<String> involved = plan.involved();
      if (involved.size() > 1 && !yes && !action.dryRun) {
        throw new InvalidInputException(
            Report.plural(involved.size(), "task")
                + " would reload tables ("
                + TasksCommand.firstFew(involved)
                + "); nothing was sent. Add --yes to reload them, or choose one with --server and"
                + " --database");
      }
      console.progress(
          "Reloading tables of "
              + Report.plural(involved.size(), "task")
              + (action.dryRun ? " (dry run: nothing is changed)" : ""));
      Ledger ledger = new Ledger(tasks, "reloading");
      return new Mutation(console, global.output(), "TASK", "task")
          .run(
              ledger, () -> control.reload(plan, reloadOption, action.dryRun, concurrency, ledger));
    }
  }

  static final class TableNameConverter implements ITypeConverter<TableName> {
    @Override
    public TableName convert(String value) {
      try {
        return TableName.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
