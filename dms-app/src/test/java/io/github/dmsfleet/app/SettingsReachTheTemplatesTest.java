package io.github.dmsfleet.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dmsfleet.app.TemplateDiff.Difference;
import io.github.dmsfleet.model.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each setting of a server, a database or the fleet reaches exactly the properties it is for: the
 * sample synthesized with and without a setting differs there and nowhere else.
 */
class SettingsReachTheTemplatesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SERVER1 = "DmsFleet-Server-dbserver1";
  private static final String SERVER2 = "DmsFleet-Server-dbserver2";
  private static final String NETWORK = "DmsFleet-Network";
  private static final String CERTIFICATE = "arn:aws:dms:us-east-1:123456789012:cert:SOURCECA";
  private static final String SECRETS_KEY =
      "arn:aws:kms:us-east-1:123456789012:key/22222222-3333-4444-5555-666666666666";
  private static final String SAMPLE_ROWS_WITHOUT_SETTINGS =
      """
      server,dbname
      dbserver1,dbname1
      dbserver2,sales
      dbserver1,dbname2
      dbserver2,inventory
      dbserver1,dbname3
      """;

  @TempDir static Path work;

  private static Map<String, JsonNode> sample;

  @BeforeAll
  static void synthesizeTheSample() throws IOException {
    sample = synthesize(SampleConfig.copyTo(work.resolve("sample")));
  }

  private static Map<String, JsonNode> synthesize(Path config) {
    Synthesized synthesized = Synthesized.from(config, config.resolveSibling(config + "-out"));
    assertThat(synthesized.exitCode()).as(synthesized.stderr()).isZero();
    return synthesized.templates();
  }

  private static Path sampleCopy(String name) throws IOException {
    return SampleConfig.copyTo(work.resolve(name));
  }

  private static List<String> where(List<Difference> differences) {
    return differences.stream().map(Difference::where).toList();
  }

  private static Difference at(List<Difference> differences, String where) {
    return differences.stream().filter(d -> d.where().equals(where)).findFirst().orElseThrow();
  }

  @Test
  void theSamplesServerAndDatabaseOverridesChangeOnlyTheirInstanceAndTask() throws Exception {
    Path plain = sampleCopy("plain");
    Files.delete(plain.resolve(ConfigLoader.SERVERS_FILE));
    Files.writeString(plain.resolve(ConfigLoader.DATABASES_FILE), SAMPLE_ROWS_WITHOUT_SETTINGS);

    List<Difference> differences = TemplateDiff.between(synthesize(plain), sample);

    String instance = SERVER1 + " /Resources/ReplicationServer4B9326F9/Properties/";
    String storageAlarm =
        SERVER1 + " /Resources/ReplicationServerFreeStorageSpaceAlarm50D6D121/Properties/";
    String salesTask = SERVER2 + " /Resources/SourceServersales93C84BDB/Properties/";
    assertThat(where(differences))
        .containsExactlyInAnyOrder(
            instance + "AllocatedStorage",
            instance + "ReplicationInstanceClass",
            // The free-storage alarm follows the storage it watches: 10% of it.
            storageAlarm + "AlarmDescription",
            storageAlarm + "Threshold",
            salesTask + "ReplicationTaskSettings");
    assertThat(at(differences, instance + "ReplicationInstanceClass").after().asText())
        .isEqualTo("dms.r5.2xlarge");
    assertThat(at(differences, instance + "AllocatedStorage").after().asInt()).isEqualTo(100);
    assertThat(at(differences, storageAlarm + "Threshold").after().asLong())
        .isEqualTo(10L * 1024 * 1024 * 1024);
    JsonNode salesSettings =
        JSON.readTree(at(differences, salesTask + "ReplicationTaskSettings").after().asText());
    assertThat(salesSettings.at("/FullLoadSettings/MaxFullLoadSubTasks").asInt()).isEqualTo(16);
    assertThat(salesSettings.at("/FullLoadSettings/CommitRate").asInt()).isEqualTo(50000);
    assertThat(salesSettings.at("/ValidationSettings/EnableValidation").asBoolean()).isTrue();
    assertThat(salesSettings.at("/ValidationSettings/ThreadCount").asInt()).isEqualTo(5);
    assertThat(salesSettings.at("/Logging/EnableLogging").asBoolean()).isTrue();
    assertThat(salesSettings.at("/Logging/LogComponents").size()).isEqualTo(5);
  }

  @Test
  void aDatabasesMigrationTypeSslModeAndPortChangeOnlyItsTaskEndpointAndEgress() throws Exception {
    Path own = sampleCopy("own");
    Files.writeString(
        own.resolve(ConfigLoader.DATABASES_FILE),
        """
        server,dbname,migration_type,task_settings,ssl_mode,certificate_arn,port
        dbserver1,dbname1
        dbserver2,sales,,sales.json
        dbserver1,dbname2,cdc,,verify-full,%s,14331
        dbserver2,inventory,full-load
        dbserver1,dbname3
        """
            .formatted(CERTIFICATE));

    Map<String, JsonNode> ownTemplates = synthesize(own);
    List<Difference> differences = TemplateDiff.between(sample, ownTemplates);

    String egress = NETWORK + " /Resources/NetworkSecurityGroup6335DB55/Properties/";
    String dbname2 = SERVER1 + " /Resources/SourceServerdbname2";
    String inventory = SERVER2 + " /Resources/SourceServerinventory";
    assertThat(where(differences))
        .containsExactlyInAnyOrder(
            egress + "SecurityGroupEgress",
            dbname2 + "SourceEndpoint8B93596F/Properties/CertificateArn",
            dbname2 + "SourceEndpoint8B93596F/Properties/SslMode",
            dbname2 + "90FE91EF/Properties/MigrationType",
            // A full load has no CDC latency to watch.
            inventory + "CdcLatencySourceAlarm9F810E5C",
            inventory + "CdcLatencyTargetAlarm63D94C22",
            inventory + "BEFA04BB/Properties/MigrationType",
            // The dashboards show each database where its migration type applies.
            SERVER1 + " /Resources/Dashboard9E4231ED/Properties/DashboardBody/Fn::Join/1",
            SERVER2 + " /Resources/Dashboard9E4231ED/Properties/DashboardBody/Fn::Join/1");
    assertThat(at(differences, egress + "SecurityGroupEgress").after().toString())
        .isEqualTo(
            "[{\"CidrIp\":\"10.1.0.0/24\",\"Description\":\"DMS reads its source databases\","
                + "\"FromPort\":1433,\"IpProtocol\":\"tcp\",\"ToPort\":1433},"
                + "{\"CidrIp\":\"10.1.0.0/24\",\"Description\":\"DMS reads its source databases\","
                + "\"FromPort\":14331,\"IpProtocol\":\"tcp\",\"ToPort\":14331}]");
    assertThat(
            at(differences, dbname2 + "SourceEndpoint8B93596F/Properties/CertificateArn")
                .after()
                .asText())
        .isEqualTo(CERTIFICATE);
    assertThat(
            at(differences, dbname2 + "SourceEndpoint8B93596F/Properties/SslMode").after().asText())
        .isEqualTo("verify-full");
    assertThat(at(differences, dbname2 + "90FE91EF/Properties/MigrationType").after().asText())
        .isEqualTo("cdc");
    assertThat(at(differences, inventory + "BEFA04BB/Properties/MigrationType").after().asText())
        .isEqualTo("full-load");
    assertThat(at(differences, inventory + "CdcLatencySourceAlarm9F810E5C").after()).isNull();
    JsonNode server2 = DashboardBodies.of(ownTemplates.get(SERVER2));
    assertThat(DashboardBodies.labels(server2, "CDC latency to S3")).containsExactly("sales");
    assertThat(DashboardBodies.labels(server2, "Full-load throughput"))
        .containsExactly("sales", "inventory");
    JsonNode server1 = DashboardBodies.of(ownTemplates.get(SERVER1));
    assertThat(DashboardBodies.labels(server1, "Full-load throughput"))
        .containsExactly("dbname1", "dbname3");
    assertThat(DashboardBodies.labels(server1, "CDC latency to S3"))
        .containsExactly("dbname1", "dbname2", "dbname3");
  }

  @Test
  void sourceCidrsNarrowTheEgressAndTheSecretsKeyReachesOnlyTheSecretsRoles() throws Exception {
    Path open = sampleCopy("open");
    Files.writeString(
        open.resolve("parameters.txt"),
        Files.readString(open.resolve("parameters.txt")).replace("source_cidrs,10.1.0.0/24\n", ""));
    Path keyed = sampleCopy("keyed");
    Files.writeString(
        keyed.resolve("parameters.txt"),
        Files.readString(keyed.resolve("parameters.txt"))
            + "secrets_kms_key_arn,"
            + SECRETS_KEY
            + "\n");

    List<Difference> narrowed = TemplateDiff.between(synthesize(open), sample);
    List<Difference> withKey = TemplateDiff.between(sample, synthesize(keyed));

    String cidr =
        NETWORK
            + " /Resources/NetworkSecurityGroup6335DB55/Properties/SecurityGroupEgress/0/CidrIp";
    assertThat(where(narrowed)).containsExactly(cidr);
    assertThat(at(narrowed, cidr).before().asText()).isEqualTo("0.0.0.0/0");
    assertThat(at(narrowed, cidr).after().asText()).isEqualTo("10.1.0.0/24");

    String statements =
        " /Resources/SourceServerSecretsAccessRoleDefaultPolicyE540B112/Properties/PolicyDocument"
            + "/Statement";
    assertThat(where(withKey)).containsExactly(SERVER1 + statements, SERVER2 + statements);
    JsonNode decrypt =
        JSON.readTree(
            "{\"Action\":\"kms:Decrypt\",\"Condition\":{\"StringEquals\":{\"kms:ViaService\":"
                + "{\"Fn::Join\":[\"\",[\"secretsmanager.\",{\"Ref\":\"AWS::Region\"},"
                + "\".amazonaws.com\"]]}}},\"Effect\":\"Allow\",\"Resource\":\""
                + SECRETS_KEY
                + "\"}");
    for (Difference policy : withKey) {
      assertThat(policy.before()).hasSize(1);
      assertThat(policy.after()).containsExactlyInAnyOrder(policy.before().get(0), decrypt);
    }
  }
}
