package io.github.dmsfleet.ops;

import io.github.dmsfleet.model.ConfigException;
import io.github.dmsfleet.model.Problem;
import io.github.dmsfleet.ops.internal.aws.Errors;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import software.amazon.awssdk.core.exception.SdkException;

/** The {@code dms-ops} command line. */
@Command(
    name = "dms-ops",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Validates a DMS fleet's config, creates its secrets, and starts, stops and reports on its tasks.",
    subcommands = {
      ValidateCommand.class,
      SecretsCommand.class,
      TasksCommand.class,
      TestConnectionsCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:all done (or already so)",
      "1:some operations failed; the summary says which",
      "2:invalid input; nothing was changed"
    })
public final class DmsOps {
  private final ClientFactory clients;

  private DmsOps(ClientFactory clients) {
    this.clients = clients;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with its exception handler, ready to execute; tests set its writers. */
  public static CommandLine commandLine() {
    return commandLine(SdkClientFactory.create());
  }

  /**
   * The command line building its AWS clients with this factory, such as one pointed at a local
   * server.
   */
  public static CommandLine commandLine(ClientFactory clients) {
    CommandLine commandLine = new CommandLine(new DmsOps(clients));
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExecutionExceptionHandler(DmsOps::handle);
    commandLine.setParameterExceptionHandler(DmsOps::handleInvalidArguments);
    commandLine.setExitCodeExceptionMapper(e -> ExitCode.INVALID_INPUT);
    return commandLine;
  }

  ClientFactory clients() {
    return clients;
  }

  /**
   * Invalid input is an expected outcome: its problems go to stderr, with no stack trace. So does
   * an AWS error that stops a whole command (no credentials, access denied on the first lookup).
   */
  private static int handle(
      Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) throws Exception {
    PrintWriter err = commandLine.getErr();
    if (e instanceof ConfigException invalid) {
      printProblems(err, invalid);
      return ExitCode.INVALID_INPUT;
    }
    if (e instanceof InvalidInputException invalid) {
      err.println("error: " + invalid.getMessage());
      err.flush();
      return ExitCode.INVALID_INPUT;
    }
    if (e instanceof SdkException aws) {
      err.println("error: " + Errors.describe(aws));
      err.flush();
      return ExitCode.FAILED;
    }
    throw e;
  }

  /** A bad option or filter: the message and where to find help, not the whole usage text. */
  private static int handleInvalidArguments(CommandLine.ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println("error: " + e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for its options.");
    err.flush();
    return ExitCode.INVALID_INPUT;
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
