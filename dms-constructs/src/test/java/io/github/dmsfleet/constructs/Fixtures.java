package io.github.dmsfleet.constructs;

import io.github.dmsfleet.rules.SourceEngine;
import java.util.List;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SecurityGroupImportOptions;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketAttributes;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/** Stacks and valid props to start tests from. */
final class Fixtures {
  static final String ACCOUNT = "123456789012";
  static final String REGION = "us-east-1";
  static final String KEY_ARN =
      "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555";
  static final String INSTANCE_ARN = "arn:aws:dms:us-east-1:123456789012:rep:ABCDEFGHIJKLMNOP";

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

  /** The bucket {@code data-lake}, imported with its key. */
  static IBucket lake(Construct scope) {
    return Bucket.fromBucketAttributes(
        scope,
        "Lake",
        BucketAttributes.builder()
            .bucketName("data-lake")
            .encryptionKey(Key.fromKeyArn(scope, "LakeKey", KEY_ARN))
            .build());
  }

  /** An instance made elsewhere, with one security group. */
  static IDmsReplicationServer importedInstance(Construct scope) {
    return DmsReplicationServer.fromReplicationInstanceAttributes(
        scope,
        "Instance",
        DmsReplicationInstanceAttributes.builder()
            .replicationInstanceArn(INSTANCE_ARN)
            .replicationInstanceIdentifier("sales-db01-instance")
            .securityGroups(
                List.of(
                    SecurityGroup.fromSecurityGroupId(
                        scope, "Sg", "sg-0123456789abcdef0", sgOptions())))
            .build());
  }

  private static SecurityGroupImportOptions sgOptions() {
    return SecurityGroupImportOptions.builder().allowAllOutbound(false).build();
  }

  /** Valid props for a SQL Server source server on an imported instance. */
  static DmsSourceServerProps.Builder sourceProps(Construct scope) {
    return DmsSourceServerProps.builder()
        .engine(SourceEngine.SQL_SERVER)
        .replicationServer(importedInstance(scope))
        .targetBucket(lake(scope))
        .bucketFolder("data/sales-db01");
  }

  static DmsSourceServer sourceServer(Construct scope) {
    return new DmsSourceServer(scope, "sales-db01", sourceProps(scope).build());
  }

  /** Valid props for a SQL Server source server replicating with DMS Serverless in a new VPC. */
  static DmsServerlessSourceServerProps.Builder serverlessProps(Construct scope) {
    return DmsServerlessSourceServerProps.builder()
        .engine(SourceEngine.SQL_SERVER)
        .network(new DmsNetwork(scope, "Network"))
        .targetBucket(lake(scope))
        .bucketFolder("data/sales-db01");
  }

  static DmsServerlessSourceServer serverlessServer(Construct scope) {
    return new DmsServerlessSourceServer(scope, "sales-db01", serverlessProps(scope).build());
  }

  static DmsDatabaseOptions orders() {
    return DmsDatabaseOptions.builder().secretName("dms/sales-db01/orders").build();
  }
}
