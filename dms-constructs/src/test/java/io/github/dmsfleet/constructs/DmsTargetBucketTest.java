package io.github.dmsfleet.constructs;

import static io.github.dmsfleet.constructs.Fixtures.stack;
import static io.github.dmsfleet.constructs.Fixtures.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.Bucket;

class DmsTargetBucketTest {
  private static final Map<String, Object> BLOCK_ALL =
      Map.of(
          "BlockPublicAcls", true,
          "BlockPublicPolicy", true,
          "IgnorePublicAcls", true,
          "RestrictPublicBuckets", true);

  private static Template synth(DmsTargetBucketProps props) {
    Stack stack = stack();
    new DmsTargetBucket(stack, "Lake", props);
    return template(stack);
  }

  @Test
  void encryptsWithANewRotatingCustomerManagedKey() {
    Template template = synth(DmsTargetBucketProps.builder().build());

    template.hasResourceProperties("AWS::KMS::Key", Map.of("EnableKeyRotation", true));
    template.hasResourceProperties(
        "AWS::S3::Bucket",
        Map.of(
            "BucketEncryption",
            Map.of(
                "ServerSideEncryptionConfiguration",
                List.of(
                    Map.of(
                        "BucketKeyEnabled",
                        true,
                        "ServerSideEncryptionByDefault",
                        Map.of(
                            "SSEAlgorithm",
                            "aws:kms",
                            "KMSMasterKeyID",
                            Map.of(
                                "Fn::GetAtt",
                                List.of(Match.stringLikeRegexp("LakeKey.*"), "Arn"))))))));
  }

  @Test
  void blocksPublicAccessAndKeepsVersions() {
    Template template = synth(DmsTargetBucketProps.builder().build());

    template.hasResourceProperties(
        "AWS::S3::Bucket",
        Map.of(
            "PublicAccessBlockConfiguration",
            BLOCK_ALL,
            "VersioningConfiguration",
            Map.of("Status", "Enabled")));
  }

  @Test
  void bothBucketsRefuseRequestsWithoutSsl() {
    Template template = synth(DmsTargetBucketProps.builder().build());

    template.resourcePropertiesCountIs(
        "AWS::S3::BucketPolicy",
        Map.of(
            "PolicyDocument",
            Map.of(
                "Statement",
                Match.arrayWith(
                    List.of(
                        Match.objectLike(
                            Map.of(
                                "Effect", "Deny",
                                "Action", "s3:*",
                                "Condition",
                                    Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))),
        2);
  }

  @Test
  void logsAccessToASeparateEncryptedPrivateBucketUnderABucketPolicy() {
    Template template = synth(DmsTargetBucketProps.builder().build());

    template.hasResourceProperties(
        "AWS::S3::Bucket",
        Map.of(
            "LoggingConfiguration",
            Map.of(
                "DestinationBucketName",
                Map.of("Ref", Match.stringLikeRegexp("LakeAccessLogsBucket.*")))));
    template.hasResourceProperties(
        "AWS::S3::Bucket",
        Map.of(
            "BucketEncryption",
                Map.of(
                    "ServerSideEncryptionConfiguration",
                    List.of(
                        Map.of("ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256")))),
            "PublicAccessBlockConfiguration", BLOCK_ALL,
            "AccessControl", Match.absent()));
    template.hasResourceProperties(
        "AWS::S3::BucketPolicy",
        Map.of(
            "PolicyDocument",
            Map.of(
                "Statement",
                Match.arrayWith(
                    List.of(
                        Match.objectLike(
                            Map.of(
                                "Principal",
                                Map.of("Service", "logging.s3.amazonaws.com"),
                                "Action",
                                "s3:PutObject")))))));
  }

  @Test
  void archivesToGlacierAfterAYearByDefault() {
    Template template = synth(DmsTargetBucketProps.builder().build());

    template.hasResourceProperties(
        "AWS::S3::Bucket",
        Map.of(
            "LifecycleConfiguration",
            Map.of(
                "Rules",
                List.of(
                    Map.of(
                        "Id",
                        "ArchiveToGlacier",
                        "Status",
                        "Enabled",
                        "Transitions",
                        List.of(Map.of("StorageClass", "GLACIER", "TransitionInDays", 365)))))));
  }

  @Test
  void glacierTransitionCanBeTurnedOff() {
    Template template = synth(DmsTargetBucketProps.builder().glacierTransitionAfterDays(0).build());

    template.hasResource(
        "AWS::S3::Bucket",
        Map.of(
            "Properties",
            Map.of(
                "VersioningConfiguration", Map.of("Status", "Enabled"),
                "LifecycleConfiguration", Match.absent())));
  }

  @Test
  void retainsBucketsAndKeyByDefault() {
    Template template = synth(DmsTargetBucketProps.builder().build());

    template.hasResource(
        "AWS::S3::Bucket", Map.of("DeletionPolicy", "Retain", "UpdateReplacePolicy", "Retain"));
    template.allResources("AWS::S3::Bucket", Map.of("DeletionPolicy", "Retain"));
    template.hasResource("AWS::KMS::Key", Map.of("DeletionPolicy", "Retain"));
  }

  @Test
  void usesAnExistingBucketWithoutCreatingAnything() {
    Stack stack = stack();
    DmsTargetBucket lake =
        new DmsTargetBucket(
            stack,
            "Lake",
            DmsTargetBucketProps.builder()
                .bucket(Bucket.fromBucketName(stack, "Existing", "data-lake"))
                .encryptionKey(Key.fromKeyArn(stack, "Key", Fixtures.KEY_ARN))
                .build());

    assertThat(stack.getNode().findAll()).noneMatch(CfnResource.class::isInstance);
    assertThat(lake.getBucket().getBucketName()).isEqualTo("data-lake");
    assertThat(lake.getEncryptionKey().getKeyArn()).isEqualTo(Fixtures.KEY_ARN);
    assertThat(lake.getAccessLogsBucket()).isNull();
  }

  @Test
  void failsWhenAnExistingBucketGetsNewBucketSettings() {
    Stack stack = stack();
    DmsTargetBucketProps props =
        DmsTargetBucketProps.builder()
            .bucket(Bucket.fromBucketName(stack, "Existing", "data-lake"))
            .bucketName("other-lake")
            .removalPolicy(RemovalPolicy.DESTROY)
            .build();

    assertThatThrownBy(() -> new DmsTargetBucket(stack, "Lake", props))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid DmsTargetBucket 'Lake': 'bucketName' applies only to a new bucket, but an"
                + " existing 'bucket' is given: remove 'bucketName', or remove 'bucket' to create one;"
                + " 'removalPolicy' applies only to a new bucket, but an existing 'bucket' is given: remove"
                + " 'removalPolicy', or remove 'bucket' to create one; 'encryptionKey' is required with an"
                + " existing 'bucket': DMS writes with SSE-KMS and needs the key the bucket is encrypted with");
  }

  @Test
  void grantReadCoversObjectsAndTheirKey() {
    Stack stack = stack();
    DmsTargetBucket lake = new DmsTargetBucket(stack, "Lake");
    Role reader =
        Role.Builder.create(stack, "Reader")
            .assumedBy(new ServicePrincipal("glue.amazonaws.com"))
            .build();

    lake.grantRead(reader);

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
                                Map.of("Action", Match.arrayWith(List.of("s3:GetObject*")))),
                            Match.objectLike(
                                Map.of("Action", Match.arrayWith(List.of("kms:Decrypt")))))))));
  }
}
