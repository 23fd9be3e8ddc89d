package io.github.dmsfleet.app;

import io.github.dmsfleet.constructs.DmsS3TargetRole;
import io.github.dmsfleet.constructs.DmsS3TargetRoleProps;
import io.github.dmsfleet.constructs.DmsTargetBucket;
import io.github.dmsfleet.constructs.DmsTargetBucketProps;
import io.github.dmsfleet.model.Settings;
import java.util.List;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.Bucket;
import software.constructs.Construct;

/** The target bucket with its KMS key, and the role DMS writes to it with. */
public final class StorageStack extends Stack {
  private final DmsTargetBucket targetBucket;
  private final DmsS3TargetRole targetRole;

  StorageStack(Construct scope, String id, StackProps props, Settings settings) {
    super(scope, id, props);
    DmsTargetBucketProps.Builder bucket = DmsTargetBucketProps.builder();
    settings
        .kmsKeyArn()
        .ifPresent(arn -> bucket.encryptionKey(Key.fromKeyArn(this, "ExistingKey", arn)));
    if (settings.bucketName().isPresent()) {
      bucket.bucket(Bucket.fromBucketName(this, "ExistingBucket", settings.bucketName().get()));
    } else {
      // The lifecycle rule belongs to a bucket this app creates; an existing bucket keeps its own.
      bucket.glacierTransitionAfterDays(settings.glacierTransitionDays());
    }
    targetBucket = new DmsTargetBucket(this, "TargetBucket", bucket.build());
    targetRole =
        new DmsS3TargetRole(
            this,
            "S3TargetRole",
            DmsS3TargetRoleProps.builder()
                .bucket(targetBucket.getBucket())
                .encryptionKey(targetBucket.getEncryptionKey())
                .bucketFolders(List.of(settings.s3Prefix()))
                .build());
  }

  public DmsTargetBucket getTargetBucket() {
    return targetBucket;
  }

  public DmsS3TargetRole getTargetRole() {
    return targetRole;
  }
}
