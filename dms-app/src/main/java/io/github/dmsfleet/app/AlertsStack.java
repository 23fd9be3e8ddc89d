package io.github.dmsfleet.app;

import io.github.dmsfleet.constructs.DmsAlerts;
import io.github.dmsfleet.constructs.DmsAlertsProps;
import io.github.dmsfleet.model.Settings;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * The alert topic, its e-mail subscriptions and the DMS event subscriptions. The subscriptions
 * cover every instance and task of the account and Region rather than a list, so that adding a
 * database leaves this stack alone and the fleet uses two of the account's 60 event subscriptions
 * whatever its size.
 */
public final class AlertsStack extends Stack {
  private final DmsAlerts alerts;

  AlertsStack(Construct scope, String id, StackProps props, Settings settings) {
    super(scope, id, props);
    alerts =
        new DmsAlerts(
            this,
            "Alerts",
            DmsAlertsProps.builder().emailAddresses(settings.alertEmails()).build());
  }

  public DmsAlerts getAlerts() {
    return alerts;
  }
}
