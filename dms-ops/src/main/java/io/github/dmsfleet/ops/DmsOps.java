package io.github.dmsfleet.ops;

import io.github.dmsfleet.model.ConfigException;
import io.github.dmsfleet.model.Problem;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code dms-ops} command line. */
@Command(
    name = "dms-ops",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Validates a DMS fleet's config, creates its secrets, and starts, stops and reports on its tasks.",
    subcommands = {ValidateCommand.class, CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:all done (or already so)",
        "1:some operations failed; the summary says which",
        "2:invalid input; nothing was changed"})
public final class DmsOps {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with its exception handler, ready to execute; tests set its writers. */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new DmsOps());
    commandLine.setExecutionExceptionHandler(DmsOps::handle);
    commandLine.setExitCodeExceptionMapper(e -> ExitCode.INVALID_INPUT);
    return commandLine;
  }

  /** Invalid config is an expected outcome: its problems go to stderr, with no stack trace. */
  private static int handle(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult)
      throws Exception {
    if (e instanceof ConfigException invalid) {
      printProblems(commandLine.getErr(), invalid);
      return ExitCode.INVALID_INPUT;
    }
    throw e;
  }

  static void printProblems(PrintWriter err, ConfigException invalid) {
    int count = invalid.problems().size();
    err.println("error: the config has " + count + (count == 1 ? " problem:" : " problems:"));
    for (Problem problem : invalid.problems()) {
      err.println("  " + problem);
    }
    err.flush();
  }
}
