package io.github.dmsfleet.constructs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.assertions.Template;

/**
 * The body of a template's dashboard as JSON, with each CloudFormation value written as a short
 * placeholder: {@code {Ref:X}}, {@code {Arn:X}} for an ARN attribute, {@code {ResourceId:X}} for
 * the last part of X's ARN (which {@code Ref} or an ARN attribute gives).
 */
final class DashboardJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DashboardJson() {}

  /** The body of the one dashboard of the template. */
  @SuppressWarnings("unchecked")
  static JsonNode of(Template template) throws Exception {
    Map<String, Object> dashboard =
        template.findResources("AWS::CloudWatch::Dashboard").values().iterator().next();
    Object body = ((Map<String, Object>) dashboard.get("Properties")).get("DashboardBody");
    return JSON.readTree(text(body));
  }

  @SuppressWarnings("unchecked")
  private static String text(Object value) {
    if (value instanceof String string) {
      return string;
    }
    Map<String, Object> intrinsic = (Map<String, Object>) value;
    if (intrinsic.containsKey("Fn::Join")) {
      List<Object> join = (List<Object>) intrinsic.get("Fn::Join");
      StringBuilder text = new StringBuilder();
      ((List<Object>) join.get(1)).forEach(part -> text.append(text(part)));
      return text.toString();
    }
    if (intrinsic.containsKey("Ref")) {
      return "{Ref:" + intrinsic.get("Ref") + "}";
    }
    if (intrinsic.containsKey("Fn::GetAtt")) {
      return "{Arn:" + ((List<Object>) intrinsic.get("Fn::GetAtt")).get(0) + "}";
    }
    List<Object> select = (List<Object>) intrinsic.get("Fn::Select");
    Map<String, Object> split = (Map<String, Object>) select.get(1);
    Map<String, Object> arn = (Map<String, Object>) ((List<Object>) split.get("Fn::Split")).get(1);
    Object resource =
        arn.containsKey("Ref") ? arn.get("Ref") : ((List<Object>) arn.get("Fn::GetAtt")).get(0);
    return "{ResourceId:" + resource + "}";
  }
}
