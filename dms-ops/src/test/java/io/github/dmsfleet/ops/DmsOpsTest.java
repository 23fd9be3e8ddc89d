package io.github.dmsfleet.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The command line as a whole: commands, global options, exit codes. */
class DmsOpsTest {
  @Test
  void helpListsEveryCommandAndTheExitCodes() {
    Cli.Run run = Cli.run(Cli.NO_AWS, "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(
            "validate",
            "secrets",
            "tasks",
            "test-connections",
            "0     all done",
            "1     some items failed",
            "2     nothing was sent",
            "3     cut short by an unexpected error",
            "130   interrupted (Ctrl-C)");
  }

  @Test
  void aMistypedCommandIsRefusedWithTheNearestNames() {
    Cli.Run run = Cli.run(Cli.NO_AWS, "taks", "status");

    assertThat(run.exitCode()).isEqualTo(ExitCode.NOTHING_SENT);
    assertThat(run.err())
        .startsWith("error: Unmatched arguments from index 0: 'taks', 'status'\n")
        .contains("Did you mean: dms-ops tasks?");
  }

  @Test
  void helpNamesEveryCommandWhicheverItAsksAbout() {
    Cli.Run help = Cli.run(Cli.NO_AWS, "help", "tasks");
    Cli.Run tasks = Cli.run(Cli.NO_AWS, "tasks", "--help");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).isEqualTo(tasks.out()).contains("start", "status", "stop");
  }

  @Test
  void everyCommandTakesTheGlobalOptions() {
    for (String[] command :
        new String[][] {
          {"validate"},
          {"secrets", "create"},
          {"tasks", "start"},
          {"tasks", "status"},
          {"tasks", "stop"},
          {"tasks", "tables"},
          {"tasks", "reload"},
          {"test-connections"}
        }) {
      String[] args =
          java.util.stream.Stream.concat(
                  java.util.Arrays.stream(command), java.util.stream.Stream.of("--help"))
              .toArray(String[]::new);
      assertThat(Cli.run(Cli.NO_AWS, args).out())
          .contains(
              "--region",
              "--profile",
              "--endpoint-url",
              "--retry-mode",
              "--api-rate",
              "--output",
              "--verbose",
              "--quiet");
    }
  }

  @Test
  void verboseAndQuietTogetherAreInvalid() {
    Cli.Run run =
        Cli.run(Cli.NO_AWS, "tasks", "status", "--config", Cli.CONFIG, "--verbose", "--quiet");

    assertThat(run.exitCode()).isEqualTo(ExitCode.NOTHING_SENT);
    assertThat(run.err())
        .contains("error: Error: --verbose, --quiet are mutually exclusive (specify only one)");
  }

  @Test
  void badOptionValuesAreInvalidInputBeforeAnyAwsCall() {
    Cli.Run timeout =
        Cli.run(Cli.NO_AWS, "tasks", "start", "--config", Cli.CONFIG, "--timeout", "soon");
    Cli.Run type =
        Cli.run(Cli.NO_AWS, "tasks", "start", "--config", Cli.CONFIG, "--start-type", "restart");
    Cli.Run concurrency =
        Cli.run(Cli.NO_AWS, "tasks", "start", "--config", Cli.CONFIG, "--concurrency", "0");
    Cli.Run tag =
        Cli.run(Cli.NO_AWS, "secrets", "create", "--credentials", Cli.CREDENTIALS, "--tag", "=x");
    Cli.Run rate =
        Cli.run(Cli.NO_AWS, "tasks", "status", "--config", Cli.CONFIG, "--api-rate", "fast");
    Cli.Run output = Cli.run(Cli.NO_AWS, "tasks", "status", "--config", Cli.CONFIG, "-o", "yaml");
    Cli.Run tables =
        Cli.run(Cli.NO_AWS, "tasks", "tables", "--config", Cli.CONFIG, "--concurrency", "0");

    assertThat(timeout.exitCode()).isEqualTo(ExitCode.NOTHING_SENT);
    assertThat(timeout.err()).contains("'soon' is not a duration");
    assertThat(type.err())
        .contains(
            "Invalid value for option '--start-type': expected one of [AUTO, START_REPLICATION,"
                + " start-replication, RESUME_PROCESSING, resume-processing, RELOAD_TARGET,"
                + " reload-target] (case-insensitive) but was 'restart'");
    assertThat(concurrency.err()).contains("--concurrency must be at least 1, got 0");
    assertThat(tag.exitCode()).isEqualTo(ExitCode.NOTHING_SENT);
    assertThat(rate.err()).contains("'fast' is not BURST/PER_SECOND; write it like 150/6");
    assertThat(output.err())
        .contains("expected one of [TABLE, JSON] (case-insensitive) but was 'yaml'");
    assertThat(tables.exitCode()).isEqualTo(ExitCode.NOTHING_SENT);
    assertThat(tables.err()).contains("--concurrency must be at least 1, got 0");
  }

  @Test
  void invalidConfigExitsTwoWithItsProblems() {
    Cli.Run run = Cli.run(Cli.NO_AWS, "tasks", "status", "--config", "no-such-folder");

    assertThat(run.exitCode()).isEqualTo(ExitCode.NOTHING_SENT);
    assertThat(run.err()).contains("no-such-folder: config folder not found");
  }

  @Test
  void durationsReadShortAndIsoForms() {
    DurationConverter converter = new DurationConverter();

    assertThat(converter.convert("30m")).isEqualTo(Duration.ofMinutes(30));
    assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(converter.convert("PT2H")).isEqualTo(Duration.ofHours(2));
  }
}
