package io.github.dmsfleet.ops.changes;

import io.github.dmsfleet.ops.internal.Batch;
import io.github.dmsfleet.ops.replication.ServerlessUnits;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.databasemigration.model.Filter;
import software.amazon.awssdk.services.databasemigration.model.Replication;

/**
 * Serverless replications by the resources they use: their replication config (whose ARN is the
 * unit's, and the config's physical id in CloudFormation) with DescribeReplications's {@code
 * replication-config-arn} filter, 100 ARNs a call; and their endpoints, which DescribeReplications
 * cannot filter by (its documented filters are {@code replication-config-arn} and {@code
 * replication-config-id}), so every replication is read once and matched here.
 */
public final class ServerlessFinder implements UnitFinder {
  /** ARNs per filter, as for tasks. */
  static final int BATCH = 100;

  private final ServerlessUnits units;

  public ServerlessFinder(ServerlessUnits units) {
    this.units = units;
  }

  @Override
  public Set<ResourceKind> answersFor() {
    return Set.of(ResourceKind.REPLICATION_CONFIG, ResourceKind.ENDPOINT);
  }

  @Override
  public List<Wired> using(Map<ResourceKind, Set<String>> arns) {
    Map<String, Wired> found = new LinkedHashMap<>();
    for (List<String> batch :
        Batch.chunks(arns.getOrDefault(ResourceKind.REPLICATION_CONFIG, Set.of()), BATCH)) {
      units.replications(
          Filter.builder().name("replication-config-arn").values(batch).build(),
          r -> found.put(r.replicationConfigArn(), wired(r)));
    }
    Set<String> endpoints = arns.getOrDefault(ResourceKind.ENDPOINT, Set.of());
    if (!endpoints.isEmpty()) {
      units.replications(
          null,
          r -> {
            if (endpoints.contains(r.sourceEndpointArn())
                || endpoints.contains(r.targetEndpointArn())) {
              found.putIfAbsent(r.replicationConfigArn(), wired(r));
            }
          });
    }
    return List.copyOf(found.values());
  }

  @Override
  public List<Wired> all() {
    Map<String, Wired> found = new LinkedHashMap<>();
    units.replications(null, r -> found.put(r.replicationConfigArn(), wired(r)));
    return List.copyOf(found.values());
  }

  private static Wired wired(Replication replication) {
    return new Wired(
        ServerlessUnits.unit(replication, Map.of()),
        null,
        replication.sourceEndpointArn(),
        replication.targetEndpointArn());
  }
}
