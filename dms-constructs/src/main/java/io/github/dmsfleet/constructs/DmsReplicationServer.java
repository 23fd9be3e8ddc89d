package io.github.dmsfleet.constructs;

import io.github.dmsfleet.constructs.internal.Alarms;
import io.github.dmsfleet.constructs.internal.Problems;
import io.github.dmsfleet.constructs.internal.SharedAttributes;
import io.github.dmsfleet.rules.DmsIdentifiers;
import io.github.dmsfleet.rules.ReplicationInstances;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Size;
import software.amazon.awscdk.SizeConversionOptions;
import software.amazon.awscdk.SizeRoundingBehavior;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IAlarmAction;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.dms.CfnReplicationInstance;
import software.amazon.awscdk.services.dms.CfnReplicationSubnetGroup;
import software.amazon.awscdk.services.ec2.Connections;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.Construct;

/**
 * One DMS replication instance, never publicly accessible, with its storage encrypted under a
 * customer managed KMS key. Sources replicate through it with {@link DmsSourceServer}.
 *
 * <p>Construct ids: {@code Resource} (the instance), {@code Key} (unless a key is given), {@code
 * SubnetGroup} and {@code SecurityGroup} (with {@code vpc} and without security groups), {@code
 * FreeStorageSpaceAlarm} and {@code CpuUtilizationAlarm} (after {@link #addAlarms}).
 */
public class DmsReplicationServer extends Construct implements IDmsReplicationServer {
  private static final String NAMESPACE = "AWS/DMS";
  private static final double BYTES_PER_GIB = 1024.0 * 1024 * 1024;
  private static final SizeConversionOptions EXACT =
      SizeConversionOptions.builder().rounding(SizeRoundingBehavior.NONE).build();

  private final CfnReplicationInstance replicationInstance;
  private final String replicationInstanceArn;
  private final IKey encryptionKey;
  private final String replicationInstanceIdentifier;
  private final int allocatedStorageGiB;
  private final Connections connections;

  /** The construct id, kept here rather than asked of the CDK. */
  private final String id;

  /** A replication instance as {@code props} describe it. */
  public DmsReplicationServer(Construct scope, String id, DmsReplicationServerProps props) {
    super(scope, id);
    this.id = id;
    double storageGiB = props.getAllocatedStorage().toGibibytes(EXACT).doubleValue();
    validate(id, props, storageGiB);
    allocatedStorageGiB = (int) storageGiB;
    // DMS stores the identifier in lower case, and CloudWatch reports it so.
    replicationInstanceIdentifier = DmsIdentifiers.stored(props.getReplicationInstanceIdentifier());
    DmsNetwork network = props.getNetwork();
    List<ISecurityGroup> securityGroups = securityGroups(props);
    connections = Connections.Builder.create().securityGroups(securityGroups).build();
    if (network != null && props.getSecurityGroups() != null) {
      network.allowEndpointAccess(this);
    }
    encryptionKey =
        props.getEncryptionKey() != null
            ? props.getEncryptionKey()
            : Key.Builder.create(this, "Key")
                .description(
                    "Encrypts the storage of DMS replication instance "
                        + replicationInstanceIdentifier)
                .enableKeyRotation(true)
                .removalPolicy(props.getRemovalPolicy())
                .build();

    replicationInstance =
        CfnReplicationInstance.Builder.create(this, "Resource")
            .replicationInstanceIdentifier(props.getReplicationInstanceIdentifier())
            .replicationInstanceClass(props.getReplicationInstanceClass())
            .allocatedStorage(allocatedStorageGiB)
            .multiAz(props.getMultiAz())
            .engineVersion(props.getEngineVersion())
            .preferredMaintenanceWindow(props.getPreferredMaintenanceWindow())
            .autoMinorVersionUpgrade(props.getAutoMinorVersionUpgrade())
            // The DMS API defaults to a public instance: say no explicitly.
            .publiclyAccessible(false)
            .kmsKeyId(SharedAttributes.keyArn(encryptionKey))
            .replicationSubnetGroupIdentifier(
                network != null ? network.getSubnetGroupIdentifier() : subnetGroup(props))
            .vpcSecurityGroupIds(
                securityGroups.stream().map(SharedAttributes::securityGroupId).toList())
            .build();
    // Every task names the instance: read its ARN from the CDK once, not once per task.
    replicationInstanceArn = replicationInstance.getRef();
    if (props.getRemovalPolicy() != null) {
      replicationInstance.applyRemovalPolicy(props.getRemovalPolicy());
    }
    if (props.getAccountRoles() != null) {
      replicationInstance.getNode().addDependency(props.getAccountRoles());
    }
  }

  /**
   * A replication instance made elsewhere (another stack or app), to add sources to. Creates
   * nothing.
   */
  public static IDmsReplicationServer fromReplicationInstanceAttributes(
      Construct scope, String id, DmsReplicationInstanceAttributes attributes) {
    Problems problems = new Problems("DmsReplicationInstanceAttributes of '" + id + "'");
    problems.require("replicationInstanceArn", attributes.getReplicationInstanceArn());
    problems.require(
        "replicationInstanceIdentifier",
        attributes.getReplicationInstanceIdentifier(),
        DmsIdentifiers.INSTANCE);
    problems.throwIfAny();
    return new Imported(scope, id, attributes);
  }

  /**
   * Alarms on this instance notifying {@code action} (such as an SNS topic's, which may live in
   * another stack): free storage below 10% of the allocated storage and CPU utilization above 90%,
   * for three 5-minute periods.
   */
  public List<Alarm> addAlarms(IAlarmAction action) {
    return addAlarms(action, DmsServerAlarmOptions.create());
  }

  /** As {@link #addAlarms(IAlarmAction)}, with other thresholds. */
  public List<Alarm> addAlarms(IAlarmAction action, DmsServerAlarmOptions options) {
    int freeStoragePercent = options.getFreeStoragePercent();
    int cpuPercent = options.getCpuUtilizationPercent();
    int periods = options.getEvaluationPeriods();
    Problems problems = new Problems("DmsServerAlarmOptions of '" + id + "'");
    problems.between("freeStoragePercent", freeStoragePercent, 1, 99);
    problems.between("cpuUtilizationPercent", cpuPercent, 1, 100);
    problems.between("evaluationPeriods", periods, 1, 288);
    problems.throwIfAny();

    double freeStorageBytes = allocatedStorageGiB * BYTES_PER_GIB * freeStoragePercent / 100.0;
    return List.of(
        Alarms.notifying(
            this,
            "FreeStorageSpaceAlarm",
            metricFreeStorageSpace(),
            ComparisonOperator.LESS_THAN_THRESHOLD,
            freeStorageBytes,
            periods,
            TreatMissingData.MISSING,
            "DMS replication instance "
                + replicationInstanceIdentifier
                + " has less than "
                + freeStoragePercent
                + "% of its "
                + allocatedStorageGiB
                + " GiB storage free",
            action),
        Alarms.notifying(
            this,
            "CpuUtilizationAlarm",
            metricCpuUtilization(),
            ComparisonOperator.GREATER_THAN_THRESHOLD,
            cpuPercent,
            periods,
            TreatMissingData.MISSING,
            "DMS replication instance "
                + replicationInstanceIdentifier
                + " uses more than "
                + cpuPercent
                + "% CPU",
            action));
  }

  /**
   * A metric of this instance in the {@code AWS/DMS} namespace, with the dimension {@code
   * ReplicationInstanceIdentifier}; average over 5 minutes unless {@code options} say otherwise.
   */
  public Metric metric(String metricName, MetricOptions options) {
    return metric(metricName, "Average").with(options);
  }

  /** Free storage in bytes, minimum over 5 minutes. */
  public Metric metricFreeStorageSpace() {
    return metric("FreeStorageSpace", "Minimum");
  }

  /** CPU utilization in percent, average over 5 minutes. */
  public Metric metricCpuUtilization() {
    return metric("CPUUtilization", "Average");
  }

  /** Free memory in bytes, minimum over 5 minutes. */
  public Metric metricFreeableMemory() {
    return metric("FreeableMemory", "Minimum");
  }

  /** Swap in use in bytes, maximum over 5 minutes. */
  public Metric metricSwapUsage() {
    return metric("SwapUsage", "Maximum");
  }

  /** The replication instance. */
  public CfnReplicationInstance getReplicationInstance() {
    return replicationInstance;
  }

  @Override
  public String getReplicationInstanceArn() {
    return replicationInstanceArn;
  }

  @Override
  public String getReplicationInstanceIdentifier() {
    return replicationInstanceIdentifier;
  }

  /** The security groups of the instance, to let it reach its sources. */
  @Override
  public Connections getConnections() {
    return connections;
  }

  /** The KMS key of the instance's storage. */
  public IKey getEncryptionKey() {
    return encryptionKey;
  }

  /** The allocated storage. */
  public Size getAllocatedStorage() {
    return Size.gibibytes(allocatedStorageGiB);
  }

  private Metric metric(String metricName, String statistic) {
    return Metric.Builder.create()
        .namespace(NAMESPACE)
        .metricName(metricName)
        .dimensionsMap(Map.of("ReplicationInstanceIdentifier", replicationInstanceIdentifier))
        .statistic(statistic)
        .period(Alarms.METRIC_PERIOD)
        .build();
  }

  private List<ISecurityGroup> securityGroups(DmsReplicationServerProps props) {
    if (props.getSecurityGroups() != null) {
      return props.getSecurityGroups();
    }
    DmsNetwork network = props.getNetwork();
    if (network != null) {
      return List.of(network.getSecurityGroup());
    }
    return List.of(
        SecurityGroup.Builder.create(this, "SecurityGroup")
            .vpc(props.getVpc())
            .description("DMS replication instance: no inbound traffic; outbound to its sources")
            .allowAllOutbound(false)
            .build());
  }

  private String subnetGroup(DmsReplicationServerProps props) {
    IVpc vpc = props.getVpc();
    SubnetSelection subnets =
        props.getVpcSubnets() != null ? props.getVpcSubnets() : SubnetSelection.builder().build();
    return CfnReplicationSubnetGroup.Builder.create(this, "SubnetGroup")
        .replicationSubnetGroupDescription(
            "Subnets of DMS replication instance " + replicationInstanceIdentifier)
        .subnetIds(vpc.selectSubnets(subnets).getSubnetIds())
        .build()
        .getRef();
  }

  private static void validate(String id, DmsReplicationServerProps props, double storageGiB) {
    Problems problems = new Problems("DmsReplicationServer '" + id + "'");
    problems.require(
        "replicationInstanceIdentifier",
        props.getReplicationInstanceIdentifier(),
        DmsIdentifiers.INSTANCE);
    problems.requireOne("network", props.getNetwork(), "vpc", props.getVpc());
    problems.rejectUnless(
        props.getVpc() != null, "vpcSubnets", props.getVpcSubnets(), "with 'vpc'");
    if (props.getSecurityGroups() != null && props.getSecurityGroups().isEmpty()) {
      problems.add(
          "'securityGroups' must hold at least one security group; leave it out for the default");
    }
    problems.check(
        "replicationInstanceClass",
        props.getReplicationInstanceClass(),
        ReplicationInstances.INSTANCE_CLASS);
    problems.wholeBetween(
        "allocatedStorage", storageGiB, "GiB", ReplicationInstances.ALLOCATED_STORAGE_GIB);
    problems.check(
        "preferredMaintenanceWindow",
        props.getPreferredMaintenanceWindow(),
        ReplicationInstances.MAINTENANCE_WINDOW);
    problems.throwIfAny();
  }

  /** A replication instance known by its attributes. */
  private static final class Imported extends Construct implements IDmsReplicationServer {
    private final String arn;
    private final String identifier;
    private final Connections connections;

    Imported(Construct scope, String id, DmsReplicationInstanceAttributes attributes) {
      super(scope, id);
      arn = attributes.getReplicationInstanceArn();
      identifier = DmsIdentifiers.stored(attributes.getReplicationInstanceIdentifier());
      connections =
          Connections.Builder.create().securityGroups(attributes.getSecurityGroups()).build();
    }

    @Override
    public String getReplicationInstanceArn() {
      return arn;
    }

    @Override
    public String getReplicationInstanceIdentifier() {
      return identifier;
    }

    @Override
    public Connections getConnections() {
      return connections;
    }
  }
}
