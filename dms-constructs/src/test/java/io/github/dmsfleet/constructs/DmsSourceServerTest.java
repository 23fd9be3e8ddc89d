package io.github.dmsfleet.constructs;

import static io.github.dmsfleet.constructs.Fixtures.orders;
import static io.github.dmsfleet.constructs.Fixtures.sourceProps;
import static io.github.dmsfleet.constructs.Fixtures.stack;
import static io.github.dmsfleet.constructs.Fixtures.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dmsfleet.rules.MigrationType;
import io.github.dmsfleet.rules.SourceEngine;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Size;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.secretsmanager.Secret;

class DmsSourceServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Template oneDatabase(SourceEngine engine) {
    Stack stack = stack();
    new DmsSourceServer(stack, "erp01", sourceProps(stack).engine(engine).build())
        .addDatabase("orders", orders());
    return template(stack);
  }

  private static Map<String, Object> sourceEndpoint(Template template) {
    return template
        .findResources("AWS::DMS::Endpoint", Map.of("Properties", Map.of("EndpointType", "source")))
        .values()
        .iterator()
        .next();
  }

  /** Each engine as its DMS documentation asks: settings block, and a DatabaseName or none. */
  @ParameterizedTest
  @CsvSource({
    "SQL_SERVER, sqlserver, MicrosoftSqlServerSettings, true",
    "MYSQL, mysql, MySqlSettings, false",
    "MARIADB, mariadb, MySqlSettings, false",
    "AURORA_MYSQL, aurora, MySqlSettings, false",
    "POSTGRESQL, postgres, PostgreSqlSettings, true",
    "AURORA_POSTGRESQL, aurora-postgresql, PostgreSqlSettings, true",
    "ORACLE, oracle, OracleSettings, true"
  })
  void sourceEndpointFollowsTheEngine(
      SourceEngine engine, String engineName, String settings, boolean namesTheDatabase) {
    Template template = oneDatabase(engine);

    template.hasResourceProperties(
        "AWS::DMS::Endpoint",
        Map.of(
            "EndpointType",
            "source",
            "EngineName",
            engineName,
            "EndpointIdentifier",
            "erp01-orders-" + engineName + "-source-endpoint",
            "SslMode",
            "require",
            "DatabaseName",
            namesTheDatabase ? "orders" : Match.absent(),
            settings,
            Map.of(
                "SecretsManagerSecretId",
                "dms/sales-db01/orders",
                "SecretsManagerAccessRoleArn",
                Map.of(
                    "Fn::GetAtt",
                    List.of(Match.stringLikeRegexp("erp01SecretsAccessRole.*"), "Arn")))));
    assertThat(sourceEndpoint(template).get("Properties").toString())
        .doesNotContain("Username", "Password", "ServerName", "Port=");
  }

  @Test
  void mySqlReplicatesItsDatabaseOnlyByDefault() throws Exception {
    Template template = oneDatabase(SourceEngine.MYSQL);

    assertThat(
            JSON.readTree(DmsDatabaseMigrationTestSupport.taskProperty(template, "TableMappings"))
                .at("/rules/0/object-locator/schema-name")
                .asText())
        .isEqualTo("orders");
  }

  @Test
  void otherEnginesReplicateEverySchemaOfTheDatabaseByDefault() throws Exception {
    Template template = oneDatabase(SourceEngine.POSTGRESQL);

    assertThat(
            JSON.readTree(DmsDatabaseMigrationTestSupport.taskProperty(template, "TableMappings"))
                .at("/rules/0/object-locator/schema-name")
                .asText())
        .isEqualTo("%");
  }

  @Test
  void namesEverythingByTheNamingRuleAndWritesUnderTheServersFolder() {
    Stack stack = stack();
    DmsDatabaseMigration orders = Fixtures.sourceServer(stack).addDatabase("Orders DB", orders());
    Template template = template(stack);

    template.hasResourceProperties(
        "AWS::DMS::ReplicationTask",
        Map.of(
            "ReplicationTaskIdentifier", "sales-db01-orders-db-all",
            "MigrationType", "full-load-and-cdc",
            "ReplicationInstanceArn", Fixtures.INSTANCE_ARN));
    template.hasResourceProperties(
        "AWS::DMS::Endpoint",
        Map.of(
            "EndpointIdentifier",
            "sales-db01-orders-db-s3-target-endpoint",
            "S3Settings",
            Match.objectLike(
                Map.of(
                    "BucketName", "data-lake",
                    "BucketFolder", "data/sales-db01/Orders_DB",
                    "ExpectedBucketOwner", Fixtures.ACCOUNT,
                    "EncryptionMode", "SSE_KMS",
                    "ServerSideEncryptionKmsKeyId", Fixtures.KEY_ARN,
                    "DataFormat", "parquet",
                    "ParquetVersion", "parquet-2-0",
                    "CompressionType", "gzip"))));
    assertThat(orders.getBucketFolder()).isEqualTo("data/sales-db01/Orders_DB");
  }

  @Test
  void s3RoleWritesListsAndEncryptsOnlyUnderItsServersFolder() {
    Stack stack = stack();
    Fixtures.sourceServer(stack).addDatabase("orders", orders());
    Object bucketArn =
        Map.of(
            "Fn::Join",
            List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"), ":s3:::data-lake")));
    Object objects =
        Map.of(
            "Fn::Join",
            List.of(
                "",
                List.of(
                    "arn:", Map.of("Ref", "AWS::Partition"), ":s3:::data-lake/data/sales-db01/*")));

    template(stack)
        .hasResourceProperties(
            "AWS::IAM::Policy",
            Map.of(
                "Roles",
                List.of(Map.of("Ref", Match.stringLikeRegexp("salesdb01S3TargetRole.*"))),
                "PolicyDocument",
                Map.of(
                    "Statement",
                    List.of(
                        Map.of(
                            "Effect",
                            "Allow",
                            "Action",
                            List.of("s3:PutObject", "s3:PutObjectTagging", "s3:DeleteObject"),
                            "Resource",
                            objects,
                            "Condition",
                            Map.of("StringEquals", Map.of("s3:ResourceAccount", Fixtures.ACCOUNT))),
                        Map.of(
                            "Effect",
                            "Allow",
                            "Action",
                            "s3:ListBucket",
                            "Resource",
                            bucketArn,
                            "Condition",
                            Map.of(
                                "StringEquals", Map.of("s3:ResourceAccount", Fixtures.ACCOUNT),
                                "StringLike",
                                    Map.of(
                                        "s3:prefix",
                                        List.of("data/sales-db01/", "data/sales-db01/*")))),
                        Map.of(
                            "Effect",
                            "Allow",
                            "Action",
                            List.of("kms:GenerateDataKey", "kms:Decrypt"),
                            "Resource",
                            Fixtures.KEY_ARN,
                            "Condition",
                            Map.of(
                                "StringEquals",
                                    Map.of("kms:ViaService", "s3.us-east-1.amazonaws.com"),
                                "StringLike",
                                    Map.of(
                                        "kms:EncryptionContext:aws:s3:arn",
                                        List.of(bucketArn, objects))))),
                    "Version",
                    "2012-10-17")));
  }

  @Test
  void eachServerHasAnS3RoleOfItsOwn() {
    Stack stack = stack();
    DmsSourceServerProps props = sourceProps(stack).build();
    new DmsSourceServer(stack, "erp01", props);
    new DmsSourceServer(
        stack,
        "erp02",
        DmsSourceServerProps.builder().from(props).bucketFolder("data/erp02").build());

    template(stack)
        .resourcePropertiesCountIs(
            "AWS::IAM::Role",
            Map.of("Description", "Lets DMS write replicated data to its S3 target"),
            2);
  }

  @Test
  void secretsRoleReadsExactlyItsDatabasesSecretsInOneStatement() {
    Stack stack = stack();
    DmsSourceServer server = Fixtures.sourceServer(stack);
    server.addDatabase("orders", orders());
    server.addDatabase("billing", DmsDatabaseOptions.builder().secretName("dms/billing").build());

    template(stack)
        .hasResourceProperties(
            "AWS::IAM::Policy",
            Map.of(
                "PolicyDocument",
                Map.of(
                    "Statement",
                    List.of(
                        Map.of(
                            "Effect",
                            "Allow",
                            "Action",
                            "secretsmanager:GetSecretValue",
                            "Resource",
                            List.of(secretArn("dms/sales-db01/orders"), secretArn("dms/billing")))),
                    "Version",
                    "2012-10-17")));
  }

  @Test
  void anImportedSecretWhoseArnIsATokenStillGetsASuffixSafePolicy() {
    Stack stack = stack();
    Fixtures.sourceServer(stack)
        .addDatabase(
            "orders",
            DmsDatabaseOptions.builder()
                .secret(
                    Secret.fromSecretPartialArn(stack, "Secret", Fn.importValue("OrdersSecret")))
                .build());

    template(stack)
        .hasResourceProperties(
            "AWS::IAM::Policy",
            Map.of(
                "PolicyDocument",
                Map.of(
                    "Statement",
                    Match.arrayWith(
                        List.of(
                            Match.objectLike(
                                Map.of(
                                    "Resource",
                                    Map.of(
                                        "Fn::Join",
                                        List.of(
                                            "",
                                            List.of(
                                                Map.of("Fn::ImportValue", "OrdersSecret"),
                                                "-??????"))))))))));
  }

  @Test
  void secretsKeyMayDecryptThroughSecretsManagerOnly() {
    Stack stack = stack();
    new DmsSourceServer(
            stack,
            "erp01",
            sourceProps(stack)
                .secretsEncryptionKey(Key.fromKeyArn(stack, "SecretsKey", Fixtures.KEY_ARN))
                .build())
        .addDatabase("orders", orders());

    template(stack)
        .hasResourceProperties(
            "AWS::IAM::Policy",
            Map.of(
                "PolicyDocument",
                Map.of(
                    "Statement",
                    Match.arrayWith(
                        List.of(
                            Map.of(
                                "Effect",
                                "Allow",
                                "Action",
                                "kms:Decrypt",
                                "Resource",
                                Fixtures.KEY_ARN,
                                "Condition",
                                Map.of(
                                    "StringEquals",
                                    Map.of(
                                        "kms:ViaService",
                                        "secretsmanager.us-east-1.amazonaws.com"))))))));
  }

  @Test
  void instanceReachesTheSourceOnItsPortInItsNetworksOnly() {
    Stack stack = stack();
    new DmsSourceServer(
        stack,
        "erp01",
        sourceProps(stack)
            .engine(SourceEngine.POSTGRESQL)
            .sourceCidrs(List.of("10.20.0.0/16", "192.0.2.10/32"))
            .build());
    Template template = template(stack);

    for (String cidr : List.of("10.20.0.0/16", "192.0.2.10/32")) {
      template.hasResourceProperties(
          "AWS::EC2::SecurityGroupEgress",
          Map.of(
              "GroupId",
              "sg-0123456789abcdef0",
              "CidrIp",
              cidr,
              "IpProtocol",
              "tcp",
              "FromPort",
              5432,
              "ToPort",
              5432));
    }
    template.resourceCountIs("AWS::EC2::SecurityGroupEgress", 2);
  }

  @Test
  void aDatabaseOnAPortOfItsOwnOpensThatPortOnceInTheServersNetworks() {
    Stack stack = stack();
    DmsSourceServer server =
        new DmsSourceServer(
            stack,
            "erp01",
            sourceProps(stack)
                .engine(SourceEngine.POSTGRESQL)
                .sourceCidrs(List.of("10.20.0.0/16"))
                .build());
    DmsDatabaseOptions onPgBouncer =
        DmsDatabaseOptions.builder().from(orders()).sourcePort(6432).build();
    DmsDatabaseMigration orders = server.addDatabase("orders", onPgBouncer);
    server.addDatabase(
        "invoices",
        DmsDatabaseOptions.builder().from(onPgBouncer).secretName("dms/erp01/invoices").build());
    DmsDatabaseMigration ledger =
        server.addDatabase("ledger", DmsDatabaseOptions.builder().secretName("dms/l").build());
    Template template = template(stack);

    for (int port : List.of(5432, 6432)) {
      template.hasResourceProperties(
          "AWS::EC2::SecurityGroupEgress",
          Map.of(
              "GroupId",
              "sg-0123456789abcdef0",
              "CidrIp",
              "10.20.0.0/16",
              "FromPort",
              port,
              "ToPort",
              port));
    }
    template.resourceCountIs("AWS::EC2::SecurityGroupEgress", 2);
    assertThat(orders.getSourcePort()).isEqualTo(6432);
    assertThat(ledger.getSourcePort()).isEqualTo(5432);
  }

  @Test
  void databasesOverrideTheServersSettings() throws Exception {
    Stack stack = stack();
    new DmsSourceServer(
            stack,
            "erp01",
            sourceProps(stack)
                .taskSettings("{\"TargetMetadata\":{\"BatchApplyEnabled\":true}}")
                .build())
        .addDatabase(
            "orders",
            DmsDatabaseOptions.builder()
                .from(orders())
                .migrationType(MigrationType.FULL_LOAD)
                .subfolder("sales/orders")
                .taskSettings("{\"TargetMetadata\":{\"ParallelLoadThreads\":4}}")
                .tableMappings(
                    "{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"a\","
                        + "\"object-locator\":{\"schema-name\":\"dbo\",\"table-name\":\"%\"},"
                        + "\"rule-action\":\"include\"}]}")
                .build());
    Template template = template(stack);

    template.hasResourceProperties(
        "AWS::DMS::ReplicationTask", Map.of("MigrationType", "full-load"));
    template.hasResourceProperties(
        "AWS::DMS::Endpoint",
        Map.of(
            "S3Settings",
            Match.objectLike(Map.of("BucketFolder", "data/sales-db01/sales/orders"))));
    var settings =
        JSON.readTree(
            DmsDatabaseMigrationTestSupport.taskProperty(template, "ReplicationTaskSettings"));
    assertThat(settings.at("/TargetMetadata/BatchApplyEnabled").asBoolean()).isTrue();
    assertThat(settings.at("/TargetMetadata/ParallelLoadThreads").asInt()).isEqualTo(4);
    assertThat(settings.at("/Logging/EnableLogging").asBoolean()).isTrue();
    assertThat(DmsDatabaseMigrationTestSupport.taskProperty(template, "TableMappings"))
        .contains("dbo");
  }

  @Test
  void anImportedInstanceGainsAMigration() {
    Stack stack = stack();
    DmsDatabaseMigration orders = Fixtures.sourceServer(stack).addDatabase("orders", orders());

    template(stack)
        .hasResourceProperties(
            "AWS::DMS::ReplicationTask", Map.of("ReplicationInstanceArn", Fixtures.INSTANCE_ARN));
    assertThat(orders.metricCdcLatencySource().getDimensions())
        .containsEntry("ReplicationInstanceIdentifier", "sales-db01-instance");
  }

  @Test
  void failsWhenTwoDatabasesTakeTheSameNames() {
    Stack stack = stack();
    DmsSourceServer server = Fixtures.sourceServer(stack);
    server.addDatabase("Orders", orders());

    assertThatThrownBy(() -> server.addDatabase("orders", orders()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid DmsDatabaseMigration 'orders' of 'sales-db01': 'replicationIdentifier'"
                + " sales-db01-orders-all is taken by database 'Orders' of this server already: give"
                + " one of them another; 'sourceEndpointIdentifier'"
                + " sales-db01-orders-sqlserver-source-endpoint is taken by database 'Orders' of this"
                + " server already: give one of them another; 'targetEndpointIdentifier'"
                + " sales-db01-orders-s3-target-endpoint is taken by database 'Orders' of this server"
                + " already: give one of them another");
  }

  @Test
  void reportsEveryProblemOfADatabaseAtOnce() {
    Stack stack = stack();
    DmsSourceServer server = Fixtures.sourceServer(stack);

    assertThatThrownBy(
            () ->
                server.addDatabase(
                    "orders",
                    DmsDatabaseOptions.builder()
                        .sslMode(io.github.dmsfleet.rules.SslMode.VERIFY_FULL)
                        .migrationType(MigrationType.FULL_LOAD)
                        .cdcStartPosition("checkpoint:V1#1")
                        .subfolder("/orders")
                        .sourcePort(65_536)
                        .build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid DmsDatabaseMigration 'orders' of 'sales-db01': 'secret' or 'secretName' is"
                + " required; 'subfolder' must be an S3 folder such as data or lake/raw: letters,"
                + " digits and ! _ . ' ( ) -, parts joined by single /, got '/orders';"
                + " 'sourcePort' must be between 1 and 65535, got 65536;"
                + " 'certificateArn' is required with 'sslMode' verify-full: give the ARN of the DMS"
                + " certificate of the source's CA, or use 'sslMode' require; 'cdcStartPosition' and"
                + " 'cdcStartTime' apply only to CDC, but 'migrationType' is full-load: remove them or"
                + " choose cdc or full-load-and-cdc");
  }

  @Test
  void reportsEveryProblemOfAServerAtOnce() {
    Stack stack = stack();
    DmsSourceServerProps props =
        DmsSourceServerProps.builder()
            .bucketFolder("data/")
            .sourceCidrs(List.of("10.0.0.0/33"))
            .maxFileSize(Size.gibibytes(2))
            .build();

    assertThatThrownBy(() -> new DmsSourceServer(stack, "erp01", props))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid DmsSourceServer 'erp01': 'replicationServer' is required; 'engine' is required;"
                + " 'targetBucket' is required; 'bucketFolder' must be an S3 folder such as data or"
                + " lake/raw: letters, digits and ! _ . ' ( ) -, parts joined by single /, got 'data/';"
                + " 'sourceCidrs' holds '10.0.0.0/33', which is not an IPv4 CIDR block such as"
                + " 10.1.0.0/24: four numbers up to 255, a prefix from /1 to /32, no bit set after"
                + " the prefix; 'maxFileSize' must be a whole number of KiB from 1 to"
                + " 1048576, got 2097152 KiB");
  }

  private static Object secretArn(String name) {
    return Map.of(
        "Fn::Join",
        List.of(
            "",
            List.of(
                "arn:",
                Map.of("Ref", "AWS::Partition"),
                ":secretsmanager:us-east-1:123456789012:secret:" + name + "-??????")));
  }
}
