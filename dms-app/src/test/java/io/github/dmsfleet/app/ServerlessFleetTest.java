package io.github.dmsfleet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dmsfleet.rules.Compute;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fleets with servers on DMS Serverless, synthesized through the app with all its checks. */
class ServerlessFleetTest {
  @TempDir Path work;

  private Path serverlessConfig(int servers, int databases, String moreParameters)
      throws IOException {
    Path config =
        SyntheticConfig.write(work.resolve("config"), servers, databases, Compute.SERVERLESS);
    Files.writeString(config.resolve("parameters.txt"), moreParameters, StandardOpenOption.APPEND);
    return config;
  }

  private Synthesized synthesize(Path config) {
    return Synthesized.from(config, work.resolve("cdk.out"));
  }

  private static List<JsonNode> resourcesOf(JsonNode template, String type) {
    return StreamSupport.stream(template.path("Resources").spliterator(), false)
        .filter(resource -> resource.path("Type").asText().equals(type))
        .toList();
  }

  private static JsonNode onlyReplicationConfigOf(JsonNode template, String identifier) {
    return resourcesOf(template, "AWS::DMS::ReplicationConfig").stream()
        .map(resource -> resource.path("Properties"))
        .filter(p -> p.path("ReplicationConfigIdentifier").asText().equals(identifier))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aServerlessServerHasAReplicationConfigPerDatabaseAndNoInstanceOrTask() throws Exception {
    Path config =
        serverlessConfig(
            2,
            2,
            """
            max_capacity_units,32
            min_capacity_units,2
            multi_az,true
            maintenance_window,sun:04:00-sun:04:30
            """);

    Synthesized synthesized = synthesize(config);
    Map<String, JsonNode> templates = synthesized.templates();

    assertThat(synthesized.stderr()).isEmpty();
    assertThat(synthesized.exitCode()).isZero();
    assertThat(templates)
        .containsOnlyKeys(
            "DmsFleet-AccountRoles",
            "DmsFleet-Network",
            "DmsFleet-Storage",
            "DmsFleet-Alerts",
            "DmsFleet-Overview",
            "DmsFleet-Server-sqlsrv1",
            "DmsFleet-Server-sqlsrv2");
    JsonNode server = templates.get("DmsFleet-Server-sqlsrv1");
    assertThat(Synthesized.resourceTypes(server))
        .containsExactly(
            entry("AWS::CloudWatch::Alarm", 3 * 2),
            entry("AWS::CloudWatch::Dashboard", 1),
            entry("AWS::DMS::Endpoint", 2 * 2),
            entry("AWS::DMS::ReplicationConfig", 2),
            entry("AWS::IAM::Policy", 2),
            entry("AWS::IAM::Role", 2));
    // The server's dashboard is named as its stack, as on an instance.
    assertThat(server.path("Resources").toString())
        .contains("\"DashboardName\":\"DmsFleet-Server-sqlsrv1\"");
    JsonNode compute = onlyReplicationConfigOf(server, "sqlsrv1-db1-all").path("ComputeConfig");
    assertThat(compute.path("MaxCapacityUnits").asInt()).isEqualTo(32);
    assertThat(compute.path("MinCapacityUnits").asInt()).isEqualTo(2);
    assertThat(compute.path("MultiAZ").asBoolean()).isTrue();
    assertThat(compute.path("PreferredMaintenanceWindow").asText())
        .isEqualTo("sun:04:00-sun:04:30");
    assertThat(compute.at("/ReplicationSubnetGroupId/Fn::ImportValue").asText())
        .startsWith("DmsFleet-Network:ExportsOutputRefNetwork");
    assertThat(compute.at("/VpcSecurityGroupIds/0/Fn::ImportValue").asText())
        .startsWith("DmsFleet-Network:ExportsOutputFnGetAttNetworkSecurityGroup");
    assertThat(compute.at("/KmsKeyId/Fn::ImportValue").asText())
        .startsWith("DmsFleet-Storage:ExportsOutputFnGetAttTargetBucketKey");
  }

  @Test
  void aMixedFleetPutsEachServerOnItsOwnCompute() throws Exception {
    Path config = SyntheticConfig.write(work.resolve("config"), 2, 2);
    Files.writeString(
        config.resolve("dms_servers.txt"),
        "server,compute,max_capacity_units\nsqlsrv2,serverless,64\n");

    Synthesized synthesized = synthesize(config);
    Map<String, JsonNode> templates = synthesized.templates();

    assertThat(synthesized.stderr()).isEmpty();
    assertThat(synthesized.exitCode()).isZero();
    assertThat(Synthesized.resourceTypes(templates.get("DmsFleet-Server-sqlsrv1")))
        .contains(entry("AWS::DMS::ReplicationInstance", 1), entry("AWS::DMS::ReplicationTask", 2))
        .doesNotContainKey("AWS::DMS::ReplicationConfig");
    JsonNode serverless = templates.get("DmsFleet-Server-sqlsrv2");
    assertThat(Synthesized.resourceTypes(serverless))
        .contains(entry("AWS::DMS::ReplicationConfig", 2))
        .doesNotContainKeys("AWS::DMS::ReplicationInstance", "AWS::DMS::ReplicationTask");
    JsonNode compute = onlyReplicationConfigOf(serverless, "sqlsrv2-db2-all").path("ComputeConfig");
    assertThat(compute.path("MaxCapacityUnits").asInt()).isEqualTo(64);
    assertThat(compute.has("MinCapacityUnits")).isFalse();
    assertThat(compute.path("MultiAZ").asBoolean()).isFalse();
  }

  @Test
  void databasesTakeTheirOwnSettingsAsOnAnInstance() throws Exception {
    Path config = serverlessConfig(1, 2, "");
    Files.createDirectories(config.resolve("dms_task_settings"));
    Files.writeString(
        config.resolve("dms_task_settings/parallel.json"),
        "{\"TargetMetadata\": {\"ParallelLoadThreads\": 4}}");
    Files.writeString(
        config.resolve("dms_config_details.txt"),
        """
        server,dbname,migration_type,ssl_mode,certificate_arn,task_settings
        sqlsrv1,db1,full-load,verify-full,arn:aws:dms:us-east-1:123456789012:cert:ABCDEF,parallel.json
        sqlsrv1,db2
        """);

    Synthesized synthesized = synthesize(config);
    JsonNode server = synthesized.templates().get("DmsFleet-Server-sqlsrv1");

    assertThat(synthesized.stderr()).isEmpty();
    JsonNode own = onlyReplicationConfigOf(server, "sqlsrv1-db1-all");
    assertThat(own.path("ReplicationType").asText()).isEqualTo("full-load");
    assertThat(own.at("/ReplicationSettings/TargetMetadata/ParallelLoadThreads").asInt())
        .isEqualTo(4);
    assertThat(own.at("/ReplicationSettings/Logging/EnableLogging").asBoolean()).isTrue();
    assertThat(onlyReplicationConfigOf(server, "sqlsrv1-db2-all").path("ReplicationType").asText())
        .isEqualTo("full-load-and-cdc");
    assertThat(resourcesOf(server, "AWS::DMS::Endpoint"))
        .extracting(e -> e.path("Properties"))
        .filteredOn(p -> p.path("EndpointIdentifier").asText().startsWith("sqlsrv1-db1-sqlserver"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path("SslMode").asText()).isEqualTo("verify-full");
              assertThat(p.path("CertificateArn").asText())
                  .isEqualTo("arn:aws:dms:us-east-1:123456789012:cert:ABCDEF");
            });
    // A full-load replication has no CDC latency to watch: only its capacity alarm.
    assertThat(Synthesized.resourceTypes(server)).containsEntry("AWS::CloudWatch::Alarm", 1 + 3);
  }

  @Test
  void aCapacityDmsDoesNotOfferIsRefusedWithFileLineAndFix() throws Exception {
    Path config = serverlessConfig(1, 1, "max_capacity_units,24\n");

    Synthesized synthesized = synthesize(config);

    assertThat(synthesized.exitCode()).isEqualTo(1);
    assertThat(synthesized.stderr())
        .isEqualTo(
            "error: The config has 1 problem:\n  "
                + config.resolve("parameters.txt")
                + ":4: key 'max_capacity_units': must be one of 1, 2, 4, 8, 16, 32, 64, 128, 192,"
                + " 256, 384 DMS capacity units, got '24'"
                + System.lineSeparator());
    assertThat(synthesized.templates()).isEmpty();
  }

  @Test
  void anInstanceOnlySettingOnAServerlessFleetIsRefusedWithFileLineAndFix() throws Exception {
    Path config = serverlessConfig(1, 1, "allocated_storage,100\n");

    Synthesized synthesized = synthesize(config);

    assertThat(synthesized.exitCode()).isEqualTo(1);
    assertThat(synthesized.stderr())
        .isEqualTo(
            "error: The config has 1 problem:\n  "
                + config.resolve("parameters.txt")
                + ":4: key 'allocated_storage' applies only to replication instances, and no server"
                + " runs on a replication instance; remove it, or set compute instance here or for a"
                + " server in dms_servers.txt"
                + System.lineSeparator());
    assertThat(synthesized.templates()).isEmpty();
  }
}
