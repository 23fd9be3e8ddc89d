package io.github.dmsfleet.constructs;

import io.github.dmsfleet.rules.SourceEngine;
import java.util.List;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketAttributes;
import software.constructs.Construct;

/** Stacks and valid props to start tests from. */
final class Fixtures {
  static final String ACCOUNT = "123456789012";
  static final String REGION = "us-east-1";
  static final String KEY_ARN =
      "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555";

  private Fixtures() {}

  static Stack stack() {
    return stack(new App(), "Test");
  }

  static Stack stack(App app, String id) {
    return new Stack(
        app,
        id,
        StackProps.builder()
            .env(Environment.builder().account(ACCOUNT).region(REGION).build())
            .build());
  }

  static Template template(Stack stack) {
    return Template.fromStack(stack);
  }

  static DmsReplicationServerProps.Builder serverProps(Construct scope) {
    return DmsReplicationServerProps.builder()
        .replicationInstanceIdentifier("sales-db01")
        .subnetGroupIdentifier("dms-subnets")
        .securityGroups(
            List.of(SecurityGroup.fromSecurityGroupId(scope, "Sg", "sg-0123456789abcdef0")));
  }

  static DmsReplicationServer server(Construct scope) {
    return new DmsReplicationServer(scope, "Server", serverProps(scope).build());
  }

  /**
   * Valid props for a SQL Server database, with the target resources imported into {@code scope}.
   */
  static DmsDatabaseMigrationProps.Builder migrationProps(Construct scope) {
    return DmsDatabaseMigrationProps.builder()
        .sourceEngine(SourceEngine.SQL_SERVER)
        .databaseName("Orders")
        .secretsManagerSecretId("dms/sales-db01/orders")
        .secretsAccessRole(
            Role.fromRoleArn(scope, "SecretsRole", "arn:aws:iam::123456789012:role/dms-secrets"))
        .sourceEndpointIdentifier("sales-db01-orders-source")
        .targetEndpointIdentifier("sales-db01-orders-target")
        .replicationTaskIdentifier("sales-db01-orders")
        .targetBucket(
            Bucket.fromBucketAttributes(
                scope,
                "Lake",
                BucketAttributes.builder()
                    .bucketName("data-lake")
                    .encryptionKey(Key.fromKeyArn(scope, "LakeKey", KEY_ARN))
                    .build()))
        .s3TargetRole(Role.fromRoleArn(scope, "S3Role", "arn:aws:iam::123456789012:role/dms-s3"))
        .bucketFolder("sales-db01/orders");
  }
}
