package io.github.dmsfleet.constructs;

import java.util.List;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import software.amazon.awscdk.services.cloudwatch.IAlarm;

/**
 * Properties of {@link DmsServerDashboard}: the instance, the databases whose tasks run on it, and
 * the alarms whose state it shows.
 */
@Value.Immutable
public abstract class DmsServerDashboardProps {
  DmsServerDashboardProps() {}

  /**
   * The replication instance, created here or imported: its CPU, memory, storage and swap, and its
   * task error lines. Required.
   */
  public abstract IDmsReplicationServer getReplicationServer();

  /**
   * The databases whose tasks run on the instance, each a line (labelled with its name) in the
   * graphs of CDC latency, incoming changes and full-load throughput that apply to its migration
   * type. Default: none.
   */
  public abstract List<DmsDatabaseMigration> getDatabases();

  /**
   * The alarms whose state the dashboard shows first, those in ALARM at the top, such as those of
   * {@code DmsAlerts.alarmOnServer}, {@code alarmOnTaskLogs} and {@code alarmOnDatabase}. Default:
   * none.
   */
  public abstract List<IAlarm> getAlarms();

  /**
   * The dashboard's name: letters, digits, {@code -} and {@code _}, up to 255. Dashboards are
   * global to the account, so the name must be unique across Regions too. Default: a name
   * CloudFormation generates.
   */
  public abstract @Nullable String getDashboardName();

  /** A builder for these props. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link DmsServerDashboardProps}. */
  public static final class Builder extends ImmutableDmsServerDashboardProps.Builder {
    /** Creates an empty builder. */
    public Builder() {}
  }
}
