package io.github.dmsfleet.constructs.internal;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IAlarmAction;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.constructs.Construct;

/** Alarms that notify when they go off and when they recover. */
public final class Alarms {
  /**
   * The period of every DMS metric the constructs offer; one shared value spares a jsii call per
   * metric.
   */
  public static final Duration METRIC_PERIOD = Duration.minutes(5);

  private Alarms() {}

  public static Alarm notifying(
      Construct scope,
      String id,
      IMetric metric,
      ComparisonOperator comparison,
      double threshold,
      int evaluationPeriods,
      TreatMissingData missingData,
      String description,
      IAlarmAction action) {
    Alarm alarm =
        Alarm.Builder.create(scope, id)
            .metric(metric)
            .comparisonOperator(comparison)
            .threshold(threshold)
            .evaluationPeriods(evaluationPeriods)
            .treatMissingData(missingData)
            .alarmDescription(description)
            .build();
    alarm.addAlarmAction(action);
    alarm.addOkAction(action);
    return alarm;
  }
}
