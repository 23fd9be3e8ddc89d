package io.github.dmsfleet.ops.bench;

import io.github.dmsfleet.ops.fake.FakeDms;
import io.github.dmsfleet.ops.internal.Console;
import io.github.dmsfleet.ops.internal.aws.ApiRate;
import io.github.dmsfleet.ops.internal.aws.Pacer;
import io.github.dmsfleet.ops.internal.aws.Retries;
import io.github.dmsfleet.ops.replication.Ledger;
import io.github.dmsfleet.ops.replication.ReplicationControl;
import io.github.dmsfleet.ops.replication.Result;
import io.github.dmsfleet.ops.replication.StartType;
import io.github.dmsfleet.ops.replication.TaskUnits;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * Benchmarks {@code tasks start} on 200 and 600 tasks (one replication instance's most, and an
 * account's default task quota) against the fake DMS, which enforces DMS's current API quota (200
 * calls at once, refilled at 8 per second) and answers ThrottlingException past it. Side by side:
 * the sample script's serial algorithm (modify, poll every 15 s until ready, start; one task at a
 * time) and the bound the quota sets, max(0, calls − 200) / 8 s. Real-world delays are divided by
 * {@link #SCALE} so the run takes a minute; times are scaled back up.
 *
 * <p>Run: {@code mvn -pl dms-ops test-compile exec:java}.
 */
public final class StartBenchmark {
  static final int[] TASKS = {200, 600};

  /**
   * The serial algorithm is timed on this many tasks and extrapolated: it does the same per task.
   */
  static final int SERIAL_SAMPLE = 20;

  static final double SCALE = 25;

  // Real-world figures: per-call latency, modify and start times, the sample's poll interval.
  static final Duration LATENCY = Duration.ofMillis(100);
  static final Duration MODIFY = Duration.ofSeconds(30);
  static final Duration START = Duration.ofSeconds(60);
  static final Duration SAMPLE_POLL = Duration.ofSeconds(15);
  static final Duration OUR_POLL = Duration.ofSeconds(5);

  private StartBenchmark() {}

  /** One measured run: wall time in real-world seconds (scaled back up). */
  record Row(
      int tasks,
      String name,
      double seconds,
      int calls,
      int throttled,
      int failed,
      double bound,
      double pacedBound) {}

  public static void main(String[] args) {
    runOurs(ids(20), false, false); // warm-up: JIT, connection pool
    double serialPerTask = runSerialPerTask(ids(SERIAL_SAMPLE));
    List<Row> rows = new ArrayList<>();
    for (int tasks : TASKS) {
      List<String> ids = ids(tasks);
      int lookups = (tasks + 99) / 100;
      rows.add(
          new Row(
              tasks,
              "sample script (serial; " + SERIAL_SAMPLE + " timed)",
              serialPerTask * tasks,
              tasks * 5,
              0,
              0,
              rateBound(ApiRate.DMS_QUOTA, 2 * tasks + lookups) + seconds(MODIFY),
              Double.NaN));
      rows.add(withBounds(runOurs(ids, false, false), tasks + lookups, 0, 0));
      // --wait: the last start still takes its 60 s after the calls
      rows.add(withBounds(runOurs(ids, true, false), tasks + lookups, seconds(START), 0));
      // --enable-logging: a describe with settings, a modify and a start per task; the modifies'
      // 30 s overlap with other tasks' calls
      rows.add(withBounds(runOurs(ids, false, true), 3 * tasks + lookups, 0, seconds(MODIFY)));
    }
    print(rows);
  }

  private static List<String> ids(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> String.format(Locale.ROOT, "server%02d-db%03d-all", i / 20, i))
        .toList();
  }

  /** Seconds a bucket needs to let {@code calls} through: the burst is free, the rest refills. */
  static double rateBound(ApiRate rate, int calls) {
    return Math.max(0, calls - rate.burst()) / rate.perSecond();
  }

  /**
   * The bounds of a run: its calls through DMS's quota and through dms-ops's pace, then the waits
   * that follow the last call, or at least the waits that overlap with the calls.
   */
  private static Row withBounds(Row row, int calls, double after, double overlapping) {
    double latency = 2 * LATENCY.toMillis() / 1000.0;
    return new Row(
        row.tasks(),
        row.name(),
        row.seconds(),
        row.calls(),
        row.throttled(),
        row.failed(),
        latency + Math.max(rateBound(ApiRate.DMS_QUOTA, calls), overlapping) + after,
        latency + Math.max(rateBound(ApiRate.dmsDefault(), calls), overlapping) + after);
  }

  private static double runSerialPerTask(List<String> ids) {
    try (FakeDms dms = fake(ids, false);
        DatabaseMigrationClient client = client(dms.endpoint(), false)) {
      long start = System.nanoTime();
      for (String id : ids) {
        // The sample: modify to turn logging on, poll every 15 s until ready, then start.
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
        client.startReplicationTask(
            r ->
                r.replicationTaskArn(task.replicationTaskArn())
                    .startReplicationTaskType("start-replication"));
      }
      return elapsed(start) / ids.size();
    }
  }

  private static Row runOurs(List<String> ids, boolean waitForRunning, boolean enableLogging) {
    try (FakeDms dms = fake(ids, !enableLogging);
        DatabaseMigrationClient client = client(dms.endpoint(), true)) {
      long start = System.nanoTime();
      ReplicationControl control =
          new ReplicationControl(TaskUnits.of(client), scaled(OUR_POLL), Console.silent());
      List<Result> results =
          control.start(
              control.plan(ids, StartType.AUTO, enableLogging),
              new ReplicationControl.StartOptions(
                  StartType.AUTO,
                  false,
                  enableLogging,
                  ReplicationControl.DEFAULT_CONCURRENCY,
                  waitForRunning,
                  Duration.ofMinutes(5),
                  false),
              new Ledger(ids, "started"));
      double seconds = elapsed(start);
      return new Row(
          ids.size(),
          "dms-ops tasks start"
              + (waitForRunning ? " --wait" : "")
              + (enableLogging ? " --enable-logging" : ""),
          seconds,
          totalCalls(dms),
          dms.calls("(throttled)"),
          (int) results.stream().filter(Result::failed).count(),
          0,
          0);
    }
  }

  private static FakeDms fake(List<String> ids, boolean loggingOn) {
    FakeDms dms =
        FakeDms.start(
            new FakeDms.Timing(
                scaled(LATENCY), scaled(MODIFY), scaled(START), scaled(START), Duration.ZERO),
            new FakeDms.RateLimit(
                ApiRate.DMS_QUOTA.burst(), ApiRate.DMS_QUOTA.perSecond() * SCALE));
    ids.forEach(id -> dms.addTask(id, "full-load-and-cdc", "ready", loggingOn, false));
    return dms;
  }

  private static DatabaseMigrationClient client(URI endpoint, boolean paced) {
    ApiRate ours = ApiRate.dmsDefault();
    Pacer pacer = paced ? new Pacer(new ApiRate(ours.burst(), ours.perSecond() * SCALE)) : null;
    return DatabaseMigrationClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClientBuilder(ApacheHttpClient.builder().maxConnections(256))
        .overrideConfiguration(
            ClientOverrideConfiguration.builder()
                .retryStrategy(Retries.strategy(Retries.Mode.STANDARD, pacer, null))
                .build())
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

  private static void print(List<Row> rows) {
    ApiRate quota = ApiRate.DMS_QUOTA;
    System.out.printf(
        "tasks start; real-world delays divided by %.0f and scaled back up: latency %d ms per call,"
            + " modify %d s, start %d s;%nDMS's API quota %s (burst/per second), dms-ops paced at %s%n%n",
        SCALE,
        LATENCY.toMillis(),
        MODIFY.toSeconds(),
        START.toSeconds(),
        quota,
        ApiRate.dmsDefault());
    System.out.println(
        "| tasks | run | time | API calls | throttled | failed | quota bound | vs quota bound"
            + " | bound at 150/6 | vs serial |");
    System.out.println("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    double serial = 0;
    for (Row row : rows) {
      if (row.name().startsWith("sample")) {
        serial = row.seconds();
      }
      System.out.printf(
          Locale.ROOT,
          "| %d | %s | %s | %d | %d | %d | %s | %.2fx | %s | %.0fx faster |%n",
          row.tasks(),
          row.name(),
          human(row.seconds()),
          row.calls(),
          row.throttled(),
          row.failed(),
          human(row.bound()),
          row.seconds() / row.bound(),
          Double.isNaN(row.pacedBound()) ? "" : human(row.pacedBound()),
          serial / row.seconds());
    }
  }

  private static String human(double seconds) {
    return seconds >= 3600
        ? String.format(Locale.ROOT, "%.1f h", seconds / 3600)
        : seconds >= 60
            ? String.format(Locale.ROOT, "%.1f min", seconds / 60)
            : String.format(Locale.ROOT, "%.0f s", seconds);
  }

  private static double elapsed(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9 * SCALE;
  }

  private static double seconds(Duration real) {
    return real.toNanos() / 1e9;
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
