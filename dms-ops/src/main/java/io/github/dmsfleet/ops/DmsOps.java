package io.github.dmsfleet.ops;

import io.github.dmsfleet.model.ConfigException;
import io.github.dmsfleet.model.Problem;
import io.github.dmsfleet.ops.internal.aws.Errors;
import io.github.dmsfleet.ops.internal.aws.RunFailure;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import software.amazon.awssdk.core.exception.SdkException;

/** The {@code dms-ops} command line. */
@Command(
    name = "dms-ops",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Validates a DMS fleet's config, creates its secrets, starts, stops and reports on its"
            + " tasks, and deploys change sets to it without stopping replication by surprise.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:all done (or already so)",
      "1:some items failed; each one's result says why, the others were done",
      "2:nothing was sent: invalid input or consent missing, or AWS unreachable or refusing the"
          + " caller",
      "3:cut short by an unexpected error; state may have changed, a rerun is safe",
      "130:interrupted (Ctrl-C); what was sent so far is printed, a rerun finishes"
    })
public final class DmsOps {
  /** The commands, in the order the help lists them. */
  private static final List<Class<?>> COMMANDS =
      List.of(
          ValidateCommand.class,
          SecretsCommand.class,
          TasksCommand.class,
          ChangesCommand.class,
          TestConnectionsCommand.class,
          CommandLine.HelpCommand.class);

  private DmsOps() {}

  public static void main(String[] args) {
    System.exit(commandLine(SdkClientFactory.create(), args).execute(args));
  }

  /** The command line with its exception handler, ready to execute; tests set its writers. */
  public static CommandLine commandLine() {
    return commandLine(SdkClientFactory.create());
  }

  /**
   * The command line whose commands get their AWS clients from this factory (through picocli's
   * factory), such as one pointed at a local server.
   */
  public static CommandLine commandLine(ClientFactory clients) {
    return commandLine(clients, new String[0]);
  }

  /**
   * The command line to execute these arguments. When they start with a command's name, it holds
   * that command alone: picocli reads every command's options by reflection before parsing, which
   * for all of them costs a run about a tenth of its start-up. Anything else (options, {@code
   * help}, a typo) gets every command, for the help and the suggestions.
   */
  public static CommandLine commandLine(ClientFactory clients, String[] args) {
    Factory factory = new Factory(clients);
    CommandLine commandLine = new CommandLine(new DmsOps(), factory);
    Class<?> named =
        COMMANDS.stream()
            .filter(c -> c != CommandLine.HelpCommand.class)
            .filter(c -> args.length > 0 && name(c).equals(args[0]))
            .findFirst()
            .orElse(null);
    for (Class<?> command : COMMANDS) {
      if (named == null || command == named) {
        commandLine.addSubcommand(new CommandLine(command, factory));
      }
    }
    // Set after the commands are added: picocli hands each setting to the commands it has then.
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExecutionExceptionHandler(DmsOps::handle);
    commandLine.setParameterExceptionHandler(DmsOps::handleInvalidArguments);
    commandLine.setExitCodeExceptionMapper(e -> ExitCode.CUT_SHORT);
    return commandLine;
  }

  private static String name(Class<?> command) {
    return command.getAnnotation(Command.class).name();
  }

  /** Hands the client factory to every command whose constructor takes one. */
  private record Factory(ClientFactory clients) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      for (Constructor<?> constructor : type.getDeclaredConstructors()) {
        if (constructor.getParameterCount() == 1
            && constructor.getParameterTypes()[0] == ClientFactory.class) {
          return type.cast(constructor.newInstance(clients));
        }
      }
      return CommandLine.defaultFactory().create(type);
    }
  }

  /**
   * Invalid input, and AWS errors that stop a command before it sends anything (no credentials, an
   * unreachable endpoint), are expected: one line each, no stack trace. Anything else is a fault of
   * ours: exit 3, with the stack trace only under {@code -v}.
   */
  private static int handle(
      Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    if (e instanceof ConfigException invalid) {
      printProblems(err, invalid);
      return ExitCode.NOTHING_SENT;
    }
    if (e instanceof InvalidInputException invalid) {
      err.println("error: " + invalid.getMessage());
      err.flush();
      return ExitCode.NOTHING_SENT;
    }
    RunFailure everyCall = e instanceof SdkException sdk ? Errors.asRunFailure(sdk) : null;
    if (e instanceof RunFailure failure) {
      everyCall = failure;
    }
    if (everyCall != null) {
      err.println("error: " + everyCall.getMessage() + "; nothing was sent");
      err.flush();
      return ExitCode.NOTHING_SENT;
    }
    err.println(
        "error: unexpected "
            + (e instanceof SdkException ? Errors.describe(e) : e.toString())
            + "; the state may have changed, and a rerun is safe");
    if (parseResult.matchedOptionValue("--verbose", false)) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      err.print(trace);
    }
    err.flush();
    return ExitCode.CUT_SHORT;
  }

  /** A bad option or filter: the message and where to find help, not the whole usage text. */
  private static int handleInvalidArguments(CommandLine.ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println("error: " + e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for its options.");
    err.flush();
    return ExitCode.NOTHING_SENT;
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
