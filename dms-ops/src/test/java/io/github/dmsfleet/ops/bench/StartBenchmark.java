package io.github.dmsfleet.ops.bench;

import io.github.dmsfleet.ops.fake.FakeDms;
import io.github.dmsfleet.ops.internal.Console;
import io.github.dmsfleet.ops.internal.Outcome;
import io.github.dmsfleet.ops.internal.aws.ApiRateLimiter;
import io.github.dmsfleet.ops.internal.aws.Retries;
import io.github.dmsfleet.ops.internal.tasks.StartType;
import io.github.dmsfleet.ops.internal.tasks.TaskStarter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.Filter;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;

/**
 * Benchmarks {@code tasks start} on 200 tasks against the fake DMS, side by side with the sample
 * script's serial algorithm (modify, poll every 15 s until ready, start; one task at a time) and
 * with the lower bound the DMS API rate limit sets. Real-world delays are divided by {@link #SCALE}
 * so the run takes seconds; the fake enforces the rate limit (scaled the same way) and answers
 * ThrottlingException past it.
 *
 * <p>Run: {@code mvn -pl dms-ops test-compile exec:java}.
 */
public final class StartBenchmark {
  static final int TASKS = 200;

  /**
   * The serial algorithm is timed on this many tasks and extrapolated: it does the same per task,
   * one by one.
   */
  static final int SERIAL_SAMPLE = 20;

  static final double SCALE = 25;

  // Real-world figures: per-call latency, modify and start times, the token bucket, the sample's
  // poll interval.
  static final Duration LATENCY = Duration.ofMillis(100);
  static final Duration MODIFY = Duration.ofSeconds(30);
  static final Duration START = Duration.ofSeconds(60);
  static final int BUCKET = 100;
  static final double REFILL_PER_SECOND = 4;
  static final Duration SAMPLE_POLL = Duration.ofSeconds(15);
  static final Duration OUR_POLL = Duration.ofSeconds(5);

  private StartBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<String> ids =
        IntStream.range(0, TASKS)
            .mapToObj(i -> String.format("server%02d-db%03d-all", i / 20, i))
            .toList();
    runOurs(ids.subList(0, 20), 200, false); // warm-up: JIT, connection pool
    List<Row> rows = new ArrayList<>();
    rows.add(runSerial(ids.subList(0, SERIAL_SAMPLE)));
    for (int concurrency : new int[] {32, 100, 200}) {
      rows.add(runOurs(ids, concurrency, false));
    }
    rows.add(runOurs(ids, 200, true));

    // Every task needs one modify and one start; the first lookup describes 100 tasks per call.
    int calls = 2 * TASKS + (TASKS + 99) / 100;
    double rateBound = Math.max(0, calls - BUCKET) / REFILL_PER_SECOND;
    double pathBound = scaledSeconds(MODIFY) * SCALE + 3 * LATENCY.toMillis() / 1000.0;
    double bound = Math.max(rateBound, pathBound);
    print(rows, bound, bound + START.toSeconds(), calls);
  }

  /** One measured run: wall time in real-world seconds (scaled back up). */
  record Row(String name, double seconds, int calls, int throttled, int failed) {}

  private static Row runSerial(List<String> ids) {
    try (FakeDms dms = fake(ids);
        DatabaseMigrationClient client = client(dms.endpoint(), false)) {
      long start = System.nanoTime();
      int failed = 0;
      for (String id : ids) {
        // The sample: modify to turn logging on, poll every 15 s until ready, then
        // start-replication.
        ReplicationTask task = describe(client, id);
        client.modifyReplicationTask(
            r ->
                r.replicationTaskArn(task.replicationTaskArn())
                    .replicationTaskSettings("{\"Logging\":{\"EnableLogging\":true}}"));
        String status;
        do {
          sleep(scaled(SAMPLE_POLL));
          status = describe(client, id).status();
        } while (!"ready".equals(status) && !"failed".equals(status));
        failed += "ready".equals(status) ? 0 : 1;
        client.startReplicationTask(
            r ->
                r.replicationTaskArn(task.replicationTaskArn())
                    .startReplicationTaskType("start-replication"));
      }
      double perTask = seconds(start) / ids.size();
      return new Row(
          "sample script (serial, 15 s polls; "
              + ids.size()
              + " tasks timed, x"
              + TASKS / ids.size()
              + ")",
          perTask * TASKS,
          totalCalls(dms) * TASKS / ids.size(),
          dms.calls("(throttled)"),
          failed);
    }
  }

  private static Row runOurs(List<String> ids, int concurrency, boolean waitForRunning) {
    try (FakeDms dms = fake(ids);
        DatabaseMigrationClient client = client(dms.endpoint(), true)) {
      long start = System.nanoTime();
      TaskStarter.Options options =
          new TaskStarter.Options(
              StartType.AUTO,
              concurrency,
              waitForRunning,
              Duration.ofMinutes(5),
              scaled(OUR_POLL),
              false);
      List<Outcome> outcomes = new TaskStarter(client, options, Console.silent()).start(ids);
      double seconds = seconds(start);
      return new Row(
          "dms-ops tasks start --concurrency " + concurrency + (waitForRunning ? " --wait" : ""),
          seconds,
          totalCalls(dms),
          dms.calls("(throttled)"),
          (int) outcomes.stream().filter(Outcome::failed).count());
    }
  }

  private static FakeDms fake(List<String> ids) {
    FakeDms dms =
        FakeDms.start(
            new FakeDms.Timing(
                scaled(LATENCY), scaled(MODIFY), scaled(START), scaled(START), Duration.ZERO),
            new FakeDms.RateLimit(BUCKET, REFILL_PER_SECOND * SCALE));
    ids.forEach(id -> dms.addTask(id, "full-load-and-cdc", "ready", false, false));
    return dms;
  }

  private static DatabaseMigrationClient client(URI endpoint, boolean paced) {
    ClientOverrideConfiguration.Builder override =
        ClientOverrideConfiguration.builder()
            .retryStrategy(Retries.strategy(Retries.Mode.STANDARD));
    if (paced) {
      override.addExecutionInterceptor(
          new ApiRateLimiter(
              ApiRateLimiter.DMS_BURST, ApiRateLimiter.DMS_CALLS_PER_SECOND * SCALE));
    }
    return DatabaseMigrationClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClientBuilder(ApacheHttpClient.builder().maxConnections(256))
        .overrideConfiguration(override.build())
        .build();
  }

  private static ReplicationTask describe(DatabaseMigrationClient client, String id) {
    Filter byId = Filter.builder().name("replication-task-id").values(id).build();
    return client.describeReplicationTasks(r -> r.filters(byId)).replicationTasks().get(0);
  }

  private static int totalCalls(FakeDms dms) {
    return dms.calls("DescribeReplicationTasks")
        + dms.calls("ModifyReplicationTask")
        + dms.calls("StartReplicationTask");
  }

  private static void print(List<Row> rows, double bound, double waitBound, int calls) {
    double serial = rows.get(0).seconds();
    System.out.printf(
        "tasks start on %d tasks; real-world delays divided by %.0f and scaled back up:%n",
        TASKS, SCALE);
    System.out.printf(
        "latency %d ms per call, modify %d s, start %d s, API bucket %d calls refilled at %.0f/s%n%n",
        LATENCY.toMillis(), MODIFY.toSeconds(), START.toSeconds(), BUCKET, REFILL_PER_SECOND);
    System.out.println(
        "| run | time (real-world) | API calls | throttled | failed | vs serial | vs bound |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|");
    for (Row row : rows) {
      System.out.printf(
          "| %s | %s | %d | %d | %d | %.1fx faster | %.2fx |%n",
          row.name(),
          human(row.seconds()),
          row.calls(),
          row.throttled(),
          row.failed(),
          serial / row.seconds(),
          row.seconds() / (row.name().endsWith("--wait") ? waitBound : bound));
    }
    System.out.printf(
        "| lower bound: %d calls through the token bucket | %s | %d | 0 | 0 | %.1fx faster | 1.00x |%n",
        calls, human(bound), calls, serial / bound);
    System.out.printf(
        "| lower bound with --wait: the above, then %d s starting | %s | | | | | 1.00x |%n",
        START.toSeconds(), human(waitBound));
  }

  private static String human(double seconds) {
    return seconds >= 3600
        ? String.format("%.1f h", seconds / 3600)
        : seconds >= 60
            ? String.format("%.1f min", seconds / 60)
            : String.format("%.0f s", seconds);
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9 * SCALE;
  }

  private static double scaledSeconds(Duration real) {
    return real.toNanos() / 1e9 / SCALE;
  }

  static Duration scaled(Duration real) {
    return Duration.ofNanos((long) (real.toNanos() / SCALE));
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
