package io.github.dmsfleet.constructs;

import java.util.List;
import org.immutables.value.Value;
import software.amazon.awscdk.services.ec2.ISecurityGroup;

/** What {@link DmsReplicationServer#fromReplicationInstanceAttributes} needs to know. */
@Value.Immutable
public abstract class DmsReplicationInstanceAttributes {
  DmsReplicationInstanceAttributes() {}

  /** The ARN of the replication instance. Required. */
  public abstract String getReplicationInstanceArn();

  /** The replication instance identifier, for its metrics. Required. */
  public abstract String getReplicationInstanceIdentifier();

  /**
   * The security groups of the instance, so that sources added to it can open their egress rules.
   *
   * <p>Default: none; the instance's security groups are left as they are.
   */
  public abstract List<ISecurityGroup> getSecurityGroups();

  /** A builder for these attributes. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link DmsReplicationInstanceAttributes}. */
  public static final class Builder extends ImmutableDmsReplicationInstanceAttributes.Builder {
    /** Creates an empty builder. */
    public Builder() {}
  }
}
