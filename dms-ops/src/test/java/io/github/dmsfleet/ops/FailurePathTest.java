package io.github.dmsfleet.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** What an operator sees when AWS, the network or the caller is at fault. */
class FailurePathTest extends FakeFleet {
  @Test
  void anAnswerWithNoErrorCodeIsRetriedLikeOther5xx() {
    fleetAllReady();
    dms.injectHtml("StartReplicationTask", 502, 2);

    Cli.Run run = tasksJson("start", "--database", "dbname1");

    assertThat(run.exitCode()).isZero();
    assertThat(run.results()).containsExactly(entry(NEW, "ok: started: start-replication"));
    assertThat(dms.calls("StartReplicationTask")).isEqualTo(3);
  }

  @Test
  void anAnswerWithNoErrorCodeThatPersistsFailsThatTaskWithItsStatus() {
    fleetAllReady();
    dms.injectHtml("StartReplicationTask", 503, 8);

    Cli.Run run = tasksJson("start", "--database", "dbname1");

    assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
    assertThat(run.results())
        .containsExactly(
            entry(
                NEW,
                "failed: HTTP 503 with no error code (an answer from something in front of AWS,"
                    + " such as a proxy)"));
  }

  @Test
  void kmsThrottlingServerErrorsAndThrottlingAreRetriedAndShownWithVerbose() {
    fleetAllReady();
    dms.inject("StartReplicationTask", 400, "KMSThrottlingFault", 2);
    dms.inject("StartReplicationTask", 500, "InternalFailure", 1);
    dms.inject("DescribeReplicationTasks", 400, "ThrottlingException", 1);

    Cli.Run run = tasksJson("start", "--database", "dbname1", "-v");

    assertThat(run.exitCode()).isZero();
    assertThat(dms.calls("StartReplicationTask")).isEqualTo(4);
    assertThat(run.err())
        .containsPattern(
            "debug: retrying in \\d+ ms after ThrottlingException: injected ThrottlingException")
        .containsPattern(
            "debug: retrying in \\d+ ms after KMSThrottlingFault: injected KMSThrottlingFault")
        .containsPattern(
            "debug: retrying in \\d+ ms after InternalFailure: injected InternalFailure");
  }

  @Test
  void anyOtherFaultFailsThatTaskWithDmsMessageWhileTheOthersGoOn() {
    fleetAllReady();
    dms.inject("StartReplicationTask", 400, "InvalidParameterValueException", 1);

    Cli.Run run = tasksJson("start", "--server", "dbserver1", "--concurrency", "1");

    assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
    assertThat(run.results())
        .containsExactly(
            entry(
                NEW,
                "failed: InvalidParameterValueException: injected InvalidParameterValueException"),
            entry(STOPPED, "ok: started: start-replication"),
            entry(RUNNING, "ok: started: start-replication"));
  }

  @Test
  void aLostRaceIsLookedAtAgain() {
    fleetAllReady();
    dms.inject("StartReplicationTask", 400, "InvalidResourceStateFault", 1);

    Cli.Run run = tasksJson("start", "--database", "dbname1");

    assertThat(run.results()).containsExactly(entry(NEW, "ok: started: start-replication"));
    assertThat(dms.calls("StartReplicationTask")).isEqualTo(2);
  }

  @Test
  void anUnreachableEndpointFailsTheRunOnceAndSendsNothing() {
    URI closed = dms.endpoint();
    dms.close();

    Cli.Run run =
        Cli.against(closed, "tasks", "start", "--config", Cli.CONFIG, "--retry-mode", "standard");

    assertThat(run.exitCode()).isEqualTo(ExitCode.NOTHING_SENT);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines().filter(l -> l.startsWith("error:")).toList())
        .singleElement()
        .asString()
        .startsWith("error: cannot reach AWS: ")
        .endsWith("; check --region, --endpoint-url and the network; nothing was sent");
  }

  @Test
  void aCallerFaultAfterSomeStartsEndsTheRunWithWhatWasSent() {
    fleetAllReady();
    dms.pass("StartReplicationTask", 1);
    dms.inject("StartReplicationTask", 400, "AccessDeniedException", 1);

    Cli.Run run = tasksJson("start", "--concurrency", "1");

    assertThat(run.exitCode()).isEqualTo(ExitCode.CUT_SHORT);
    assertThat(run.results())
        .containsExactly(
            entry(NEW, "ok: started: start-replication"),
            entry(STOPPED, "failed: stopped during the call: it may or may not have been sent"),
            entry(RUNNING, "failed: not sent (stopped)"),
            entry(FULL_LOAD, "failed: not sent (stopped)"),
            entry(FAILED, "failed: not sent (stopped)"));
    assertThat(run.err())
        .contains(
            "error: AccessDeniedException: injected AccessDeniedException; the caller's IAM policy"
                + " must allow it",
            "error: stopped: 1 started, 4 not yet; rerun to finish");
  }

  @Test
  void aTypoInTheRegionOrTheEndpointIsInvalidInput() {
    Cli.Run region =
        Cli.run(
            Cli.DUMMY_CREDENTIALS,
            "tasks",
            "status",
            "--config",
            Cli.CONFIG,
            "--region",
            "us-eats-1");
    Cli.Run endpoint =
        Cli.run(
            Cli.DUMMY_CREDENTIALS,
            "tasks",
            "status",
            "--config",
            Cli.CONFIG,
            "--region",
            "us-east-1",
            "--endpoint-url",
            "localhost:4566");

    assertThat(region.exitCode()).isEqualTo(ExitCode.NOTHING_SENT);
    assertThat(region.err())
        .isEqualToIgnoringNewLines(
            "error: --region 'us-eats-1' is not an AWS Region; nearest: us-east-1, us-east-2, us-west-1");
    assertThat(endpoint.err())
        .isEqualToIgnoringNewLines(
            "error: --endpoint-url 'localhost:4566' needs http:// or https:// and a host, such as"
                + " http://localhost:4566");
  }
}
