package io.github.dmsfleet.ops.changes;

import java.util.Arrays;

/** The DMS resources a change set can change under a running replication. */
public enum ResourceKind {
  TASK("AWS::DMS::ReplicationTask", "task", "ReplicationTaskIdentifier"),
  ENDPOINT("AWS::DMS::Endpoint", "endpoint", "EndpointIdentifier"),
  INSTANCE("AWS::DMS::ReplicationInstance", "instance", "ReplicationInstanceIdentifier"),
  /** DMS Serverless: the configuration of one replication. */
  REPLICATION_CONFIG(
      "AWS::DMS::ReplicationConfig", "replication config", "ReplicationConfigIdentifier");

  private final String resourceType;
  private final String noun;
  private final String nameProperty;

  ResourceKind(String resourceType, String noun, String nameProperty) {
    this.resourceType = resourceType;
    this.noun = noun;
    this.nameProperty = nameProperty;
  }

  /** The kind of a CloudFormation resource type; null for any other type. */
  public static ResourceKind of(String resourceType) {
    return Arrays.stream(values())
        .filter(k -> k.resourceType.equals(resourceType))
        .findFirst()
        .orElse(null);
  }

  public String resourceType() {
    return resourceType;
  }

  /** What the user calls it: {@code task}, {@code endpoint}, ... */
  public String noun() {
    return noun;
  }

  /**
   * The property that names it: a custom name, which CloudFormation cannot keep in a replacement.
   */
  public String nameProperty() {
    return nameProperty;
  }
}
