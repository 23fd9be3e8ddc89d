package io.github.dmsfleet.constructs;

import java.util.List;
import software.amazon.awscdk.services.kms.IKey;

/** Properties of {@link DmsAlerts}. */
public final class DmsAlertsProps {
  private final List<String> emailAddresses;
  private final IKey encryptionKey;
  private final String topicName;
  private final Boolean eventSubscriptions;
  private final List<String> instanceEventCategories;
  private final List<String> taskEventCategories;
  private final List<String> replicationInstanceIds;
  private final List<String> replicationTaskIds;

  private DmsAlertsProps(Builder builder) {
    this.emailAddresses = copy(builder.emailAddresses);
    this.encryptionKey = builder.encryptionKey;
    this.topicName = builder.topicName;
    this.eventSubscriptions = builder.eventSubscriptions;
    this.instanceEventCategories = copy(builder.instanceEventCategories);
    this.taskEventCategories = copy(builder.taskEventCategories);
    this.replicationInstanceIds = copy(builder.replicationInstanceIds);
    this.replicationTaskIds = copy(builder.replicationTaskIds);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * E-mail addresses subscribed to the topic; each must confirm its subscription. Default: none.
   */
  public List<String> getEmailAddresses() {
    return emailAddresses;
  }

  /**
   * The KMS key of the topic. Its key policy must let {@code cloudwatch.amazonaws.com} and {@code
   * dms.amazonaws.com} use it ({@code kms:Decrypt}, {@code kms:GenerateDataKey*}).
   *
   * <p>Default: a new customer managed key with yearly rotation and that key policy.
   */
  public IKey getEncryptionKey() {
    return encryptionKey;
  }

  /** The name of the topic. Default: a name CloudFormation generates. */
  public String getTopicName() {
    return topicName;
  }

  /**
   * Whether to subscribe the topic to DMS events: one subscription for replication instances and
   * one for replication tasks (DMS allows 60 subscriptions per account, so one per source type
   * serves a whole fleet).
   *
   * <p>Default: true.
   */
  public Boolean getEventSubscriptions() {
    return eventSubscriptions;
  }

  /**
   * Replication instance event categories to subscribe to. Default: {@code failure}, {@code low
   * storage}.
   */
  public List<String> getInstanceEventCategories() {
    return instanceEventCategories;
  }

  /** Replication task event categories to subscribe to. Default: {@code failure}. */
  public List<String> getTaskEventCategories() {
    return taskEventCategories;
  }

  /**
   * The replication instances whose events are sent. Default: every replication instance of the
   * account in this Region, including those created later.
   */
  public List<String> getReplicationInstanceIds() {
    return replicationInstanceIds;
  }

  /**
   * The replication tasks whose events are sent. Default: every replication task of the account in
   * this Region, including those created later.
   */
  public List<String> getReplicationTaskIds() {
    return replicationTaskIds;
  }

  private static List<String> copy(List<String> list) {
    return list == null ? null : List.copyOf(list);
  }

  /** Builds {@link DmsAlertsProps}. */
  public static final class Builder {
    private List<String> emailAddresses;
    private IKey encryptionKey;
    private String topicName;
    private Boolean eventSubscriptions;
    private List<String> instanceEventCategories;
    private List<String> taskEventCategories;
    private List<String> replicationInstanceIds;
    private List<String> replicationTaskIds;

    private Builder() {}

    /** Sets {@link DmsAlertsProps#getEmailAddresses()}. */
    public Builder emailAddresses(List<String> emailAddresses) {
      this.emailAddresses = emailAddresses;
      return this;
    }

    /** Sets {@link DmsAlertsProps#getEncryptionKey()}. */
    public Builder encryptionKey(IKey encryptionKey) {
      this.encryptionKey = encryptionKey;
      return this;
    }

    /** Sets {@link DmsAlertsProps#getTopicName()}. */
    public Builder topicName(String topicName) {
      this.topicName = topicName;
      return this;
    }

    /** Sets {@link DmsAlertsProps#getEventSubscriptions()}. */
    public Builder eventSubscriptions(Boolean eventSubscriptions) {
      this.eventSubscriptions = eventSubscriptions;
      return this;
    }

    /** Sets {@link DmsAlertsProps#getInstanceEventCategories()}. */
    public Builder instanceEventCategories(List<String> instanceEventCategories) {
      this.instanceEventCategories = instanceEventCategories;
      return this;
    }

    /** Sets {@link DmsAlertsProps#getTaskEventCategories()}. */
    public Builder taskEventCategories(List<String> taskEventCategories) {
      this.taskEventCategories = taskEventCategories;
      return this;
    }

    /** Sets {@link DmsAlertsProps#getReplicationInstanceIds()}. */
    public Builder replicationInstanceIds(List<String> replicationInstanceIds) {
      this.replicationInstanceIds = replicationInstanceIds;
      return this;
    }

    /** Sets {@link DmsAlertsProps#getReplicationTaskIds()}. */
    public Builder replicationTaskIds(List<String> replicationTaskIds) {
      this.replicationTaskIds = replicationTaskIds;
      return this;
    }

    public DmsAlertsProps build() {
      return new DmsAlertsProps(this);
    }
  }
}
