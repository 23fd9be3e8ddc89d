package io.github.dmsfleet.constructs;

import io.github.dmsfleet.constructs.internal.DmsPrincipals;
import io.github.dmsfleet.constructs.internal.Nag;
import io.github.dmsfleet.constructs.internal.Problems;
import io.github.dmsfleet.rules.S3Targets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/**
 * The role DMS assumes to write into the S3 target: put, delete and tag objects under the given
 * folders, list the bucket (limited to those folders), and use the bucket's KMS key for data keys.
 * Never {@code s3:*}.
 *
 * <p>It trusts {@code dms.amazonaws.com} and {@code dms.<region>.amazonaws.com}, only for DMS
 * resources of this account. Construct id: {@code Resource} (the role).
 */
public class DmsS3TargetRole extends Construct {
  private final Role role;

  public DmsS3TargetRole(Construct scope, String id, DmsS3TargetRoleProps props) {
    super(scope, id);
    validate(props);
    IBucket bucket = props.getBucket();
    IKey key = Objects.requireNonNullElse(props.getEncryptionKey(), bucket.getEncryptionKey());
    List<String> folders = Objects.requireNonNullElse(props.getBucketFolders(), List.of());
    List<String> objectPatterns =
        folders.isEmpty() ? List.of("*") : folders.stream().map(f -> f + "/*").toList();

    role =
        Role.Builder.create(this, "Resource")
            .roleName(props.getRoleName())
            .description("Lets DMS write replicated data to its S3 target")
            .assumedBy(DmsPrincipals.dmsOfThisAccount(this))
            .build();
    role.addToPolicy(
        PolicyStatement.Builder.create()
            .actions(List.of("s3:PutObject", "s3:DeleteObject", "s3:PutObjectTagging"))
            .resources(objectPatterns.stream().map(bucket::arnForObjects).toList())
            .build());
    PolicyStatement.Builder listBucket =
        PolicyStatement.Builder.create()
            .actions(List.of("s3:ListBucket"))
            .resources(List.of(bucket.getBucketArn()));
    if (!folders.isEmpty()) {
      List<String> listedPrefixes =
          folders.stream().flatMap(f -> List.of(f, f + "/*").stream()).toList();
      listBucket.conditions(Map.of("StringLike", Map.of("s3:prefix", listedPrefixes)));
    }
    role.addToPolicy(listBucket.build());
    role.addToPolicy(
        PolicyStatement.Builder.create()
            .actions(List.of("kms:GenerateDataKey", "kms:Decrypt"))
            .resources(List.of(key.getKeyArn()))
            .conditions(
                Map.of(
                    "StringEquals",
                    Map.of(
                        "kms:ViaService", "s3." + Stack.of(this).getRegion() + ".amazonaws.com")))
            .build());
    Nag.acknowledgeEndingWith(
        role,
        "AwsSolutions-IAM5",
        "DMS names the objects it writes (schema/table/timestamped files), so the role may write any object"
            + " below its bucket folders, and nothing outside them.",
        "Resource::",
        objectPatterns.stream().map(p -> "/" + p).toList());
  }

  /** The role, for {@link DmsDatabaseMigrationProps#getS3TargetRole()}. */
  public IRole getRole() {
    return role;
  }

  private void validate(DmsS3TargetRoleProps props) {
    Problems problems = new Problems("DmsS3TargetRole '" + getNode().getId() + "'");
    problems.require("bucket", props.getBucket());
    if (props.getBucket() != null
        && props.getEncryptionKey() == null
        && props.getBucket().getEncryptionKey() == null) {
      problems.add(
          "'encryptionKey' is required: the bucket does not know its KMS key, and DMS writes with"
              + " SSE-KMS");
    }
    if (props.getBucketFolders() != null) {
      if (props.getBucketFolders().isEmpty()) {
        problems.add(
            "'bucketFolders' must hold at least one folder; leave it out to allow the whole bucket");
      }
      problems.checkEach("bucketFolders", props.getBucketFolders(), S3Targets.FOLDER);
    }
    problems.throwIfAny();
  }
}
