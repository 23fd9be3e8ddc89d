package io.github.dmsfleet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;

class FleetStacksTest {
  @Test
  void stacksAreEnvironmentAgnosticWithoutTheCdkVariables() {
    assertThat(FleetStacks.environmentFrom(Map.of("HOME", "/root"))).isNull();
  }

  @Test
  void theCdkVariablesGiveAccountAndRegion() {
    Environment environment =
        FleetStacks.environmentFrom(
            Map.of("CDK_DEFAULT_ACCOUNT", "123456789012", "CDK_DEFAULT_REGION", "eu-west-1"));

    assertThat(environment.getAccount()).isEqualTo("123456789012");
    assertThat(environment.getRegion()).isEqualTo("eu-west-1");
  }

  @Test
  void cdkJsonGivesTheCliTheAppsFeatureFlags() throws Exception {
    JsonNode context =
        new ObjectMapper().readTree(Path.of("..", "cdk.json").toFile()).path("context");
    Map<String, Object> flags = DmsFleetApp.featureFlags();

    assertThat(flags)
        .hasSizeGreaterThan(80)
        .containsEntry("@aws-cdk/core:defaultCrossStackReferences", "strong");
    flags.forEach(
        (flag, value) ->
            assertThat(context.path(flag).toString())
                .as(flag)
                .isEqualTo(new ObjectMapper().valueToTree(value).toString()));
  }

  @Test
  void writesCdkNagReportsOnlyWhenAsked(@TempDir Path work) throws Exception {
    Path config = SyntheticConfig.write(work.resolve("config"), 1, 1);

    Synthesized quiet = Synthesized.from(config, work.resolve("quiet"));
    Synthesized audited =
        Synthesized.from(
            config, work.resolve("audited"), Map.of(DmsFleetApp.NAG_REPORTS_CONTEXT, "true"));

    assertThat(quiet.exitCode()).isZero();
    assertThat(quiet.nagReports()).isEmpty();
    assertThat(audited.exitCode()).isZero();
    assertThat(audited.nagReports())
        .contains(
            "AwsSolutions-DmsFleet-Network-NagReport.csv",
            "AwsSolutions-DmsFleet-Server-sqlsrv1-NagReport.csv",
            "HIPAA.Security-DmsFleet-Server-sqlsrv1-NagReport.csv");
  }

  @Test
  void templateValidationFindingsFailSynthesis(@TempDir Path outdir) throws Exception {
    App app = DmsFleetApp.newApp(Map.of(), outdir);
    Stack stack = new Stack(app, "Invalid");
    CfnResource.Builder.create(stack, "EndpointWithoutType")
        .type("AWS::DMS::Endpoint")
        .properties(Map.of("EngineName", "sqlserver"))
        .build();

    assertThatThrownBy(app::synth).hasMessageContaining("ValidationFailed: Validation failed.");
    assertThat(Files.readString(outdir.resolve("validation-report.json")))
        .contains("\"description\": \"Properties: 'EndpointType' is a required property\"");
  }
}
