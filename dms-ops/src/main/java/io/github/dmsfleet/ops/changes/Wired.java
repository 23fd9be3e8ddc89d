package io.github.dmsfleet.ops.changes;

import io.github.dmsfleet.ops.replication.ReplicationUnit;

/**
 * A replication unit and the DMS resources it runs on and through, by ARN; what a change to any of
 * them touches.
 *
 * @param instanceArn its replication instance; null for a serverless replication
 */
public record Wired(
    ReplicationUnit unit, String instanceArn, String sourceEndpointArn, String targetEndpointArn) {

  /**
   * What the changed resource is to this unit ({@code task}, {@code source endpoint}, ...); null
   * when the change does not touch it.
   */
  public String roleOf(DmsChange change) {
    String arn = change.physicalId();
    if (arn.equals(unit.arn())) {
      return change.kind().noun();
    }
    if (arn.equals(sourceEndpointArn)) {
      return "source endpoint";
    }
    if (arn.equals(targetEndpointArn)) {
      return "target endpoint";
    }
    return arn.equals(instanceArn) ? "instance" : null;
  }
}
