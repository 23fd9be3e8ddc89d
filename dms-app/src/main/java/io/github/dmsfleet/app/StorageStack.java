package io.github.dmsfleet.app;

import io.github.dmsfleet.constructs.DmsTargetBucket;
import io.github.dmsfleet.constructs.DmsTargetBucketProps;
import io.github.dmsfleet.model.Settings;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.Bucket;
import software.constructs.Construct;

/**
 * The target bucket with its KMS key, when the fleet creates them; each server stack has the role
 * that writes its folder. An existing bucket is only referenced, from the network stack, and this
 * stack is left out: a stack without resources cannot be deployed.
 */
public final class StorageStack extends Stack {
  private final DmsTargetBucket targetBucket;

  StorageStack(Construct scope, String id, StackProps props, Settings settings) {
    super(scope, id, props);
    targetBucket = targetBucket(this, settings);
  }

  /** The bucket the settings describe, new or existing, in {@code scope}. */
  static DmsTargetBucket targetBucket(Construct scope, Settings settings) {
    DmsTargetBucketProps.Builder bucket = DmsTargetBucketProps.builder();
    settings
        .kmsKeyArn()
        .ifPresent(arn -> bucket.encryptionKey(Key.fromKeyArn(scope, "ExistingKey", arn)));
    if (settings.bucketName().isPresent()) {
      bucket.bucket(Bucket.fromBucketName(scope, "ExistingBucket", settings.bucketName().get()));
    } else {
      // The lifecycle rule belongs to a bucket this app creates; an existing bucket keeps its own.
      bucket.glacierTransitionAfterDays(settings.glacierTransitionDays());
    }
    return new DmsTargetBucket(scope, "TargetBucket", bucket.build());
  }

  public DmsTargetBucket getTargetBucket() {
    return targetBucket;
  }
}
