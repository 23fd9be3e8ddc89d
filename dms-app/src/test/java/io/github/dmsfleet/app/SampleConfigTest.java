package io.github.dmsfleet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dmsfleet.rules.DmsIdentifiers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample config, with a credentials file beside it, synthesized once through the app. */
class SampleConfigTest {
  private static final String CREDENTIALS =
      """
      servername,dbname,username,password,ipaddress,port,engine
      dbserver1,dbname1,svc_reader_7731,"Pw,with""quotes""_9931",10.42.7.31,14331,sqlserver
      dbserver1,dbname2,svc_reader_7731,=leading-equals-5512,10.42.7.31,14331,sqlserver
      dbserver1,dbname3,svc_reader_7731,pässwört-8842,10.42.7.31,14331,sqlserver
      dbserver2,sales,svc_reader_7732,sales-secret-3307,10.42.7.32,14331,sqlserver
      dbserver2,inventory,svc_reader_7732,inventory-secret-4408,10.42.7.32,14331,sqlserver
      """;

  @TempDir static Path work;

  private static Synthesized synthesized;
  private static Map<String, JsonNode> templates;

  @BeforeAll
  static void synthesizeTheSample() throws IOException {
    Path config = work.resolve("config");
    SampleConfig.copyTo(config);
    Files.writeString(config.resolve("credentials.csv"), CREDENTIALS);
    synthesized = Synthesized.from(config, work.resolve("cdk.out"));
    templates = synthesized.templates();
  }

  @Test
  void synthesizesWithoutFindings() {
    assertThat(synthesized.stderr()).isEmpty();
    assertThat(synthesized.exitCode()).isZero();
  }

  @Test
  void makesTheSharedStacksAndOneStackPerServer() {
    assertThat(templates)
        .containsOnlyKeys(
            "DmsFleet-AccountRoles",
            "DmsFleet-Network",
            "DmsFleet-Storage",
            "DmsFleet-Alerts",
            "DmsFleet-Overview",
            "DmsFleet-Server-dbserver1",
            "DmsFleet-Server-dbserver2");
  }

  @Test
  void eachServerStackHoldsItsInstanceAndItsDatabases() {
    assertThat(Synthesized.resourceTypes(templates.get("DmsFleet-Server-dbserver1")))
        .containsExactly(
            entry("AWS::CloudWatch::Alarm", 2 + 1 + 3 * 2),
            entry("AWS::CloudWatch::Dashboard", 1),
            entry("AWS::DMS::Endpoint", 3 * 2),
            entry("AWS::DMS::ReplicationInstance", 1),
            entry("AWS::DMS::ReplicationTask", 3),
            entry("AWS::IAM::Policy", 2),
            entry("AWS::IAM::Role", 2),
            entry("AWS::Logs::LogGroup", 1),
            entry("AWS::Logs::MetricFilter", 1));
    assertThat(Synthesized.resourceTypes(templates.get("DmsFleet-Server-dbserver2")))
        .containsExactly(
            entry("AWS::CloudWatch::Alarm", 2 + 1 + 2 * 2),
            entry("AWS::CloudWatch::Dashboard", 1),
            entry("AWS::DMS::Endpoint", 2 * 2),
            entry("AWS::DMS::ReplicationInstance", 1),
            entry("AWS::DMS::ReplicationTask", 2),
            entry("AWS::IAM::Policy", 2),
            entry("AWS::IAM::Role", 2),
            entry("AWS::Logs::LogGroup", 1),
            entry("AWS::Logs::MetricFilter", 1));
  }

  @Test
  void theSharedStacksHoldRolesNetworkStorageAlertsAndTheOverview() {
    assertThat(Synthesized.resourceTypes(templates.get("DmsFleet-AccountRoles")))
        .containsExactly(entry("AWS::IAM::Role", 2));
    assertThat(Synthesized.resourceTypes(templates.get("DmsFleet-Network")))
        .containsExactly(
            entry("AWS::DMS::ReplicationSubnetGroup", 1),
            entry("AWS::EC2::FlowLog", 1),
            entry("AWS::EC2::RouteTable", 2),
            entry("AWS::EC2::SecurityGroup", 2),
            entry("AWS::EC2::SecurityGroupEgress", 2),
            entry("AWS::EC2::SecurityGroupIngress", 1),
            entry("AWS::EC2::Subnet", 2),
            entry("AWS::EC2::SubnetRouteTableAssociation", 2),
            entry("AWS::EC2::VPC", 1),
            entry("AWS::EC2::VPCEndpoint", 2),
            entry("AWS::IAM::Policy", 2),
            entry("AWS::IAM::Role", 2),
            entry("AWS::Lambda::Function", 1),
            entry("AWS::Logs::LogGroup", 2),
            entry("Custom::AWS", 1));
    assertThat(Synthesized.resourceTypes(templates.get("DmsFleet-Storage")))
        .containsExactly(
            entry("AWS::KMS::Key", 1),
            entry("AWS::S3::Bucket", 2),
            entry("AWS::S3::BucketPolicy", 2));
    assertThat(Synthesized.resourceTypes(templates.get("DmsFleet-Alerts")))
        .containsExactly(
            entry("AWS::DMS::EventSubscription", 2),
            entry("AWS::KMS::Key", 1),
            entry("AWS::SNS::Subscription", 1),
            entry("AWS::SNS::Topic", 1),
            entry("AWS::SNS::TopicPolicy", 1));
    assertThat(Synthesized.resourceTypes(templates.get("DmsFleet-Overview")))
        .containsExactly(entry("AWS::CloudWatch::Dashboard", 1));
  }

  @Test
  void everyDmsIdentifierIsLegal() {
    List<String> identifiers = new ArrayList<>();
    for (JsonNode resource : dmsResources()) {
      JsonNode properties = resource.path("Properties");
      for (String field :
          List.of(
              "ReplicationInstanceIdentifier", "EndpointIdentifier", "ReplicationTaskIdentifier")) {
        if (properties.has(field)) {
          identifiers.add(properties.get(field).asText());
        }
      }
    }

    assertThat(identifiers)
        .hasSize(2 + 10 + 5)
        .allSatisfy(id -> assertThat(DmsIdentifiers.TASK_OR_ENDPOINT.accepts(id)).as(id).isTrue());
    assertThat(identifiers)
        .contains(
            "dbserver1-instance",
            "dbserver2-sales-all",
            "dbserver2-sales-sqlserver-source-endpoint",
            "dbserver2-sales-s3-target-endpoint");
  }

  @Test
  void sourceEndpointsReadTheirSecretThroughTheSecretsRole() {
    JsonNode endpoint =
        findResource(
            templates.get("DmsFleet-Server-dbserver2"),
            "AWS::DMS::Endpoint",
            "dbserver2-sales-sqlserver-source-endpoint");

    JsonNode properties = endpoint.path("Properties");
    assertThat(
            properties.path("MicrosoftSqlServerSettings").path("SecretsManagerSecretId").asText())
        .isEqualTo("dms_dbserver2_sales_sql_server");
    assertThat(properties.path("SslMode").asText()).isEqualTo("require");
    assertThat(properties.path("DatabaseName").asText()).isEqualTo("sales");
    assertThat(properties.has("Password")).isFalse();
    assertThat(properties.has("Username")).isFalse();
    assertThat(properties.has("ServerName")).isFalse();
  }

  @Test
  void theConfigsTagsAreOnEveryTaggableDmsResource() {
    assertThat(dmsResources())
        .hasSize(2 + 10 + 5 + 1 + 2)
        .allSatisfy(
            resource ->
                assertThat(resource.path("Properties").path("Tags").toString())
                    .contains(
                        "{\"Key\":\"Owner\",\"Value\":\"data-platform\"}",
                        "{\"Key\":\"Project\",\"Value\":\"datalake\"}"));
  }

  @Test
  void noSecurityGroupRuleAllowsAllTrafficOut() {
    for (JsonNode template : templates.values()) {
      for (JsonNode resource : template.path("Resources")) {
        List<JsonNode> rules = new ArrayList<>();
        resource.path("Properties").path("SecurityGroupEgress").forEach(rules::add);
        if (resource.path("Type").asText().equals("AWS::EC2::SecurityGroupEgress")) {
          rules.add(resource.path("Properties"));
        }
        assertThat(rules).noneMatch(rule -> rule.path("IpProtocol").asText().equals("-1"));
      }
    }
  }

  @Test
  void everyVpcEndpointHasAPolicyAndEveryS3TargetItsBucketOwner() {
    List<JsonNode> endpoints = resourcesOfType("AWS::EC2::VPCEndpoint");
    List<JsonNode> targets =
        resourcesOfType("AWS::DMS::Endpoint").stream()
            .filter(e -> e.path("Properties").path("EngineName").asText().equals("s3"))
            .toList();

    assertThat(endpoints).hasSize(2).allMatch(e -> e.path("Properties").has("PolicyDocument"));
    assertThat(targets)
        .hasSize(5)
        .allMatch(e -> e.path("Properties").path("S3Settings").has("ExpectedBucketOwner"));
  }

  @Test
  void eachServerHasItsOwnS3RoleListingOnlyItsFolder() {
    for (String server : List.of("dbserver1", "dbserver2")) {
      String policies = templates.get("DmsFleet-Server-" + server).path("Resources").toString();
      assertThat(policies)
          .contains("\"s3:prefix\":[\"data/" + server + "/\",\"data/" + server + "/*\"]");
    }
  }

  @Test
  void theModelsIdentifiersAreTheOnesSynthesized() {
    String all = templates.values().toString();
    for (String identifier :
        List.of(
            "dbserver1-dbname1-all",
            "dbserver1-dbname3-sqlserver-source-endpoint",
            "dbserver2-inventory-s3-target-endpoint",
            "\"BucketFolder\":\"data/dbserver2/inventory\"")) {
      assertThat(all).contains(identifier);
    }
  }

  @Test
  void theAssemblyKeepsNoCreationStackTraces() throws IOException {
    // From Java a creation trace shows only jsii's internals, and one per resource costs seconds.
    List<Path> metadata;
    try (Stream<Path> files = Files.list(synthesized.outdir())) {
      metadata = files.filter(file -> file.toString().endsWith(".metadata.json")).toList();
    }
    assertThat(metadata).hasSize(7);
    for (Path file : metadata) {
      assertThat(Files.readString(file))
          .contains("\"aws:cdk:logicalId\"")
          .doesNotContain("aws:cdk:creationStack");
    }
  }

  @Test
  void noCredentialValueAppearsInTheOutput() {
    String output = synthesized.allOutput();

    for (String secret :
        List.of(
            "svc_reader_7731",
            "svc_reader_7732",
            "Pw,with\"quotes\"_9931",
            "_9931",
            "leading-equals-5512",
            "pässwört-8842",
            "sales-secret-3307",
            "inventory-secret-4408",
            "10.42.7.31",
            "14331")) {
      assertThat(output).doesNotContain(secret);
    }
  }

  private static List<JsonNode> resourcesOfType(String type) {
    List<JsonNode> resources = new ArrayList<>();
    templates
        .values()
        .forEach(
            template ->
                template
                    .path("Resources")
                    .forEach(
                        resource -> {
                          if (resource.path("Type").asText().equals(type)) {
                            resources.add(resource);
                          }
                        }));
    return resources;
  }

  /** Every AWS::DMS resource of every stack. */
  private static List<JsonNode> dmsResources() {
    List<JsonNode> resources = new ArrayList<>();
    templates
        .values()
        .forEach(
            template ->
                template
                    .path("Resources")
                    .forEach(
                        resource -> {
                          if (resource.path("Type").asText().startsWith("AWS::DMS::")) {
                            resources.add(resource);
                          }
                        }));
    return resources;
  }

  private static JsonNode findResource(JsonNode template, String type, String identifier) {
    for (JsonNode resource : template.path("Resources")) {
      if (resource.path("Type").asText().equals(type)
          && resource.path("Properties").path("EndpointIdentifier").asText().equals(identifier)) {
        return resource;
      }
    }
    throw new AssertionError("no " + type + " " + identifier);
  }
}
