package io.github.dmsfleet.ops.changes;

import io.github.dmsfleet.ops.internal.Batch;
import io.github.dmsfleet.ops.internal.BatchPoller;
import io.github.dmsfleet.ops.internal.Console;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.Filter;
import software.amazon.awssdk.services.databasemigration.model.ResourceNotFoundException;

/**
 * Waits out the connection test DMS starts by itself after ModifyEndpoint: a task started while its
 * endpoint is being tested is refused ({@code Replication Task cannot be started, invalid state}),
 * so a resume after an endpoint change waits until none of its tests is {@code testing}.
 */
public final class ConnectionTests {
  private static final String TESTING = "testing";
  private static final int PAGE = 100;

  private final DatabaseMigrationClient dms;
  private final Duration pollInterval;
  private final Console console;

  public ConnectionTests(DatabaseMigrationClient dms, Duration pollInterval, Console console) {
    this.dms = dms;
    this.pollInterval = pollInterval;
    this.console = console;
  }

  /** Returns once no connection of these endpoints is being tested, or at the deadline. */
  public void awaitIdle(Collection<String> endpointArns, Instant deadline) {
    if (endpointArns.isEmpty()) {
      return;
    }
    try (BatchPoller<String> poller =
        new BatchPoller<>(this::statuses, status -> status, pollInterval, console)) {
      Map<String, String> now = statuses(endpointArns);
      long testing = now.values().stream().filter(TESTING::equals).count();
      if (testing > 0) {
        console.progress(
            "waiting for the connection test DMS runs after an endpoint change ("
                + testing
                + (testing == 1 ? " endpoint)" : " endpoints)"));
      }
      for (String endpoint : endpointArns) {
        try {
          poller.await(endpoint, now.get(endpoint), s -> !TESTING.equals(s), deadline);
        } catch (BatchPoller.WaitTimeout e) {
          return; // the start that follows says what DMS thinks
        }
      }
    }
  }

  /** {@code testing} for an endpoint with a test going on, {@code idle} otherwise. */
  private Map<String, String> statuses(Collection<String> endpointArns) {
    Map<String, String> statuses = new HashMap<>();
    endpointArns.forEach(e -> statuses.put(e, "idle"));
    for (List<String> batch : Batch.chunks(endpointArns, PAGE)) {
      try {
        dms
            .describeConnectionsPaginator(
                r ->
                    r.maxRecords(PAGE)
                        .filters(Filter.builder().name("endpoint-arn").values(batch).build()))
            .stream()
            .flatMap(page -> page.connections().stream())
            .filter(c -> TESTING.equals(c.status()))
            .forEach(c -> statuses.put(c.endpointArn(), TESTING));
      } catch (ResourceNotFoundException e) {
        // no connection recorded for these endpoints
      }
    }
    return statuses;
  }
}
