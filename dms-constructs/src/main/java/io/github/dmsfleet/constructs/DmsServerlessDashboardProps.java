package io.github.dmsfleet.constructs;

import java.util.List;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import software.amazon.awscdk.services.cloudwatch.IAlarm;

/**
 * Properties of {@link DmsServerlessDashboard}: the DMS Serverless replications of one source
 * server, and the alarms whose state it shows.
 */
@Value.Immutable
public abstract class DmsServerlessDashboardProps {
  DmsServerlessDashboardProps() {}

  /**
   * The databases, each a line (labelled with its name) in the graphs of CDC latency, incoming
   * changes and full-load throughput that apply to its migration type, and in the graph of capacity
   * utilization. Default: none.
   */
  public abstract List<DmsServerlessDatabaseMigration> getDatabases();

  /**
   * The alarms whose state the dashboard shows first, those in ALARM at the top, such as those of
   * {@code DmsAlerts.alarmOnDatabase}. Default: none.
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

  /** Builds {@link DmsServerlessDashboardProps}. */
  public static final class Builder extends ImmutableDmsServerlessDashboardProps.Builder {
    /** Creates an empty builder. */
    public Builder() {}
  }
}
