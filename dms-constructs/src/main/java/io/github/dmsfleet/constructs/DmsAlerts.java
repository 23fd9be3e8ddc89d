package io.github.dmsfleet.constructs;

import io.github.dmsfleet.constructs.internal.Problems;
import io.github.dmsfleet.constructs.internal.StackFacts;
import io.github.dmsfleet.rules.Alerts;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.IAlarmAction;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
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
 * Where a fleet's alerts go: a KMS-encrypted, SSL-only SNS topic (or an existing one) with e-mail
 * subscriptions, fed by DMS event subscriptions for failing replication instances and tasks and by
 * the CloudWatch alarms of {@link #alarmOnServer}, {@link #alarmOnDatabase} and {@link
 * #alarmOnTaskLogs}.
 *
 * <p>Construct ids: {@code Resource} (the new topic), {@code Key} (unless a key or topic is given),
 * {@code InstanceEvents}, {@code TaskEvents}.
 */
public class DmsAlerts extends Construct {
  private static final List<String> PUBLISHERS =
      List.of("cloudwatch.amazonaws.com", "dms.amazonaws.com");

  private final ITopic topic;
  private final @Nullable IKey encryptionKey;
  private final IAlarmAction alarmAction;
  private final @Nullable CfnEventSubscription instanceEvents;
  private final @Nullable CfnEventSubscription taskEvents;

  /** A new topic with the defaults of {@link DmsAlertsProps}. */
  public DmsAlerts(Construct scope, String id) {
    this(scope, id, DmsAlertsProps.builder().build());
  }

  /** Alerts as {@code props} describe them. */
  public DmsAlerts(Construct scope, String id, DmsAlertsProps props) {
    super(scope, id);
    validate(id, props);
    if (props.getTopic() != null) {
      topic = props.getTopic();
      encryptionKey = null;
    } else {
      encryptionKey = props.getEncryptionKey() != null ? props.getEncryptionKey() : newKey(props);
      Topic newTopic =
          Topic.Builder.create(this, "Resource")
              .topicName(props.getTopicName())
              .masterKey(encryptionKey)
              .enforceSsl(true)
              .build();
      // The topic policy replaces SNS's default one, so services of this account need an explicit
      // allow.
      newTopic.addToResourcePolicy(
          PolicyStatement.Builder.create()
              .principals(publishers())
              .actions(List.of("sns:Publish"))
              .resources(List.of(newTopic.getTopicArn()))
              .conditions(
                  Map.of(
                      "StringEquals", Map.of("aws:SourceAccount", StackFacts.of(this).account())))
              .build());
      topic = newTopic;
    }
    // One action for every alarm: each alarm that gets it costs nothing more.
    alarmAction = new SnsAction(topic);
    props
        .getEmailAddresses()
        .forEach(address -> topic.addSubscription(new EmailSubscription(address)));

    if (props.getEventSubscriptions()) {
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
   * scope and so in its stack; see {@link DmsReplicationServer#addAlarms(IAlarmAction,
   * DmsServerAlarmOptions)}.
   */
  public List<Alarm> alarmOnServer(DmsReplicationServer server, DmsServerAlarmOptions options) {
    return server.addAlarms(alarmAction, options);
  }

  /** As {@link #alarmOnServer(DmsReplicationServer, DmsServerAlarmOptions)}, with the defaults. */
  public List<Alarm> alarmOnServer(DmsReplicationServer server) {
    return server.addAlarms(alarmAction);
  }

  /**
   * Alarms on the CDC latency of {@code database} notifying this topic, created in the database's
   * scope and so in its stack; see {@link DmsDatabaseMigration#addAlarms(IAlarmAction,
   * DmsTaskAlarmOptions)}.
   */
  public List<Alarm> alarmOnDatabase(DmsDatabaseMigration database, DmsTaskAlarmOptions options) {
    return database.addAlarms(alarmAction, options);
  }

  /** As {@link #alarmOnDatabase(DmsDatabaseMigration, DmsTaskAlarmOptions)}, with the defaults. */
  public List<Alarm> alarmOnDatabase(DmsDatabaseMigration database) {
    return database.addAlarms(alarmAction);
  }

  /**
   * An alarm on the task error lines of {@code taskLogs} notifying this topic, created in their
   * scope and so in their stack; see {@link DmsTaskLogs#addAlarm}.
   */
  public Alarm alarmOnTaskLogs(DmsTaskLogs taskLogs) {
    return taskLogs.addAlarm(alarmAction);
  }

  /**
   * Alarms on the CDC latency and capacity utilization of {@code database}, a DMS Serverless
   * replication, notifying this topic, created in the database's scope and so in its stack; see
   * {@link DmsServerlessDatabaseMigration#addAlarms(IAlarmAction, DmsServerlessAlarmOptions)}.
   */
  public List<Alarm> alarmOnDatabase(
      DmsServerlessDatabaseMigration database, DmsServerlessAlarmOptions options) {
    return database.addAlarms(alarmAction, options);
  }

  /**
   * As {@link #alarmOnDatabase(DmsServerlessDatabaseMigration, DmsServerlessAlarmOptions)}, with
   * the defaults.
   */
  public List<Alarm> alarmOnDatabase(DmsServerlessDatabaseMigration database) {
    return database.addAlarms(alarmAction);
  }

  /** The topic, new or existing. */
  public ITopic getTopic() {
    return topic;
  }

  /** The action that notifies the topic, for other alarms. */
  public IAlarmAction getAlarmAction() {
    return alarmAction;
  }

  /** The KMS key of a new topic; null for an existing topic. */
  public @Nullable IKey getEncryptionKey() {
    return encryptionKey;
  }

  /** The event subscription for replication instances; null when event subscriptions are off. */
  public @Nullable CfnEventSubscription getInstanceEventSubscription() {
    return instanceEvents;
  }

  /** The event subscription for replication tasks; null when event subscriptions are off. */
  public @Nullable CfnEventSubscription getTaskEventSubscription() {
    return taskEvents;
  }

  private Key newKey(DmsAlertsProps props) {
    Key key =
        Key.Builder.create(this, "Key")
            .description("Encrypts the DMS alerts topic " + getNode().getPath())
            .enableKeyRotation(true)
            .removalPolicy(props.getRemovalPolicy())
            .build();
    // CloudWatch alarms and DMS events publish to the encrypted topic as services.
    key.addToResourcePolicy(
        PolicyStatement.Builder.create()
            .principals(publishers())
            .actions(List.of("kms:Decrypt", "kms:GenerateDataKey*"))
            .resources(List.of("*"))
            .build());
    return key;
  }

  private static List<IPrincipal> publishers() {
    return PUBLISHERS.stream().<IPrincipal>map(ServicePrincipal::new).toList();
  }

  private CfnEventSubscription subscription(
      String id, String sourceType, List<String> categories, @Nullable List<String> sourceIds) {
    return CfnEventSubscription.Builder.create(this, id)
        .snsTopicArn(topic.getTopicArn())
        .sourceType(sourceType)
        .eventCategories(categories)
        .sourceIds(sourceIds)
        .enabled(true)
        .build();
  }

  private static void validate(String id, DmsAlertsProps props) {
    Problems problems = new Problems("DmsAlerts '" + id + "'");
    boolean newTopic = props.getTopic() == null;
    String newTopicOnly = "to a new topic, but an existing 'topic' is given";
    problems.rejectUnless(newTopic, "encryptionKey", props.getEncryptionKey(), newTopicOnly);
    problems.rejectUnless(newTopic, "topicName", props.getTopicName(), newTopicOnly);
    problems.rejectUnless(
        newTopic && props.getEncryptionKey() == null,
        "removalPolicy",
        props.getRemovalPolicy(),
        "to a new key, but an existing 'topic' or 'encryptionKey' is given");
    problems.checkEach("emailAddresses", props.getEmailAddresses(), Alerts.EMAIL_ADDRESS);
    rejectEmpty(problems, "instanceEventCategories", props.getInstanceEventCategories());
    rejectEmpty(problems, "taskEventCategories", props.getTaskEventCategories());
    rejectEmpty(problems, "replicationInstanceIds", props.getReplicationInstanceIds());
    rejectEmpty(problems, "replicationTaskIds", props.getReplicationTaskIds());
    problems.throwIfAny();
  }

  private static void rejectEmpty(Problems problems, String name, @Nullable List<String> values) {
    if (values != null && values.isEmpty()) {
      problems.add("'" + name + "' must hold at least one element; leave it out for the default");
    }
  }
}
