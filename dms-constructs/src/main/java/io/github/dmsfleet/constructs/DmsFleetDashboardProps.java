package io.github.dmsfleet.constructs;

import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/** Properties of {@link DmsFleetDashboard}. */
@Value.Immutable
public abstract class DmsFleetDashboardProps {
  DmsFleetDashboardProps() {}

  /**
   * The dashboard's name: letters, digits, {@code -} and {@code _}, up to 255. Dashboards are
   * global to the account, so the name must be unique across Regions too. Default: a name
   * CloudFormation generates.
   */
  public abstract @Nullable String getDashboardName();

  /**
   * The CDC latency drawn as a line on the latency graphs, in seconds: where the tasks' latency
   * alarms go off. Default: 600, the default of {@link DmsTaskAlarmOptions#getCdcLatencySeconds()}.
   */
  @Value.Default
  public int getCdcLatencySeconds() {
    return DmsTaskAlarmOptions.create().getCdcLatencySeconds();
  }

  /** The defaults. */
  public static DmsFleetDashboardProps create() {
    return builder().build();
  }

  /** A builder for these props. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link DmsFleetDashboardProps}. */
  public static final class Builder extends ImmutableDmsFleetDashboardProps.Builder {
    /** Creates an empty builder. */
    public Builder() {}
  }
}
