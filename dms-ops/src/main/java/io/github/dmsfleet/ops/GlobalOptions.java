package io.github.dmsfleet.ops;

import io.github.dmsfleet.ops.internal.Console;
import io.github.dmsfleet.ops.internal.aws.Retries;
import java.net.URI;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options every command takes: where AWS is, and how much to say. */
public final class GlobalOptions {
  @Spec(Spec.Target.MIXEE)
  private CommandSpec command;

  @Option(
      names = "--region",
      paramLabel = "REGION",
      description = "AWS Region (default: AWS_REGION, then the profile's region).")
  String region;

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      description =
          "Named profile from the AWS config and credentials files (default: AWS_PROFILE, then the"
              + " default credential chain).")
  String profile;

  @Option(
      names = "--endpoint-url",
      paramLabel = "URL",
      description =
          "Send AWS calls here, such as a local emulator (default: AWS_ENDPOINT_URL and the SDK's"
              + " per-service AWS_ENDPOINT_URL_* variables, then AWS).")
  URI endpointUrl;

  @Option(
      names = "--retry-mode",
      paramLabel = "MODE",
      defaultValue = "standard",
      converter = RetryModeConverter.class,
      description = "SDK retry mode: standard or adaptive (default: ${DEFAULT-VALUE}).")
  Retries.Mode retryMode;

  @Option(
      names = {"-v", "--verbose"},
      description = "Also print each state change and retry on stderr.")
  boolean verbose;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print only results and warnings; no progress on stderr.")
  boolean quiet;

  public String region() {
    return region;
  }

  public String profile() {
    return profile;
  }

  public URI endpointUrl() {
    return endpointUrl;
  }

  public Retries.Mode retryMode() {
    return retryMode;
  }

  /** The console for this command's writers at the verbosity asked for. */
  Console console() {
    if (verbose && quiet) {
      throw new ParameterException(
          command.commandLine(), "--verbose and --quiet exclude each other; give one");
    }
    Console.Verbosity verbosity =
        verbose
            ? Console.Verbosity.VERBOSE
            : quiet ? Console.Verbosity.QUIET : Console.Verbosity.NORMAL;
    return new Console(command.commandLine().getOut(), command.commandLine().getErr(), verbosity);
  }

  /** Accepts {@code standard} and {@code adaptive} in any case. */
  static final class RetryModeConverter
      implements picocli.CommandLine.ITypeConverter<Retries.Mode> {
    @Override
    public Retries.Mode convert(String value) {
      try {
        return Retries.Mode.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(
            "'" + value + "' is not a retry mode; use standard" + " or adaptive");
      }
    }
  }
}
