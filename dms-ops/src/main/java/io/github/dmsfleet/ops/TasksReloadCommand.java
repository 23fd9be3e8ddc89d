package io.github.dmsfleet.ops;

import io.github.dmsfleet.ops.replication.ReloadOption;
import io.github.dmsfleet.ops.replication.ReplicationControl;
import io.github.dmsfleet.ops.replication.TableName;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code dms-ops tasks reload}. */
@Command(
    name = "reload",
    mixinStandardHelpOptions = true,
    description = {
      "Reloads tables of the selected running tasks (ReloadTables): the ones named with --table, or"
          + " every table DMS reports in error. Tasks that are not running are reported, not touched.",
      "More than one task needs --yes."
    })
final class TasksReloadCommand extends TaskActionCommand {
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
    super(clients, null);
  }

  @Override
  int act(Run run) {
    List<TableName> named = which.errored ? List.of() : which.tables;
    ReplicationControl.ReloadPlan plan =
        run.control.planReload(run.tasks(), named, run.concurrency);
    List<String> involved = plan.involved();
    if (involved.size() > 1 && !yes && !action.dryRun) {
      throw new InvalidInputException(
          Report.plural(involved.size(), "task")
              + " would reload tables ("
              + TasksCommand.firstFew(involved)
              + "); nothing was sent. Add --yes to reload them, or choose one with --server and"
              + " --database");
    }
    run.announce("Reloading tables of", involved.size());
    return run.report(
        "reloading",
        ledger -> run.control.reload(plan, reloadOption, action.dryRun, run.concurrency, ledger));
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
