package io.github.dmsfleet.constructs;

import java.util.List;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.sns.ITopic;

/** Properties of {@link DmsAlerts}. */
@Value.Immutable
public abstract class DmsAlertsProps {
  DmsAlertsProps() {}

  /**
   * An existing topic to send the alerts to. Its policy (and its key's) must let {@code
   * cloudwatch.amazonaws.com} and {@code dms.amazonaws.com} publish; an imported topic's policy is
   * not changed here.
   *
   * <p>Default: a new topic, encrypted with a customer managed key and refusing non-SSL requests.
   */
  public abstract @Nullable ITopic getTopic();

  /** E-mail addresses subscribed to the topic; each must confirm. Default: none. */
  public abstract List<String> getEmailAddresses();

  /**
   * The KMS key of the new topic, whose policy must let CloudWatch and DMS use it. Only without
   * {@code topic}. Default: a new key with that policy and rotation on.
   */
  public abstract @Nullable IKey getEncryptionKey();

  /** The name of the new topic. Only without {@code topic}. Default: generated. */
  public abstract @Nullable String getTopicName();

  /**
   * What happens to the new key when it leaves the stack. Only without {@code topic} and {@code
   * encryptionKey}. Default: {@code RETAIN}, as for every CDK key.
   */
  public abstract @Nullable RemovalPolicy getRemovalPolicy();

  /**
   * Whether DMS event subscriptions feed the topic: one for replication instances, one for tasks
   * (an account may have 60).
   *
   * <p>Default: true.
   */
  @Value.Default
  public boolean getEventSubscriptions() {
    return true;
  }

  /**
   * DMS event categories of replication instances. Default: {@code failure}, {@code low storage}.
   */
  public abstract @Nullable List<String> getInstanceEventCategories();

  /** DMS event categories of replication tasks. Default: {@code failure}. */
  public abstract @Nullable List<String> getTaskEventCategories();

  /**
   * The replication instances whose events are sent. Default: every instance of the account in the
   * Region, later ones included.
   */
  public abstract @Nullable List<String> getReplicationInstanceIds();

  /**
   * The replication tasks whose events are sent. Default: every task of the account in the Region,
   * later ones included.
   */
  public abstract @Nullable List<String> getReplicationTaskIds();

  /** A builder for these props. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link DmsAlertsProps}. */
  public static final class Builder extends ImmutableDmsAlertsProps.Builder {
    /** Creates an empty builder. */
    public Builder() {}
  }
}
