package io.github.dmsfleet.ops.internal.connections;

import io.github.dmsfleet.ops.internal.Console;
import io.github.dmsfleet.ops.internal.Outcome;
import io.github.dmsfleet.ops.internal.aws.Errors;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.Connection;
import software.amazon.awssdk.services.databasemigration.model.Filter;
import software.amazon.awssdk.services.databasemigration.model.ResourceNotFoundException;

/**
 * Tests endpoints from their replication instances. All tests are started first, then every
 * instance's connections are polled together until none is {@code testing}: one describe per
 * instance per interval instead of one waiter per endpoint.
 */
public final class ConnectionTester {
  private static final String TESTING = "testing";
  private static final String SUCCESSFUL = "successful";
  private static final int PAGE = 100;

  /** One endpoint to test from one replication instance, both by identifier. */
  public record Check(String instance, String endpoint) {}

  private final DatabaseMigrationClient dms;
  private final Duration timeout;
  private final Duration pollInterval;
  private final Console console;

  public ConnectionTester(
      DatabaseMigrationClient dms, Duration timeout, Duration pollInterval, Console console) {
    this.dms = dms;
    this.timeout = timeout;
    this.pollInterval = pollInterval;
    this.console = console;
  }

  /** One outcome per check, in their order, named by endpoint identifier. */
  public List<Outcome> test(List<Check> checks) {
    Instant deadline = Instant.now().plus(timeout);
    Map<String, String> instanceArns =
        instanceArns(checks.stream().map(Check::instance).distinct().toList());
    Map<String, String> endpointArns =
        endpointArns(checks.stream().map(Check::endpoint).distinct().toList());
    Map<Check, Outcome> outcomes = new HashMap<>();
    List<Check> started = new ArrayList<>();
    for (Check check : checks) {
      String instanceArn = instanceArns.get(check.instance());
      String endpointArn = endpointArns.get(check.endpoint());
      if (instanceArn == null) {
        outcomes.put(
            check,
            Outcome.failed(
                check.endpoint(), "replication instance " + check.instance() + " not found"));
      } else if (endpointArn == null) {
        outcomes.put(check, Outcome.failed(check.endpoint(), "endpoint not found"));
      } else {
        try {
          dms.testConnection(r -> r.replicationInstanceArn(instanceArn).endpointArn(endpointArn));
          console.progress(check.endpoint() + ": testing from " + check.instance());
          started.add(check);
        } catch (SdkException e) {
          outcomes.put(check, Outcome.failed(check.endpoint(), Errors.describe(e)));
        }
      }
    }
    awaitResults(started, instanceArns, endpointArns, outcomes, deadline);
    return checks.stream().map(outcomes::get).toList();
  }

  private void awaitResults(
      List<Check> started,
      Map<String, String> instanceArns,
      Map<String, String> endpointArns,
      Map<Check, Outcome> outcomes,
      Instant deadline) {
    List<Check> waiting = new ArrayList<>(started);
    Map<Check, String> lastStatus = new HashMap<>();
    while (!waiting.isEmpty()) {
      sleep(deadline);
      Map<String, Connection> connections =
          connections(
              waiting.stream().map(c -> instanceArns.get(c.instance())).distinct().toList());
      for (Check check : List.copyOf(waiting)) {
        Connection connection =
            connections.get(
                key(instanceArns.get(check.instance()), endpointArns.get(check.endpoint())));
        String status = connection == null ? TESTING : connection.status();
        lastStatus.put(check, status);
        if (SUCCESSFUL.equals(status)) {
          outcomes.put(check, Outcome.ok(check.endpoint(), SUCCESSFUL));
          waiting.remove(check);
        } else if (!TESTING.equals(status)) {
          String message = connection.lastFailureMessage();
          outcomes.put(
              check,
              Outcome.failed(
                  check.endpoint(),
                  status + (message == null || message.isBlank() ? "" : ": " + message)));
          waiting.remove(check);
        }
      }
      if (!waiting.isEmpty() && Instant.now().isAfter(deadline)) {
        waiting.forEach(
            c ->
                outcomes.put(
                    c,
                    Outcome.failed(
                        c.endpoint(), "timed out; still " + lastStatus.getOrDefault(c, TESTING))));
        return;
      }
    }
  }

  private void sleep(Instant deadline) {
    long millis =
        Math.min(
            pollInterval.toMillis(),
            Math.max(0, Duration.between(Instant.now(), deadline).toMillis()));
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Map<String, Connection> connections(List<String> instanceArns) {
    Map<String, Connection> found = new HashMap<>();
    try {
      dms
          .describeConnectionsPaginator(
              r ->
                  r.maxRecords(PAGE)
                      .filters(
                          Filter.builder()
                              .name("replication-instance-arn")
                              .values(instanceArns)
                              .build()))
          .stream()
          .flatMap(page -> page.connections().stream())
          .forEach(c -> found.put(key(c.replicationInstanceArn(), c.endpointArn()), c));
    } catch (ResourceNotFoundException e) {
      // No connection yet: DMS answers an empty match with this fault.
    } catch (SdkException e) {
      console.debug(
          "describing connections failed, retrying at the next poll: " + Errors.describe(e));
    }
    return found;
  }

  private Map<String, String> instanceArns(List<String> identifiers) {
    return byIdentifier(
        identifiers,
        batch ->
            dms
                .describeReplicationInstancesPaginator(
                    r ->
                        r.maxRecords(PAGE)
                            .filters(
                                Filter.builder()
                                    .name("replication-instance-id")
                                    .values(batch)
                                    .build()))
                .stream()
                .flatMap(page -> page.replicationInstances().stream())
                .map(
                    i -> Map.entry(i.replicationInstanceIdentifier(), i.replicationInstanceArn())));
  }

  private Map<String, String> endpointArns(List<String> identifiers) {
    return byIdentifier(
        identifiers,
        batch ->
            dms
                .describeEndpointsPaginator(
                    r ->
                        r.maxRecords(PAGE)
                            .filters(Filter.builder().name("endpoint-id").values(batch).build()))
                .stream()
                .flatMap(page -> page.endpoints().stream())
                .map(e -> Map.entry(e.endpointIdentifier(), e.endpointArn())));
  }

  /** ARNs by identifier, described in batches; identifiers DMS does not know are absent. */
  private static Map<String, String> byIdentifier(
      List<String> identifiers,
      Function<Collection<String>, Stream<Map.Entry<String, String>>> describe) {
    Map<String, String> arns = new LinkedHashMap<>();
    for (int from = 0; from < identifiers.size(); from += PAGE) {
      try {
        describe
            .apply(identifiers.subList(from, Math.min(identifiers.size(), from + PAGE)))
            .forEach(e -> arns.put(e.getKey(), e.getValue()));
      } catch (ResourceNotFoundException e) {
        // none of this batch exists
      }
    }
    return arns;
  }

  private static String key(String instanceArn, String endpointArn) {
    return instanceArn + " " + endpointArn;
  }
}
