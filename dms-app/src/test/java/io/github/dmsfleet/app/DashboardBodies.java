package io.github.dmsfleet.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A synthesized dashboard body as JSON, each CloudFormation value in it written as a short
 * placeholder: {@code @Ref:X}, {@code @Arn:X}, {@code @ResourceId:X} for the last part of the ARN
 * that {@code Ref X} gives.
 */
final class DashboardBodies {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DashboardBodies() {}

  /** The body of the template's one dashboard. */
  static JsonNode of(JsonNode template) {
    for (JsonNode resource : template.path("Resources")) {
      if (resource.path("Type").asText().equals("AWS::CloudWatch::Dashboard")) {
        try {
          return JSON.readTree(text(resource.path("Properties").path("DashboardBody")));
        } catch (JsonProcessingException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    throw new AssertionError("no dashboard");
  }

  /** The labels of the metrics of the graph titled {@code title}. */
  static List<String> labels(JsonNode body, String title) {
    List<String> labels = new ArrayList<>();
    for (JsonNode widget : body.path("widgets")) {
      if (widget.path("properties").path("title").asText().equals(title)) {
        widget
            .path("properties")
            .path("metrics")
            .forEach(metric -> labels.add(metric.get(metric.size() - 1).path("label").asText()));
      }
    }
    return labels;
  }

  private static String text(JsonNode value) {
    if (value.isTextual()) {
      return value.asText();
    }
    if (value.has("Fn::Join")) {
      StringBuilder text = new StringBuilder();
      value.get("Fn::Join").get(1).forEach(part -> text.append(text(part)));
      return text.toString();
    }
    if (value.has("Ref")) {
      return "@Ref:" + value.get("Ref").asText();
    }
    if (value.has("Fn::GetAtt")) {
      return "@Arn:" + value.get("Fn::GetAtt").get(0).asText();
    }
    return "@ResourceId:" + value.at("/Fn::Select/1/Fn::Split/1/Ref").asText();
  }
}
