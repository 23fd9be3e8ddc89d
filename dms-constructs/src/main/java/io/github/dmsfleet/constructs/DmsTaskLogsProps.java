package io.github.dmsfleet.constructs;

import io.github.dmsfleet.rules.Defaults;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.kms.IKey;

/** Properties of {@link DmsTaskLogs}: whose task logs, how long they are kept, and their key. */
@Value.Immutable
public abstract class DmsTaskLogsProps {
  DmsTaskLogsProps() {}

  /**
   * The replication instance whose tasks write to the log group, created here or imported; the
   * group is named {@code dms-tasks-<its identifier>}, as DMS names it. Required.
   */
  public abstract IDmsReplicationServer getReplicationServer();

  /**
   * How many days the logs are kept: one of the retentions CloudWatch Logs takes (1, 3, 5, 7, 14,
   * 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653).
   * Default: 90.
   */
  @Value.Default
  public int getRetentionDays() {
    return Defaults.LOG_RETENTION_DAYS;
  }

  /**
   * The customer managed KMS key the logs are encrypted with. Its policy gets the statement that
   * lets CloudWatch Logs of this Region use it for the task log groups of this account and Region
   * ({@code dms-tasks-*}), the same statement for every instance, so that the key's policy does not
   * grow with the fleet; an imported key's policy must have it already. Default: none, as
   * CloudWatch Logs encrypts every log group with keys of its own.
   */
  public abstract @Nullable IKey getEncryptionKey();

  /**
   * What happens to the log group when it leaves the stack. Default: {@code
   * RETAIN_ON_UPDATE_OR_DELETE}: the logs outlive the stack (until their retention ends), and a
   * group that DMS created before can be imported into the stack ({@code cdk deploy
   * --import-existing-resources}), which CloudFormation allows only for a retained resource.
   */
  @Value.Default
  public RemovalPolicy getRemovalPolicy() {
    return RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE;
  }

  /** A builder for these props. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link DmsTaskLogsProps}. */
  public static final class Builder extends ImmutableDmsTaskLogsProps.Builder {
    /** Creates an empty builder. */
    public Builder() {}
  }
}
