package io.github.dmsfleet.constructs;

import io.github.dmsfleet.constructs.internal.SharedAttributes;
import io.github.dmsfleet.constructs.internal.StackFacts;
import io.github.dmsfleet.constructs.internal.Tokens;
import io.github.dmsfleet.rules.ReplicationInstances;
import io.github.dmsfleet.rules.Serverless;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.services.dms.CfnReplicationConfig;
import software.amazon.awscdk.services.ec2.Connections;
import software.amazon.awscdk.services.ec2.IConnectable;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.Construct;

/**
 * A source database server whose databases replicate with DMS Serverless: each database gets a
 * replication config that provisions its own capacity when started and scales it between {@code
 * minCapacityUnits} and {@code maxCapacityUnits}, so there is no replication instance to size. Give
 * the engine, the bucket and the network once; add each database with {@link #addDatabase}, which
 * takes the same options as {@link DmsSourceServer#addDatabase}.
 *
 * <pre>{@code
 * DmsServerlessSourceServer erp = new DmsServerlessSourceServer(this, "erp01",
 *     DmsServerlessSourceServerProps.builder()
 *         .engine(SourceEngine.POSTGRESQL)
 *         .network(network)
 *         .targetBucket(lake.getBucket())
 *         .maxCapacityUnits(32)
 *         .build());
 * erp.addDatabase("orders", DmsDatabaseOptions.builder().secretName("dms/erp01/orders").build());
 * }</pre>
 *
 * <p>The replications' security groups may reach the source on its port (in {@code sourceCidrs}
 * only, when given), and S3 and Secrets Manager through the network's endpoints.
 *
 * <p>Construct ids: as {@link DmsSourceServerBase}, and {@code Key} (unless a key is given).
 */
public class DmsServerlessSourceServer extends DmsSourceServerBase implements IConnectable {
  private final DmsNetwork network;
  private final Connections connections;
  private final IKey encryptionKey;
  private final CfnReplicationConfig.ComputeConfigProperty computeConfig;
  private final String account;

  /** A source server as {@code props} describe it. */
  public DmsServerlessSourceServer(
      Construct scope, String id, DmsServerlessSourceServerProps props) {
    super(scope, id, props, problemsOf(props));
    network = props.getNetwork();
    List<ISecurityGroup> securityGroups =
        props.getSecurityGroups() != null
            ? props.getSecurityGroups()
            : List.of(network.getSecurityGroup());
    connections = Connections.Builder.create().securityGroups(securityGroups).build();
    if (props.getSecurityGroups() != null) {
      network.allowEndpointAccess(this);
    }
    allowSourceTraffic(this);
    encryptionKey =
        props.getEncryptionKey() != null
            ? props.getEncryptionKey()
            : Key.Builder.create(this, "Key")
                .description("Encrypts the DMS Serverless replications of " + getServerName())
                .enableKeyRotation(true)
                .build();
    // One value for every database of the server; a struct crosses the jsii bridge by value.
    computeConfig =
        CfnReplicationConfig.ComputeConfigProperty.builder()
            .replicationSubnetGroupId(network.getSubnetGroupIdentifier())
            .vpcSecurityGroupIds(
                securityGroups.stream().map(SharedAttributes::securityGroupId).toList())
            .kmsKeyId(SharedAttributes.keyArn(encryptionKey))
            .maxCapacityUnits(props.getMaxCapacityUnits())
            .minCapacityUnits(props.getMinCapacityUnits())
            .multiAz(props.getMultiAz())
            .preferredMaintenanceWindow(props.getPreferredMaintenanceWindow())
            .build();
    account = StackFacts.of(scope).account();
    if (props.getAccountRoles() != null) {
      // Every replication config created under this server waits for the roles.
      getNode().addDependency(props.getAccountRoles());
    }
  }

  /**
   * Adds one database: its source endpoint, S3 target endpoint and DMS Serverless replication
   * config, as a child of this server (and so in its stack), with every setting it leaves out taken
   * from this server. The database's name is {@code id} unless {@code options} say otherwise.
   */
  public DmsServerlessDatabaseMigration addDatabase(String id, DmsDatabaseOptions options) {
    return new DmsServerlessDatabaseMigration(this, id, this, options);
  }

  @Override
  public List<DmsServerlessDatabaseMigration> getDatabases() {
    return super.getDatabases().stream().map(DmsServerlessDatabaseMigration.class::cast).toList();
  }

  /** The security groups of the replications, to let them reach their sources. */
  @Override
  public Connections getConnections() {
    return connections;
  }

  /** The network the replications run in. */
  public DmsNetwork getNetwork() {
    return network;
  }

  /** The KMS key the replications encrypt their data with. */
  public IKey getEncryptionKey() {
    return encryptionKey;
  }

  /** Where and with how much capacity every replication of this server runs. */
  CfnReplicationConfig.ComputeConfigProperty computeConfig() {
    return computeConfig;
  }

  /** The account, which the replications' metrics are keyed by. */
  String account() {
    return account;
  }

  private static List<String> problemsOf(DmsServerlessSourceServerProps props) {
    List<String> problems = new ArrayList<>();
    if (props.getNetwork() == null) {
      problems.add(
          "'network' is required: DMS Serverless reaches S3 and Secrets Manager only through VPC"
              + " endpoints, which a DmsNetwork provides");
    }
    if (props.getSecurityGroups() != null && props.getSecurityGroups().isEmpty()) {
      problems.add(
          "'securityGroups' must hold at least one security group; leave it out for the network's");
    }
    checkCapacity(problems, "maxCapacityUnits", props.getMaxCapacityUnits());
    Integer min = props.getMinCapacityUnits();
    if (min != null) {
      checkCapacity(problems, "minCapacityUnits", min);
      if (min > props.getMaxCapacityUnits()) {
        problems.add(
            "'minCapacityUnits' "
                + min
                + " is above 'maxCapacityUnits' "
                + props.getMaxCapacityUnits()
                + ": lower it or raise 'maxCapacityUnits'");
      }
    }
    String window = props.getPreferredMaintenanceWindow();
    if (window != null
        && !Tokens.isUnresolved(window)
        && !ReplicationInstances.MAINTENANCE_WINDOW.accepts(window)) {
      problems.add(
          "'preferredMaintenanceWindow' must be "
              + ReplicationInstances.MAINTENANCE_WINDOW.expected()
              + ", got '"
              + window
              + "'");
    }
    return problems;
  }

  private static void checkCapacity(List<String> problems, String name, int units) {
    if (!Serverless.isCapacityUnits(units)) {
      problems.add(
          "'" + name + "' must be " + Serverless.expectedCapacityUnits() + ", got " + units);
    }
  }
}
