package io.github.dmsfleet.constructs;

import io.github.dmsfleet.constructs.internal.Problems;
import io.github.dmsfleet.rules.Alerts;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.dms.CfnEventSubscription;
import software.amazon.awscdk.services.iam.IPrincipal;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * Where a fleet's alerts go: a KMS-encrypted, SSL-only SNS topic with e-mail subscriptions, fed by
 * DMS event subscriptions for failing replication instances and tasks and by the CloudWatch alarms
 * of {@link #alarmOnServer} and {@link #alarmOnTask}.
 *
 * <p>Construct ids: {@code Resource} (the topic), {@code Key} (unless a key is given), {@code
 * InstanceEvents}, {@code TaskEvents}.
 */
public class DmsAlerts extends Construct {
  private static final List<String> PUBLISHERS =
      List.of("cloudwatch.amazonaws.com", "dms.amazonaws.com");

  private final Topic topic;
  private final IKey encryptionKey;
  private final CfnEventSubscription instanceEvents;
  private final CfnEventSubscription taskEvents;

  public DmsAlerts(Construct scope, String id) {
    this(scope, id, DmsAlertsProps.builder().build());
  }

  public DmsAlerts(Construct scope, String id, DmsAlertsProps props) {
    super(scope, id);
    validate(props);
    String account = Stack.of(this).getAccount();
    if (props.getEncryptionKey() != null) {
      encryptionKey = props.getEncryptionKey();
    } else {
      Key key =
          Key.Builder.create(this, "Key")
              .description("Encrypts the DMS alerts topic " + getNode().getPath())
              .enableKeyRotation(true)
              .build();
      // CloudWatch alarms and DMS events publish to the encrypted topic as services.
      key.addToResourcePolicy(
          PolicyStatement.Builder.create()
              .principals(publishers())
              .actions(List.of("kms:Decrypt", "kms:GenerateDataKey*"))
              .resources(List.of("*"))
              .build());
      encryptionKey = key;
    }
    topic =
        Topic.Builder.create(this, "Resource")
            .topicName(props.getTopicName())
            .masterKey(encryptionKey)
            .enforceSsl(true)
            .build();
    // The topic policy replaces SNS's default one, so services of this account need an explicit
    // allow.
    topic.addToResourcePolicy(
        PolicyStatement.Builder.create()
            .principals(publishers())
            .actions(List.of("sns:Publish"))
            .resources(List.of(topic.getTopicArn()))
            .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", account)))
            .build());
    Objects.requireNonNullElse(props.getEmailAddresses(), List.<String>of())
        .forEach(address -> topic.addSubscription(new EmailSubscription(address)));

    if (Objects.requireNonNullElse(props.getEventSubscriptions(), true)) {
      instanceEvents =
          subscription(
              "InstanceEvents",
              "replication-instance",
              Objects.requireNonNullElse(
                  props.getInstanceEventCategories(), List.of("failure", "low storage")),
              props.getReplicationInstanceIds());
      taskEvents =
          subscription(
              "TaskEvents",
              "replication-task",
              Objects.requireNonNullElse(props.getTaskEventCategories(), List.of("failure")),
              props.getReplicationTaskIds());
    } else {
      instanceEvents = null;
      taskEvents = null;
    }
  }

  /**
   * Alarms on {@code server} (free storage, CPU) notifying this topic, created in the server's
   * scope and so in its stack; see {@link DmsReplicationServer#addAlarms(ITopic,
   * DmsServerAlarmOptions)}.
   */
  public List<Alarm> alarmOnServer(DmsReplicationServer server, DmsServerAlarmOptions options) {
    return server.addAlarms(topic, options);
  }

  /**
   * As {@link #alarmOnServer(DmsReplicationServer, DmsServerAlarmOptions)} with the default
   * thresholds.
   */
  public List<Alarm> alarmOnServer(DmsReplicationServer server) {
    return server.addAlarms(topic);
  }

  /**
   * Alarms on the CDC latency of {@code migration} notifying this topic, created in the migration's
   * scope and so in its stack; see {@link DmsDatabaseMigration#addAlarms(ITopic,
   * DmsTaskAlarmOptions)}.
   */
  public List<Alarm> alarmOnTask(DmsDatabaseMigration migration, DmsTaskAlarmOptions options) {
    return migration.addAlarms(topic, options);
  }

  /**
   * As {@link #alarmOnTask(DmsDatabaseMigration, DmsTaskAlarmOptions)} with the default thresholds.
   */
  public List<Alarm> alarmOnTask(DmsDatabaseMigration migration) {
    return migration.addAlarms(topic);
  }

  /** The topic. */
  public ITopic getTopic() {
    return topic;
  }

  /** The KMS key of the topic. */
  public IKey getEncryptionKey() {
    return encryptionKey;
  }

  /** The event subscription for replication instances; empty when event subscriptions are off. */
  public Optional<CfnEventSubscription> getInstanceEventSubscription() {
    return Optional.ofNullable(instanceEvents);
  }

  /** The event subscription for replication tasks; empty when event subscriptions are off. */
  public Optional<CfnEventSubscription> getTaskEventSubscription() {
    return Optional.ofNullable(taskEvents);
  }

  private static List<IPrincipal> publishers() {
    return PUBLISHERS.stream().<IPrincipal>map(ServicePrincipal::new).toList();
  }

  private CfnEventSubscription subscription(
      String id, String sourceType, List<String> categories, List<String> sourceIds) {
    return CfnEventSubscription.Builder.create(this, id)
        .snsTopicArn(topic.getTopicArn())
        .sourceType(sourceType)
        .eventCategories(categories)
        .sourceIds(sourceIds)
        .enabled(true)
        .build();
  }

  private void validate(DmsAlertsProps props) {
    Problems problems = new Problems("DmsAlerts '" + getNode().getId() + "'");
    problems.checkEach("emailAddresses", props.getEmailAddresses(), Alerts.EMAIL_ADDRESS);
    rejectEmpty(problems, "instanceEventCategories", props.getInstanceEventCategories());
    rejectEmpty(problems, "taskEventCategories", props.getTaskEventCategories());
    rejectEmpty(problems, "replicationInstanceIds", props.getReplicationInstanceIds());
    rejectEmpty(problems, "replicationTaskIds", props.getReplicationTaskIds());
    problems.throwIfAny();
  }

  private static void rejectEmpty(Problems problems, String name, List<String> values) {
    if (values != null && values.isEmpty()) {
      problems.add("'" + name + "' must hold at least one element; leave it out for the default");
    }
  }
}
