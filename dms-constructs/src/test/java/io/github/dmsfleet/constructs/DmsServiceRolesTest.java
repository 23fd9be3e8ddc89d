package io.github.dmsfleet.constructs;

import static io.github.dmsfleet.constructs.Fixtures.stack;
import static io.github.dmsfleet.constructs.Fixtures.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketAttributes;

/** {@link DmsS3TargetRole} and {@link DmsSecretsAccessRole}. */
class DmsServiceRolesTest {
  private static final String BUCKET_ARN = "arn:aws:s3:::data-lake";

  private static Template s3Role(List<String> folders) {
    Stack stack = stack();
    new DmsS3TargetRole(
        stack,
        "S3Role",
        DmsS3TargetRoleProps.builder()
            .bucket(
                Bucket.fromBucketAttributes(
                    stack,
                    "Lake",
                    BucketAttributes.builder()
                        .bucketArn(BUCKET_ARN)
                        .encryptionKey(Key.fromKeyArn(stack, "Key", Fixtures.KEY_ARN))
                        .build()))
            .bucketFolders(folders)
            .build());
    return template(stack);
  }

  private static Template secretsRole(DmsSecretsAccessRoleProps props) {
    Stack stack = stack();
    new DmsSecretsAccessRole(stack, "SecretsRole", props);
    return template(stack);
  }

  private static Map<String, Object> statement(Map<String, Object> fields) {
    return Map.of(
        "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(fields)))));
  }

  @Test
  void bothRolesTrustRegionalAndGlobalDmsOfThisAccountOnly() {
    Template s3 = s3Role(null);
    Template secrets =
        secretsRole(DmsSecretsAccessRoleProps.builder().secretNames(List.of("dms/a")).build());

    Map<String, Object> conditions =
        Map.of(
            "StringEquals", Map.of("aws:SourceAccount", "123456789012"),
            "ArnLike",
                Map.of(
                    "aws:SourceArn",
                    Map.of(
                        "Fn::Join",
                        List.of(
                            "",
                            List.of(
                                "arn:",
                                Map.of("Ref", "AWS::Partition"),
                                ":dms:us-east-1:123456789012:*")))));
    Map<String, Object> trust =
        Map.of(
            "AssumeRolePolicyDocument",
            Map.of(
                "Statement",
                List.of(
                    Map.of(
                        "Action",
                        "sts:AssumeRole",
                        "Effect",
                        "Allow",
                        "Condition",
                        conditions,
                        "Principal",
                        Map.of("Service", "dms.amazonaws.com")),
                    Map.of(
                        "Action",
                        "sts:AssumeRole",
                        "Effect",
                        "Allow",
                        "Condition",
                        conditions,
                        "Principal",
                        Map.of("Service", "dms.us-east-1.amazonaws.com")))));
    s3.hasResourceProperties("AWS::IAM::Role", trust);
    secrets.hasResourceProperties("AWS::IAM::Role", trust);
  }

  @Test
  void s3RoleWritesOnlyObjectsBelowItsFolders() {
    Template template = s3Role(List.of("sales", "hr/payroll"));

    template.hasResourceProperties(
        "AWS::IAM::Policy",
        statement(
            Map.of(
                "Action", List.of("s3:PutObject", "s3:DeleteObject", "s3:PutObjectTagging"),
                "Resource", List.of(BUCKET_ARN + "/sales/*", BUCKET_ARN + "/hr/payroll/*"))));
  }

  @Test
  void s3RoleListsOnlyItsFolders() {
    Template template = s3Role(List.of("sales"));

    template.hasResourceProperties(
        "AWS::IAM::Policy",
        statement(
            Map.of(
                "Action",
                "s3:ListBucket",
                "Resource",
                BUCKET_ARN,
                "Condition",
                Map.of("StringLike", Map.of("s3:prefix", List.of("sales", "sales/*"))))));
  }

  @Test
  void s3RoleUsesTheBucketKeyOnlyThroughS3() {
    Template template = s3Role(null);

    template.hasResourceProperties(
        "AWS::IAM::Policy",
        statement(
            Map.of(
                "Action", List.of("kms:GenerateDataKey", "kms:Decrypt"),
                "Resource", Fixtures.KEY_ARN,
                "Condition",
                    Map.of(
                        "StringEquals", Map.of("kms:ViaService", "s3.us-east-1.amazonaws.com")))));
  }

  @Test
  void s3RoleNeverGetsS3Wildcards() {
    Template template = s3Role(null);

    String policies = template.findResources("AWS::IAM::Policy").toString();
    assertThat(policies).doesNotContain("s3:*", "AmazonS3FullAccess");
    template.hasResourceProperties(
        "AWS::IAM::Policy", statement(Map.of("Resource", BUCKET_ARN + "/*")));
  }

  @Test
  void s3RoleRejectsFoldersWithSlashesOrWildcards() {
    Stack stack = stack();
    DmsS3TargetRoleProps props =
        DmsS3TargetRoleProps.builder()
            .bucket(Bucket.fromBucketName(stack, "Lake", "data-lake"))
            .bucketFolders(List.of("/sales", "hr*"))
            .build();

    assertThatThrownBy(() -> new DmsS3TargetRole(stack, "S3Role", props))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid DmsS3TargetRole 'S3Role': 'encryptionKey' is required: the bucket does not know"
                + " its KMS key, and DMS writes with SSE-KMS; 'bucketFolders' holds '/sales', which is"
                + " not an S3 folder such as data or lake/raw: letters, digits and ! _ . ' ( ) -, parts"
                + " joined by single /; 'bucketFolders' holds 'hr*', which is not an S3 folder such as"
                + " data or lake/raw: letters, digits and ! _ . ' ( ) -, parts joined by single /");
  }

  @Test
  void secretsRoleReadsExactlyTheNamedSecrets() {
    String arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:dms/hr-AbC123";
    Template template =
        secretsRole(
            DmsSecretsAccessRoleProps.builder()
                .secretNames(List.of("dms/sales"))
                .secretArns(List.of(arn))
                .build());

    template.hasResourceProperties(
        "AWS::IAM::Policy",
        Map.of(
            "PolicyDocument",
            Map.of(
                "Statement",
                List.of(
                    Map.of(
                        "Action",
                        "secretsmanager:GetSecretValue",
                        "Effect",
                        "Allow",
                        "Resource",
                        List.of(
                            arn,
                            Map.of(
                                "Fn::Join",
                                List.of(
                                    "",
                                    List.of(
                                        "arn:",
                                        Map.of("Ref", "AWS::Partition"),
                                        ":secretsmanager:us-east-1:123456789012:secret:dms/sales-??????")))))))));
  }

  @Test
  void secretsRoleDecryptsWithACustomerKeyOnlyThroughSecretsManager() {
    Stack stack = stack();
    new DmsSecretsAccessRole(
        stack,
        "SecretsRole",
        DmsSecretsAccessRoleProps.builder()
            .secretNames(List.of("dms/sales"))
            .encryptionKey(Key.fromKeyArn(stack, "Key", Fixtures.KEY_ARN))
            .build());

    template(stack)
        .hasResourceProperties(
            "AWS::IAM::Policy",
            statement(
                Map.of(
                    "Action",
                    "kms:Decrypt",
                    "Resource",
                    Fixtures.KEY_ARN,
                    "Condition",
                    Map.of(
                        "StringEquals",
                        Map.of("kms:ViaService", "secretsmanager.us-east-1.amazonaws.com")))));
  }

  @Test
  void secretsRoleRejectsPartialArnsAndNoSecrets() {
    Stack stack = stack();
    DmsSecretsAccessRoleProps partial =
        DmsSecretsAccessRoleProps.builder()
            .secretArns(List.of("arn:aws:secretsmanager:us-east-1:123456789012:secret:dms/sales"))
            .build();

    assertThatThrownBy(() -> new DmsSecretsAccessRole(stack, "Partial", partial))
        .hasMessage(
            "Invalid DmsSecretsAccessRole 'Partial': 'secretArns' holds"
                + " 'arn:aws:secretsmanager:us-east-1:123456789012:secret:dms/sales', which is not a"
                + " complete secret ARN"
                + " (arn:<partition>:secretsmanager:<region>:<account>:secret:<name>-<6 characters>);"
                + " give a secret by name in 'secretNames' instead");
    assertThatThrownBy(
            () ->
                new DmsSecretsAccessRole(
                    stack, "None", DmsSecretsAccessRoleProps.builder().build()))
        .hasMessage(
            "Invalid DmsSecretsAccessRole 'None': 'secretNames' or 'secretArns' must name at least"
                + " one secret");
  }
}
