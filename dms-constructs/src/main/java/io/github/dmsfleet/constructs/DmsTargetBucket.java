package io.github.dmsfleet.constructs;

import io.github.dmsfleet.constructs.internal.Nag;
import io.github.dmsfleet.constructs.internal.Problems;
import io.github.dmsfleet.rules.Defaults;
import io.github.dmsfleet.rules.S3Targets;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.StorageClass;
import software.amazon.awscdk.services.s3.Transition;
import software.constructs.Construct;

/**
 * The S3 bucket DMS replicates into, encrypted with a customer managed KMS key, or an existing
 * bucket.
 *
 * <p>Construct ids: {@code Resource} (the bucket), {@code Key}, {@code AccessLogsBucket}; none for
 * an existing bucket.
 */
public class DmsTargetBucket extends Construct {
  /**
   * Objects move to Glacier after this many days unless {@code glacierTransitionAfterDays} says
   * otherwise.
   */
  public static final int DEFAULT_GLACIER_TRANSITION_AFTER_DAYS = Defaults.GLACIER_TRANSITION_DAYS;

  // Access logs are delivered under a bucket policy rather than the legacy log-delivery ACL.
  private static final String LOGS_USE_BUCKET_POLICY =
      "@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy";

  private final IBucket bucket;
  private final IKey encryptionKey;
  private final @Nullable Bucket accessLogsBucket;

  /** A new bucket with the defaults of {@link DmsTargetBucketProps}. */
  public DmsTargetBucket(Construct scope, String id) {
    this(scope, id, DmsTargetBucketProps.builder().build());
  }

  /** A new or existing bucket as {@code props} describe it. */
  public DmsTargetBucket(Construct scope, String id, DmsTargetBucketProps props) {
    super(scope, id);
    validate(id, props);
    if (props.getBucket() != null) {
      bucket = props.getBucket();
      encryptionKey =
          Objects.requireNonNullElse(props.getEncryptionKey(), bucket.getEncryptionKey());
      accessLogsBucket = null;
      return;
    }
    getNode().setContext(LOGS_USE_BUCKET_POLICY, true);
    RemovalPolicy removalPolicy =
        Objects.requireNonNullElse(props.getRemovalPolicy(), RemovalPolicy.RETAIN);
    encryptionKey =
        props.getEncryptionKey() != null
            ? props.getEncryptionKey()
            : Key.Builder.create(this, "Key")
                .description("Encrypts the DMS target bucket " + getNode().getPath())
                .enableKeyRotation(true)
                .removalPolicy(removalPolicy)
                .build();
    accessLogsBucket =
        Bucket.Builder.create(this, "AccessLogsBucket")
            .encryption(BucketEncryption.S3_MANAGED)
            .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
            .enforceSsl(true)
            .removalPolicy(removalPolicy)
            .build();
    Nag.acknowledge(
        accessLogsBucket,
        "AwsSolutions-S1",
        "This bucket receives the server access logs of the DMS target bucket; logging its own access"
            + " would need yet another bucket without adding an audit trail for the data.");
    int glacierDays =
        Objects.requireNonNullElse(
            props.getGlacierTransitionAfterDays(), DEFAULT_GLACIER_TRANSITION_AFTER_DAYS);
    bucket =
        Bucket.Builder.create(this, "Resource")
            .bucketName(props.getBucketName())
            .encryption(BucketEncryption.KMS)
            .encryptionKey(encryptionKey)
            .bucketKeyEnabled(true)
            .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
            .enforceSsl(true)
            .versioned(true)
            .serverAccessLogsBucket(accessLogsBucket)
            .lifecycleRules(
                glacierDays == 0
                    ? List.of()
                    : List.of(
                        LifecycleRule.builder()
                            .id("ArchiveToGlacier")
                            .transitions(
                                List.of(
                                    Transition.builder()
                                        .storageClass(StorageClass.GLACIER)
                                        .transitionAfter(Duration.days(glacierDays))
                                        .build()))
                            .build()))
            .removalPolicy(removalPolicy)
            .build();
  }

  /** The target bucket, new or existing. */
  public IBucket getBucket() {
    return bucket;
  }

  /** The KMS key the bucket is encrypted with; DMS writes with SSE-KMS under this key. */
  public IKey getEncryptionKey() {
    return encryptionKey;
  }

  /**
   * The bucket receiving the server access logs of a new target bucket; null for an existing
   * bucket.
   */
  public @Nullable IBucket getAccessLogsBucket() {
    return accessLogsBucket;
  }

  /** Lets {@code grantee} read the replicated data: get and list objects, and decrypt them. */
  public Grant grantRead(IGrantable grantee) {
    Grant grant = bucket.grantRead(grantee);
    // An imported bucket may not know its key; a bucket that does has just granted it.
    if (bucket.getEncryptionKey() == null) {
      encryptionKey.grantDecrypt(grantee);
    }
    return grant;
  }

  private static void validate(String id, DmsTargetBucketProps props) {
    Problems problems = new Problems("DmsTargetBucket '" + id + "'");
    if (props.getBucket() != null) {
      rejectWithExistingBucket(problems, "bucketName", props.getBucketName());
      rejectWithExistingBucket(
          problems, "glacierTransitionAfterDays", props.getGlacierTransitionAfterDays());
      rejectWithExistingBucket(problems, "removalPolicy", props.getRemovalPolicy());
      if (props.getEncryptionKey() == null && props.getBucket().getEncryptionKey() == null) {
        problems.add(
            "'encryptionKey' is required with an existing 'bucket': DMS writes with SSE-KMS and"
                + " needs the key the bucket is encrypted with");
      }
    }
    problems.check("bucketName", props.getBucketName(), S3Targets.BUCKET_NAME);
    problems.between(
        "glacierTransitionAfterDays",
        props.getGlacierTransitionAfterDays(),
        S3Targets.GLACIER_TRANSITION_DAYS);
    problems.throwIfAny();
  }

  private static void rejectWithExistingBucket(Problems problems, String name, Object value) {
    if (value != null) {
      problems.add(
          "'"
              + name
              + "' applies only to a new bucket, but an existing 'bucket' is given: remove '"
              + name
              + "', or remove 'bucket' to create one");
    }
  }
}
