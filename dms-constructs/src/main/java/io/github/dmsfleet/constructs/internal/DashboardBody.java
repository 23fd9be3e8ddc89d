package io.github.dmsfleet.constructs.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awscdk.services.cloudwatch.AlarmStatusWidget;
import software.amazon.awscdk.services.cloudwatch.AlarmStatusWidgetSortBy;
import software.amazon.awscdk.services.cloudwatch.CfnDashboard;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.constructs.Construct;

/**
 * A CloudWatch dashboard body, written in Java from values the constructs hold already, so that a
 * dashboard of many databases costs no call into the CDK per metric. Widgets are laid out row by
 * row on the dashboard's grid of 24 columns, in the order they are added.
 *
 * <p>Values that are CDK tokens (a Region, a task's resource id, an alarm's ARN) stay in the JSON
 * as the CDK's token strings, which the CDK resolves when it writes the template. Such values hold
 * only letters, digits, {@code -}, {@code :} and {@code /}, so they need no JSON escaping.
 */
public final class DashboardBody {
  /** Columns of the dashboard grid. */
  public static final int FULL_WIDTH = 24;

  /** The height of a row of graphs. */
  public static final int GRAPH_HEIGHT = 6;

  /** CloudWatch's alarm status widget shows at most 100 alarms. */
  public static final int ALARMS_PER_WIDGET = 100;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int PERIOD_SECONDS = (int) Alarms.METRIC_PERIOD.toSeconds();

  private final String region;
  private final ArrayNode widgets = MAPPER.createArrayNode();
  private int nextRow;

  /**
   * @param region the Region of the metrics and logs the widgets show
   */
  public DashboardBody(String region) {
    this.region = region;
  }

  /**
   * Adds {@code widgets} side by side on a row of its own, each {@code FULL_WIDTH / n} columns wide
   * and {@code height} rows high. Widgets that are null (nothing to show) are left out.
   */
  public void row(int height, @Nullable ObjectNode... row) {
    List<ObjectNode> shown = Arrays.stream(row).filter(Objects::nonNull).toList();
    if (shown.isEmpty()) {
      return;
    }
    int width = FULL_WIDTH / shown.size();
    for (int i = 0; i < shown.size(); i++) {
      ObjectNode widget = shown.get(i);
      widget.put("x", i * width).put("y", nextRow).put("width", width).put("height", height);
      widgets.add(widget);
    }
    nextRow += height;
  }

  /**
   * Rows of the state of {@code alarms}, those in ALARM first, up to 100 a widget (CloudWatch's
   * limit); no row when there is none. The alarms' ARNs are the CDK's to know: one rendered widget
   * hands a hundred over at once.
   */
  public void alarms(List<IAlarm> alarms) {
    for (int first = 0; first < alarms.size(); first += ALARMS_PER_WIDGET) {
      List<IAlarm> shown =
          alarms.subList(first, Math.min(alarms.size(), first + ALARMS_PER_WIDGET));
      row(
          2 + Math.min(10, (shown.size() + 3) / 4),
          rendered(
              AlarmStatusWidget.Builder.create()
                  .title(first == 0 ? "Alarms" : "Alarms, continued")
                  .alarms(shown)
                  .sortBy(AlarmStatusWidgetSortBy.STATE_UPDATED_TIMESTAMP)
                  .build()
                  .toJson()));
    }
  }

  /** A graph of {@code metrics} over time; null when there is none. */
  public @Nullable ObjectNode graph(
      String title, String stat, String unitLabel, List<ArrayNode> metrics) {
    if (metrics.isEmpty()) {
      return null;
    }
    ObjectNode properties = metricProperties(title, stat, unitLabel);
    metrics.forEach(properties.withArray("metrics")::add);
    return widget("metric", properties);
  }

  /**
   * A graph of the series one expression finds (a SEARCH or a Metrics Insights query), with a
   * horizontal line at {@code line} unless it is null.
   */
  public ObjectNode expressionGraph(
      String title,
      String stat,
      String unitLabel,
      String expression,
      @Nullable Double line,
      @Nullable String lineLabel) {
    ObjectNode properties = metricProperties(title, stat, unitLabel);
    properties
        .withArray("metrics")
        .addArray()
        .addObject()
        .put("expression", expression)
        .put("id", "e1")
        .put("period", PERIOD_SECONDS);
    if (line != null) {
      properties
          .putObject("annotations")
          .putArray("horizontal")
          .addObject()
          .put("label", lineLabel)
          .put("value", line);
    }
    return widget("metric", properties);
  }

  /** A table of the latest log events {@code query} finds in {@code logGroupName}. */
  public ObjectNode logTable(String title, String logGroupName, String query) {
    ObjectNode properties =
        MAPPER
            .createObjectNode()
            .put("title", title)
            .put("region", region)
            .put("view", "table")
            .put("query", "SOURCE '" + logGroupName + "' | " + query);
    return widget("log", properties);
  }

  /** Text in Markdown. */
  public ObjectNode text(String markdown) {
    return widget("text", MAPPER.createObjectNode().put("markdown", markdown));
  }

  /**
   * A widget the CDK rendered ({@code IWidget.toJson()}), such as an alarm status widget whose
   * alarm ARNs only the CDK knows.
   */
  private static ObjectNode rendered(List<Object> cdkWidget) {
    return (ObjectNode) MAPPER.valueToTree(cdkWidget.get(0));
  }

  /**
   * A metric of the {@code AWS/DMS} namespace with its dimensions, as a graph lists it, labelled
   * {@code label} unless it is null.
   */
  public static ArrayNode dmsMetric(
      String metricName, @Nullable String label, String... dimensions) {
    ArrayNode metric = MAPPER.createArrayNode().add("AWS/DMS").add(metricName);
    for (String part : dimensions) {
      metric.add(part);
    }
    if (label != null) {
      metric.addObject().put("label", label);
    }
    return metric;
  }

  /** A dashboard of this body, named {@code name} unless it is null, as the child "Resource". */
  public CfnDashboard addTo(Construct scope, @Nullable String name) {
    return CfnDashboard.Builder.create(scope, "Resource")
        .dashboardName(name)
        .dashboardBody(json())
        .build();
  }

  /** The body, as {@code AWS::CloudWatch::Dashboard} takes it. */
  String json() {
    try {
      return MAPPER.writeValueAsString(MAPPER.createObjectNode().set("widgets", widgets));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private ObjectNode metricProperties(String title, String stat, String unitLabel) {
    ObjectNode properties =
        MAPPER
            .createObjectNode()
            .put("title", title)
            .put("region", region)
            .put("view", "timeSeries")
            .put("stacked", false)
            .put("stat", stat)
            .put("period", PERIOD_SECONDS);
    properties
        .putObject("yAxis")
        .putObject("left")
        .put("min", 0)
        .put("label", unitLabel)
        .put("showUnits", false);
    return properties;
  }

  private static ObjectNode widget(String type, JsonNode properties) {
    ObjectNode widget = MAPPER.createObjectNode().put("type", type);
    widget.set("properties", properties);
    return widget;
  }
}
