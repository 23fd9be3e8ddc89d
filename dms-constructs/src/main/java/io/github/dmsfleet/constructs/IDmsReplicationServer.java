package io.github.dmsfleet.constructs;

import software.amazon.awscdk.services.ec2.IConnectable;
import software.constructs.IConstruct;

/**
 * A DMS replication instance that runs replication tasks: one this app creates ({@link
 * DmsReplicationServer}) or one imported with {@link
 * DmsReplicationServer#fromReplicationInstanceAttributes}.
 */
public interface IDmsReplicationServer extends IConstruct, IConnectable {
  /** The ARN of the replication instance. */
  String getReplicationInstanceArn();

  /** The replication instance identifier, in lower case as DMS stores it. */
  String getReplicationInstanceIdentifier();
}
