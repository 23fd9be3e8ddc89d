package io.github.dmsfleet.constructs;

import static io.github.dmsfleet.constructs.Fixtures.migrationProps;
import static io.github.dmsfleet.constructs.Fixtures.server;
import static io.github.dmsfleet.constructs.Fixtures.stack;
import static io.github.dmsfleet.constructs.Fixtures.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dmsfleet.rules.MigrationType;
import io.github.dmsfleet.rules.S3Compression;
import io.github.dmsfleet.rules.S3DataFormat;
import io.github.dmsfleet.rules.SourceEngine;
import io.github.dmsfleet.rules.SslMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

class DmsDatabaseMigrationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Template synth(UnaryOperator<DmsDatabaseMigrationProps.Builder> customize) {
    Stack stack = stack();
    server(stack).addDatabase("Orders", customize.apply(migrationProps(stack)).build());
    return template(stack);
  }

  private static void assertRejected(
      UnaryOperator<DmsDatabaseMigrationProps.Builder> customize, String message) {
    Stack stack = stack();
    DmsReplicationServer server = server(stack);
    DmsDatabaseMigrationProps props = customize.apply(migrationProps(stack)).build();

    assertThatThrownBy(() -> server.addDatabase("Orders", props))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid DmsDatabaseMigration 'Orders': " + message);
  }

  private static Map<String, Object> properties(
      Template template, String type, Map<String, Object> filter) {
    Map<String, Map<String, Object>> found =
        template.findResources(type, Map.of("Properties", filter));
    assertThat(found).hasSize(1);
    @SuppressWarnings("unchecked")
    Map<String, Object> properties =
        (Map<String, Object>) found.values().iterator().next().get("Properties");
    return properties;
  }

  @Test
  void sourceEndpointHasNoCredentialsInTemplate() {
    Map<String, Object> source =
        properties(synth(p -> p), "AWS::DMS::Endpoint", Map.of("EndpointType", "source"));

    assertThat(source).doesNotContainKeys("Username", "Password", "ServerName", "Port");
  }

  @Test
  void sourceEndpointReadsCredentialsFromSecretsManager() {
    synth(p -> p)
        .hasResourceProperties(
            "AWS::DMS::Endpoint",
            Map.of(
                "EndpointType", "source",
                "EndpointIdentifier", "sales-db01-orders-source",
                "EngineName", "sqlserver",
                "DatabaseName", "Orders",
                "MicrosoftSqlServerSettings",
                    Map.of(
                        "SecretsManagerSecretId", "dms/sales-db01/orders",
                        "SecretsManagerAccessRoleArn",
                            "arn:aws:iam::123456789012:role/dms-secrets")));
  }

  @Test
  void eachEngineTakesTheSecretInItsOwnSettings() {
    Map<SourceEngine, String> settingsByEngine =
        Map.of(
            SourceEngine.MYSQL, "MySqlSettings",
            SourceEngine.MARIADB, "MySqlSettings",
            SourceEngine.AURORA_MYSQL, "MySqlSettings",
            SourceEngine.POSTGRESQL, "PostgreSqlSettings",
            SourceEngine.AURORA_POSTGRESQL, "PostgreSqlSettings",
            SourceEngine.ORACLE, "OracleSettings");
    Stack stack = stack();
    DmsReplicationServer server = server(stack);
    settingsByEngine
        .keySet()
        .forEach(
            engine ->
                server.addDatabase(
                    engine.name(),
                    migrationProps(new Construct(stack, "Imports" + engine.name()))
                        .sourceEngine(engine)
                        .sourceEndpointIdentifier("source-" + engine.engineName())
                        .targetEndpointIdentifier("target-" + engine.engineName())
                        .replicationTaskIdentifier("task-" + engine.engineName())
                        .build()));

    Template template = template(stack);

    settingsByEngine.forEach(
        (engine, settings) ->
            template.hasResourceProperties(
                "AWS::DMS::Endpoint",
                Map.of(
                    "EngineName",
                    engine.engineName(),
                    settings,
                    Map.of("SecretsManagerSecretId", "dms/sales-db01/orders"))));
  }

  @Test
  void sourceEndpointRequiresSslByDefault() {
    synth(p -> p)
        .hasResourceProperties(
            "AWS::DMS::Endpoint", Map.of("EndpointType", "source", "SslMode", "require"));
  }

  @Test
  void verifyingSslModesTakeTheCertificate() {
    String certificate = "arn:aws:dms:us-east-1:123456789012:cert:SALESCA";
    Template template = synth(p -> p.sslMode(SslMode.VERIFY_FULL).certificateArn(certificate));

    template.hasResourceProperties(
        "AWS::DMS::Endpoint", Map.of("SslMode", "verify-full", "CertificateArn", certificate));
  }

  @Test
  void failsWhenVerifyFullHasNoCertificate() {
    assertRejected(
        p -> p.sslMode(SslMode.VERIFY_FULL),
        "'certificateArn' is required with 'sslMode' verify-full: give the ARN of the DMS certificate of the"
            + " source's CA, or use 'sslMode' require");
  }

  @Test
  void targetEndpointWritesUnderTheFolderWithTheTargetRole() {
    synth(p -> p)
        .hasResourceProperties(
            "AWS::DMS::Endpoint",
            Map.of(
                "EndpointType", "target",
                "EndpointIdentifier", "sales-db01-orders-target",
                "EngineName", "s3",
                "S3Settings",
                    Map.of(
                        "BucketName", "data-lake",
                        "BucketFolder", "sales-db01/orders",
                        "ServiceAccessRoleArn", "arn:aws:iam::123456789012:role/dms-s3")));
  }

  @Test
  void targetEndpointWritesKmsEncryptedGzippedParquet() {
    synth(p -> p)
        .hasResourceProperties(
            "AWS::DMS::Endpoint",
            Map.of(
                "EndpointType",
                "target",
                "S3Settings",
                Map.of(
                    "DataFormat", "parquet",
                    "ParquetVersion", "parquet-2-0",
                    "CompressionType", "gzip",
                    "EncryptionMode", "SSE_KMS",
                    "ServerSideEncryptionKmsKeyId", Fixtures.KEY_ARN,
                    "TimestampColumnName", "dms_timestamp",
                    "IncludeOpForFullLoad", true,
                    "DatePartitionEnabled", false)));
  }

  @Test
  void targetEndpointTakesCsvAndFileSizeOverrides() {
    Map<String, Object> target =
        properties(
            synth(
                p ->
                    p.dataFormat(S3DataFormat.CSV)
                        .compression(S3Compression.NONE)
                        .maxFileSizeKiB(65536)
                        .timestampColumnName("replicated_at")
                        .datePartitionEnabled(true)),
            "AWS::DMS::Endpoint",
            Map.of("EndpointType", "target"));

    assertThat(target.get("S3Settings"))
        .asInstanceOf(InstanceOfAssertFactories.MAP)
        .containsEntry("DataFormat", "csv")
        .containsEntry("CompressionType", "none")
        .containsEntry("MaxFileSize", 65536)
        .containsEntry("TimestampColumnName", "replicated_at")
        .containsEntry("DatePartitionEnabled", true)
        .doesNotContainKey("ParquetVersion");
  }

  @Test
  void failsWhenMaxFileSizeIsZero() {
    assertRejected(
        p -> p.maxFileSizeKiB(0), "'maxFileSizeKiB' must be between 1 and 1048576, got 0");
  }

  @Test
  void failsOnIdentifiersDmsRejects() {
    assertRejected(
        p ->
            p.sourceEndpointIdentifier("sales_db01")
                .targetEndpointIdentifier("sales--target")
                .replicationTaskIdentifier("1-task-"),
        "'sourceEndpointIdentifier' must be a DMS identifier: 1 to 255 letters, digits or hyphens,"
            + " starting with a letter, without a trailing hyphen or '--', got 'sales_db01'; "
            + "'targetEndpointIdentifier' must be a DMS identifier: 1 to 255 letters, digits or"
            + " hyphens, starting with a letter, without a trailing hyphen or '--', got"
            + " 'sales--target'; "
            + "'replicationTaskIdentifier' must be a DMS identifier: 1 to 255 letters, digits or"
            + " hyphens, starting with a letter, without a trailing hyphen or '--', got '1-task-'");
  }

  @Test
  void reportsEveryMissingRequiredProp() {
    Stack stack = stack();
    DmsReplicationServer server = server(stack);

    assertThatThrownBy(
            () -> server.addDatabase("Orders", DmsDatabaseMigrationProps.builder().build()))
        .hasMessage(
            "Invalid DmsDatabaseMigration 'Orders': 'sourceEngine' is required; 'databaseName' is"
                + " required; 'secretsManagerSecretId' is required; 'secretsAccessRole' is required;"
                + " 'sourceEndpointIdentifier' is required; 'targetEndpointIdentifier' is required;"
                + " 'replicationTaskIdentifier' is required; 'targetBucket' is required; 's3TargetRole' is"
                + " required; 'bucketFolder' is required");
  }

  @Test
  void taskRunsFullLoadAndCdcOnTheServerWithBothEndpoints() {
    synth(p -> p)
        .hasResourceProperties(
            "AWS::DMS::ReplicationTask",
            Map.of(
                "ReplicationTaskIdentifier", "sales-db01-orders",
                "MigrationType", "full-load-and-cdc",
                "ReplicationInstanceArn",
                    Map.of("Ref", Match.stringLikeRegexp("Server[0-9A-F]{8}")),
                "SourceEndpointArn",
                    Map.of("Ref", Match.stringLikeRegexp("ServerOrdersSourceEndpoint.*")),
                "TargetEndpointArn",
                    Map.of("Ref", Match.stringLikeRegexp("ServerOrdersTargetEndpoint.*"))));
  }

  @Test
  void taskReplicatesEveryTableByDefault() throws Exception {
    JsonNode mappings = taskJson(synth(p -> p), "TableMappings");

    assertThat(mappings.path("rules")).hasSize(1);
    JsonNode rule = mappings.path("rules").get(0);
    assertThat(rule.path("rule-type").asText()).isEqualTo("selection");
    assertThat(rule.path("rule-action").asText()).isEqualTo("include");
    assertThat(rule.path("object-locator").path("schema-name").asText()).isEqualTo("%");
    assertThat(rule.path("object-locator").path("table-name").asText()).isEqualTo("%");
  }

  @Test
  void taskTurnsOnLoggingAndMergesOverrides() throws Exception {
    JsonNode settings =
        taskJson(
            synth(
                p ->
                    p.taskSettings(
                        "{\"Logging\":{\"LogComponents\":[{\"Id\":\"SOURCE_CAPTURE\",\"Severity\":\"LOGGER_SEVERITY_DEBUG\"}]},"
                            + "\"FullLoadSettings\":{\"MaxFullLoadSubTasks\":16}}")),
            "ReplicationTaskSettings");

    assertThat(settings.path("Logging").path("EnableLogging").asBoolean()).isTrue();
    assertThat(settings.path("Logging").path("LogComponents")).hasSize(1);
    assertThat(settings.path("FullLoadSettings").path("MaxFullLoadSubTasks").asInt()).isEqualTo(16);
  }

  @Test
  void taskLogsTheStandardComponentsByDefault() throws Exception {
    JsonNode settings = taskJson(synth(p -> p), "ReplicationTaskSettings");

    assertThat(settings.path("Logging").path("EnableLogging").asBoolean()).isTrue();
    assertThat(settings.path("Logging").path("LogComponents").findValuesAsText("Id"))
        .containsExactly(
            "SOURCE_UNLOAD", "SOURCE_CAPTURE", "TARGET_LOAD", "TARGET_APPLY", "TASK_MANAGER");
  }

  @Test
  void failsWhenMappingHasNoRulesAndSettingsAreNoObject() {
    assertRejected(
        p -> p.tableMappings("{\"rules\": []}").taskSettings("[1]"),
        "'tableMappings': \"rules\" is empty; add at least one selection rule that includes tables;"
            + " 'taskSettings' must be a JSON object, got [1]");
  }

  @Test
  void failsOnTableMappingsDmsWouldRejectNamingTheLine() {
    assertRejected(
        p ->
            p.tableMappings(
                "{\"rules\": [\n"
                    + "  {\"rule-type\": \"selection\", \"rule-id\": \"1\", \"rule-name\": \"all\","
                    + " \"rule-action\": \"include\","
                    + " \"object-locator\": {\"schema-name\": \"dbo\", \"table-name\": \"%\"}},\n"
                    + "  {\"rule-type\": \"selektion\", \"rule-id\": \"2\", \"rule-name\": \"b\"}\n"
                    + "]}"),
        "'tableMappings' (line 3): unknown \"rule-type\" 'selektion'; use one of post-processing,"
            + " selection, table-settings, transformation");
  }

  @Test
  void cdcStartTimeIsGivenInEpochSeconds() {
    Template template =
        synth(
            p ->
                p.migrationType(MigrationType.CDC)
                    .cdcStartTime(Instant.parse("2026-01-02T03:04:05Z")));

    template.hasResourceProperties(
        "AWS::DMS::ReplicationTask", Map.of("MigrationType", "cdc", "CdcStartTime", 1767323045));
  }

  @Test
  void failsWhenCdcStartIsGivenForFullLoad() {
    assertRejected(
        p ->
            p.migrationType(MigrationType.FULL_LOAD)
                .cdcStartPosition("checkpoint:V1#1")
                .cdcStartTime(Instant.EPOCH),
        "'cdcStartPosition' and 'cdcStartTime' are mutually exclusive: set only one of them;"
            + " 'cdcStartPosition' and 'cdcStartTime' apply only to a CDC task, but 'migrationType' is"
            + " full-load: remove them or choose cdc or full-load-and-cdc");
  }

  @Test
  void tagsEndpointsAndTask() {
    Template template = synth(p -> p.tags(Map.of("database", "Orders")));

    Map<String, Object> tagged =
        Map.of("Tags", Match.arrayWith(List.of(Map.of("Key", "database", "Value", "Orders"))));
    template.resourcePropertiesCountIs("AWS::DMS::Endpoint", tagged, 2);
    template.resourcePropertiesCountIs("AWS::DMS::ReplicationTask", tagged, 1);
  }

  @Test
  void cdcLatencyAlarmsStayInTheServerStackAndNotifyTheSharedTopic() {
    App app = new App();
    Stack shared = Fixtures.stack(app, "Shared");
    Topic topic = new Topic(shared, "Topic");
    Stack serverStack = Fixtures.stack(app, "Server");
    DmsDatabaseMigration orders =
        server(serverStack).addDatabase("Orders", migrationProps(serverStack).build());

    orders.addAlarms(topic);
    Template template = Template.fromStack(serverStack);

    Object taskResourceId =
        Map.of(
            "Fn::Select",
            List.of(
                6,
                Map.of(
                    "Fn::Split",
                    List.of(":", Map.of("Ref", Match.stringLikeRegexp("ServerOrders.*"))))));
    template.resourceCountIs("AWS::CloudWatch::Alarm", 2);
    template.hasResourceProperties(
        "AWS::CloudWatch::Alarm",
        Map.of(
            "Namespace",
            "AWS/DMS",
            "MetricName",
            "CDCLatencySource",
            "Statistic",
            "Maximum",
            "Threshold",
            600,
            "EvaluationPeriods",
            3,
            "TreatMissingData",
            "notBreaching",
            "AlarmActions",
            List.of(Map.of("Fn::ImportValue", Match.stringLikeRegexp("Shared:.*Topic.*"))),
            "Dimensions",
            Match.arrayWith(
                List.of(
                    Map.of("Name", "ReplicationInstanceIdentifier", "Value", "sales-db01"),
                    Map.of("Name", "ReplicationTaskIdentifier", "Value", taskResourceId)))));
  }

  @Test
  void fullLoadTaskGetsNoLatencyAlarms() {
    Stack stack = stack();
    DmsDatabaseMigration orders =
        server(stack)
            .addDatabase(
                "Orders", migrationProps(stack).migrationType(MigrationType.FULL_LOAD).build());

    assertThat(orders.addAlarms(new Topic(stack, "Topic"))).isEmpty();
  }

  private static JsonNode taskJson(Template template, String property) throws Exception {
    Map<String, Object> task = properties(template, "AWS::DMS::ReplicationTask", Map.of());
    return JSON.readTree((String) task.get(property));
  }
}
