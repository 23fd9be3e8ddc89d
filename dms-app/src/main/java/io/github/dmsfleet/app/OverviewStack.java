package io.github.dmsfleet.app;

import io.github.dmsfleet.constructs.DmsFleetDashboard;
import io.github.dmsfleet.constructs.DmsFleetDashboardProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * The fleet's overview dashboard, named as the stack. It finds its instances and tasks when it is
 * viewed, so no server or database changes this stack.
 */
public final class OverviewStack extends Stack {
  OverviewStack(Construct scope, String id, StackProps props) {
    super(scope, id, props);
    new DmsFleetDashboard(
        this, "Dashboard", DmsFleetDashboardProps.builder().dashboardName(id).build());
  }
}
