package io.github.dmsfleet.ops;

import io.github.dmsfleet.ops.internal.Console;
import io.github.dmsfleet.ops.internal.aws.ApiRate;
import io.github.dmsfleet.ops.internal.aws.Retries;
import java.util.Locale;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** Options every command takes: where AWS is, how fast to call it, and how much to say. */
public final class GlobalOptions {
  /** How results are printed. */
  public enum Output {
    TABLE,
    JSON;

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

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
  String endpointUrl;

  @Option(
      names = "--retry-mode",
      paramLabel = "MODE",
      defaultValue = "standard",
      description = "SDK retry mode: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Retries.Mode retryMode;

  @Option(
      names = "--api-rate",
      paramLabel = "BURST/PER_SECOND",
      converter = ApiRateConverter.class,
      description =
          "Pace DMS calls under this token bucket (default: 150/6, three quarters of DMS's quota of"
              + " 200/8 per account and Region, leaving the rest to the console, CloudFormation and"
              + " other tools).")
  ApiRate apiRate = ApiRate.dmsDefault();

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      description =
          "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); progress stays on stderr.")
  Output output;

  @ArgGroup(exclusive = true)
  Verbosity verbosity = new Verbosity();

  /** {@code -v} or {@code -q}, not both. */
  static final class Verbosity {
    @Option(
        names = {"-v", "--verbose"},
        description = "Also print each state change and retry on stderr.")
    boolean verbose;

    @Option(
        names = {"-q", "--quiet"},
        description = "Print only results, warnings and errors; no progress on stderr.")
    boolean quiet;
  }

  public String region() {
    return region;
  }

  public String profile() {
    return profile;
  }

  public String endpointUrl() {
    return endpointUrl;
  }

  public Retries.Mode retryMode() {
    return retryMode;
  }

  public ApiRate apiRate() {
    return apiRate;
  }

  public Output output() {
    return output;
  }

  /** The console for this command's writers at the verbosity asked for. */
  public Console console() {
    Console.Verbosity level =
        verbosity.verbose
            ? Console.Verbosity.VERBOSE
            : verbosity.quiet ? Console.Verbosity.QUIET : Console.Verbosity.NORMAL;
    return new Console(command.commandLine().getOut(), command.commandLine().getErr(), level);
  }

  /** Reads {@code BURST/PER_SECOND}. */
  static final class ApiRateConverter implements ITypeConverter<ApiRate> {
    @Override
    public ApiRate convert(String value) {
      try {
        return ApiRate.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
