package io.github.dmsfleet.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.HIPAASecurityChecks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.dms.CfnReplicationInstance;

/** The example fleet, built from the constructs' jar alone, under cdk-nag. */
class ExampleFleetTest {
  private static ExampleFleet stack;
  private static Template template;

  @BeforeAll
  static void synthesizeUnderNag() {
    App app = new App();
    stack =
        new ExampleFleet(
            app,
            "Example",
            StackProps.builder()
                .env(Environment.builder().account("123456789012").region("eu-west-1").build())
                .build());
    // As the project's app checks: AwsSolutions on everything, HIPAA's DMS rule on the instance.
    Aspects.of(app).add(new AwsSolutionsChecks());
    stack.getNode().findAll().stream()
        .filter(CfnReplicationInstance.class::isInstance)
        .forEach(instance -> Aspects.of(instance).add(new HIPAASecurityChecks()));
    app.synth();
    template = Template.fromStack(stack);
  }

  @Test
  void passesCdkNagWithoutAcknowledgementsOfItsOwn() throws Exception {
    Annotations annotations = Annotations.fromStack(stack);
    annotations.hasNoError("*", Match.stringLikeRegexp("(AwsSolutions|HIPAA\\.Security)-.*"));
    annotations.hasNoWarning("*", Match.stringLikeRegexp("(AwsSolutions|HIPAA\\.Security)-.*"));
    assertThat(Files.readString(source())).doesNotContain("NagSuppressions", "cdknag");
  }

  @Test
  void theScenarioTakesUnderFiftyLinesOfClass() throws Exception {
    List<String> lines = Files.readAllLines(source());
    int classStart = lines.indexOf("public final class ExampleFleet extends Stack {");

    assertThat(lines.size() - classStart).isLessThan(50);
  }

  @Test
  void replicatesThreeDatabasesOfTwoServersIntoTheExistingBucket() {
    template.resourceCountIs("AWS::DMS::ReplicationInstance", 1);
    template.resourceCountIs("AWS::DMS::ReplicationTask", 3);
    template.resourcePropertiesCountIs(
        "AWS::DMS::Endpoint",
        Map.of(
            "S3Settings",
            Match.objectLike(
                Map.of(
                    "BucketName",
                    "acme-data-lake",
                    "ServerSideEncryptionKmsKeyId",
                    ExampleFleet.KEY))),
        3);
  }

  @Test
  void theMySqlDatabaseIsNamedByItsMappingNotItsEndpoint() {
    template.hasResourceProperties(
        "AWS::DMS::Endpoint", Map.of("EngineName", "mysql", "DatabaseName", Match.absent()));
    template.hasResourceProperties(
        "AWS::DMS::ReplicationTask",
        Map.of(
            "ReplicationTaskIdentifier",
            "shop-catalog-all",
            "TableMappings",
            Match.stringLikeRegexp(".*\"schema-name\":\"catalog\".*")));
    template.hasResourceProperties(
        "AWS::DMS::Endpoint", Map.of("EngineName", "postgres", "DatabaseName", "orders"));
  }

  @Test
  void alarmsNotifyTheExistingTopic() {
    template.resourceCountIs("AWS::SNS::Topic", 0);
    template.resourceCountIs("AWS::CloudWatch::Alarm", 2 + 3 * 2);
    template.allResourcesProperties(
        "AWS::CloudWatch::Alarm", Map.of("AlarmActions", List.of(ExampleFleet.TOPIC)));
  }

  private static Path source() {
    return Path.of("src/main/java/io/github/dmsfleet/example/ExampleFleet.java");
  }
}
