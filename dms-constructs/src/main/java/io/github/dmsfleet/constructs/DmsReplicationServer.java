package io.github.dmsfleet.constructs;

import io.github.dmsfleet.constructs.internal.Alarms;
import io.github.dmsfleet.constructs.internal.Problems;
import io.github.dmsfleet.rules.Defaults;
import io.github.dmsfleet.rules.DmsIdentifiers;
import io.github.dmsfleet.rules.ReplicationInstances;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.dms.CfnReplicationInstance;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * One DMS replication instance, never publicly accessible, with its storage encrypted under a
 * customer managed KMS key. Add the databases it replicates with {@link #addDatabase}.
 *
 * <p>Construct ids: {@code Resource} (the instance), {@code Key} (unless a key is given), {@code
 * FreeStorageSpaceAlarm} and {@code CpuUtilizationAlarm} (after {@link #addAlarms}), and one child
 * per database under the id given to {@link #addDatabase}.
 */
public class DmsReplicationServer extends Construct {
  /** The instance class unless {@code replicationInstanceClass} says otherwise. */
  public static final String DEFAULT_INSTANCE_CLASS = Defaults.INSTANCE_CLASS;

  /** The allocated storage unless {@code allocatedStorageGiB} says otherwise. */
  public static final int DEFAULT_ALLOCATED_STORAGE_GIB = Defaults.ALLOCATED_STORAGE_GIB;

  private static final String NAMESPACE = "AWS/DMS";
  private static final long BYTES_PER_GIB = 1024L * 1024 * 1024;

  private final CfnReplicationInstance replicationInstance;
  private final IKey encryptionKey;
  private final String replicationInstanceIdentifier;
  private final int allocatedStorageGiB;

  public DmsReplicationServer(Construct scope, String id, DmsReplicationServerProps props) {
    super(scope, id);
    validate(props);
    allocatedStorageGiB =
        Objects.requireNonNullElse(props.getAllocatedStorageGiB(), DEFAULT_ALLOCATED_STORAGE_GIB);
    // DMS stores the identifier in lower case, and CloudWatch reports it so.
    replicationInstanceIdentifier = DmsIdentifiers.stored(props.getReplicationInstanceIdentifier());
    encryptionKey =
        props.getEncryptionKey() != null
            ? props.getEncryptionKey()
            : Key.Builder.create(this, "Key")
                .description(
                    "Encrypts the storage of DMS replication instance "
                        + replicationInstanceIdentifier)
                .enableKeyRotation(true)
                .build();

    replicationInstance =
        CfnReplicationInstance.Builder.create(this, "Resource")
            .replicationInstanceIdentifier(props.getReplicationInstanceIdentifier())
            .replicationInstanceClass(
                Objects.requireNonNullElse(
                    props.getReplicationInstanceClass(), DEFAULT_INSTANCE_CLASS))
            .allocatedStorage(allocatedStorageGiB)
            .multiAz(Objects.requireNonNullElse(props.getMultiAz(), false))
            .engineVersion(props.getEngineVersion())
            .preferredMaintenanceWindow(props.getPreferredMaintenanceWindow())
            .autoMinorVersionUpgrade(
                Objects.requireNonNullElse(props.getAutoMinorVersionUpgrade(), true))
            // The DMS API defaults to a public instance: say no explicitly.
            .publiclyAccessible(false)
            .kmsKeyId(encryptionKey.getKeyArn())
            .replicationSubnetGroupIdentifier(props.getSubnetGroupIdentifier())
            .vpcSecurityGroupIds(
                props.getSecurityGroups().stream().map(ISecurityGroup::getSecurityGroupId).toList())
            .build();
    if (props.getAccountRoles() != null) {
      replicationInstance.getNode().addDependency(props.getAccountRoles());
    }
    Objects.requireNonNullElse(props.getTags(), Map.<String, String>of())
        .forEach((key, value) -> Tags.of(this).add(key, value));
  }

  /**
   * Adds one database: its source endpoint, S3 target endpoint and replication task, as a child of
   * this server (and so in this server's stack). {@code props} need not name the replication
   * server.
   */
  public DmsDatabaseMigration addDatabase(String id, DmsDatabaseMigrationProps props) {
    if (props.getReplicationServer() != null && props.getReplicationServer() != this) {
      throw new IllegalArgumentException(
          "Invalid DmsDatabaseMigration '"
              + id
              + "': 'replicationServer' names"
              + " another server than the one it is added to: leave it out");
    }
    return new DmsDatabaseMigration(this, id, props.toBuilder().replicationServer(this).build());
  }

  /**
   * Alarms on this instance, notifying {@code topic} (which may live in another stack): free
   * storage below 10% of the allocated storage and CPU utilization above 90%, for three 5-minute
   * periods.
   */
  public List<Alarm> addAlarms(ITopic topic) {
    return addAlarms(topic, DmsServerAlarmOptions.builder().build());
  }

  /** As {@link #addAlarms(ITopic)}, with other thresholds. */
  public List<Alarm> addAlarms(ITopic topic, DmsServerAlarmOptions options) {
    int freeStoragePercent = Objects.requireNonNullElse(options.getFreeStoragePercent(), 10);
    int cpuPercent = Objects.requireNonNullElse(options.getCpuUtilizationPercent(), 90);
    int periods = Objects.requireNonNullElse(options.getEvaluationPeriods(), 3);
    Problems problems = new Problems("DmsServerAlarmOptions of '" + getNode().getId() + "'");
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
            topic),
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
            topic));
  }

  /** Free storage in bytes, minimum over 5 minutes. */
  public Metric metricFreeStorageSpace() {
    return metricFreeStorageSpace(MetricOptions.builder().build());
  }

  /** Free storage in bytes, minimum over 5 minutes unless {@code options} say otherwise. */
  public Metric metricFreeStorageSpace(MetricOptions options) {
    return metric("FreeStorageSpace", "Minimum").with(options);
  }

  /** CPU utilization in percent, average over 5 minutes. */
  public Metric metricCpuUtilization() {
    return metricCpuUtilization(MetricOptions.builder().build());
  }

  /** CPU utilization in percent, average over 5 minutes unless {@code options} say otherwise. */
  public Metric metricCpuUtilization(MetricOptions options) {
    return metric("CPUUtilization", "Average").with(options);
  }

  /** The replication instance. */
  public CfnReplicationInstance getReplicationInstance() {
    return replicationInstance;
  }

  /** The ARN of the replication instance. */
  public String getReplicationInstanceArn() {
    return replicationInstance.getRef();
  }

  /** The replication instance identifier, in lower case as DMS stores it. */
  public String getReplicationInstanceIdentifier() {
    return replicationInstanceIdentifier;
  }

  /** The KMS key of the instance's storage. */
  public IKey getEncryptionKey() {
    return encryptionKey;
  }

  /** The allocated storage in GiB. */
  public int getAllocatedStorageGiB() {
    return allocatedStorageGiB;
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

  private void validate(DmsReplicationServerProps props) {
    Problems problems = new Problems("DmsReplicationServer '" + getNode().getId() + "'");
    problems.require(
        "replicationInstanceIdentifier",
        props.getReplicationInstanceIdentifier(),
        DmsIdentifiers.INSTANCE);
    problems.check(
        "replicationInstanceClass",
        props.getReplicationInstanceClass(),
        ReplicationInstances.INSTANCE_CLASS);
    problems.between(
        "allocatedStorageGiB",
        props.getAllocatedStorageGiB(),
        ReplicationInstances.ALLOCATED_STORAGE_GIB);
    problems.check(
        "preferredMaintenanceWindow",
        props.getPreferredMaintenanceWindow(),
        ReplicationInstances.MAINTENANCE_WINDOW);
    problems.require("subnetGroupIdentifier", props.getSubnetGroupIdentifier());
    problems.requireNotEmpty("securityGroups", props.getSecurityGroups());
    problems.throwIfAny();
  }
}
