package io.github.dmsfleet.ops.internal.connections;

import io.github.dmsfleet.ops.internal.Batch;
import io.github.dmsfleet.ops.internal.BatchPoller;
import io.github.dmsfleet.ops.internal.Console;
import io.github.dmsfleet.ops.internal.aws.Errors;
import io.github.dmsfleet.ops.internal.aws.RunFailure;
import io.github.dmsfleet.ops.replication.Result;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Stream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.Connection;
import software.amazon.awssdk.services.databasemigration.model.Filter;
import software.amazon.awssdk.services.databasemigration.model.ResourceNotFoundException;

/**
 * Tests endpoints from their replication instances: every test is started, then all of them are
 * polled together by one {@link BatchPoller} (one describe per interval for all instances) until
 * none is {@code testing}.
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

  /** One result per check, in their order, named by endpoint identifier. */
  public List<Result> test(List<Check> checks) {
    Instant deadline = Instant.now().plus(timeout);
    Map<String, String> instanceArns =
        Errors.failingTheRun(
            () -> instanceArns(checks.stream().map(Check::instance).distinct().toList()));
    Map<String, String> endpointArns =
        Errors.failingTheRun(
            () -> endpointArns(checks.stream().map(Check::endpoint).distinct().toList()));
    try (BatchPoller<Connection> poller =
        new BatchPoller<>(this::connections, Connection::status, pollInterval, console)) {
      Map<Check, CompletableFuture<Connection>> testing = new LinkedHashMap<>();
      Map<Check, Result> results = new HashMap<>();
      for (Check check : checks) {
        String instanceArn = instanceArns.get(check.instance());
        String endpointArn = endpointArns.get(check.endpoint());
        if (instanceArn == null) {
          results.put(
              check,
              Result.failed(
                  check.endpoint(), "replication instance " + check.instance() + " not found"));
        } else if (endpointArn == null) {
          results.put(check, Result.failed(check.endpoint(), "endpoint not found"));
        } else {
          try {
            Errors.failingTheRun(
                () ->
                    dms.testConnection(
                        r -> r.replicationInstanceArn(instanceArn).endpointArn(endpointArn)));
            console.progress(check.endpoint() + ": testing from " + check.instance());
            testing.put(
                check,
                poller.until(
                    instanceArn + " " + endpointArn, null, c -> !TESTING.equals(c.status())));
          } catch (RunFailure e) {
            throw e;
          } catch (SdkException e) {
            results.put(check, Result.failed(check.endpoint(), Errors.describe(e)));
          }
        }
      }
      testing.forEach(
          (check, future) -> results.put(check, await(check, future, poller, deadline)));
      return checks.stream().map(results::get).toList();
    }
  }

  private static Result await(
      Check check,
      CompletableFuture<Connection> future,
      BatchPoller<Connection> poller,
      Instant deadline) {
    try {
      Connection connection = poller.await(check.endpoint(), future, deadline);
      if (SUCCESSFUL.equals(connection.status())) {
        return Result.ok(check.endpoint(), SUCCESSFUL);
      }
      String message = connection.lastFailureMessage();
      return Result.failed(
          check.endpoint(),
          connection.status() + (message == null || message.isBlank() ? "" : ": " + message));
    } catch (BatchPoller.WaitTimeout | BatchPoller.Gone e) {
      return Result.failed(check.endpoint(), e.getMessage());
    }
  }

  /** The connections of the instances named in the keys, by key. */
  private Map<String, Connection> connections(Collection<String> keys) {
    List<String> instanceArns =
        keys.stream().map(k -> k.substring(0, k.indexOf(' '))).distinct().toList();
    Map<String, Connection> found = new HashMap<>();
    Errors.failingTheRun(
        () -> {
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
                .forEach(c -> found.put(c.replicationInstanceArn() + " " + c.endpointArn(), c));
          } catch (ResourceNotFoundException e) {
            // No connection yet: DMS answers an empty match with this fault.
          }
          return found;
        });
    // A test DMS has not recorded yet is still testing, not gone.
    keys.forEach(k -> found.putIfAbsent(k, Connection.builder().status(TESTING).build()));
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
    for (List<String> batch : Batch.chunks(identifiers, PAGE)) {
      try {
        describe.apply(batch).forEach(e -> arns.put(e.getKey(), e.getValue()));
      } catch (ResourceNotFoundException e) {
        // none of this batch exists
      }
    }
    return arns;
  }
}
