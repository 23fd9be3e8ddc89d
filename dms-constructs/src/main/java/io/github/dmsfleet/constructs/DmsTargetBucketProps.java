package io.github.dmsfleet.constructs;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.s3.IBucket;

/** Properties of {@link DmsTargetBucket}: either a new bucket (the default) or an existing one. */
public final class DmsTargetBucketProps {
  private final IBucket bucket;
  private final IKey encryptionKey;
  private final String bucketName;
  private final Integer glacierTransitionAfterDays;
  private final RemovalPolicy removalPolicy;

  private DmsTargetBucketProps(Builder builder) {
    this.bucket = builder.bucket;
    this.encryptionKey = builder.encryptionKey;
    this.bucketName = builder.bucketName;
    this.glacierTransitionAfterDays = builder.glacierTransitionAfterDays;
    this.removalPolicy = builder.removalPolicy;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * An existing bucket to use as the target; nothing is created then.
   *
   * <p>Default: a new bucket, SSE-KMS encrypted, versioned, SSL-only, public access blocked, with
   * server access logs to a separate log bucket.
   */
  public IBucket getBucket() {
    return bucket;
  }

  /**
   * The KMS key of the bucket: for a new bucket, the key to encrypt it with; for an existing
   * bucket, the key it is encrypted with (required unless the {@code IBucket} knows its key).
   *
   * <p>Default: for a new bucket, a new customer managed key with yearly rotation.
   */
  public IKey getEncryptionKey() {
    return encryptionKey;
  }

  /** The name of the new bucket. Default: a name CloudFormation generates. */
  public String getBucketName() {
    return bucketName;
  }

  /**
   * After how many days objects of the new bucket move to S3 Glacier Flexible Retrieval; 0 keeps
   * them in S3 Standard.
   *
   * <p>Default: 365.
   */
  public Integer getGlacierTransitionAfterDays() {
    return glacierTransitionAfterDays;
  }

  /**
   * What happens to the new bucket, its log bucket and its key when they leave the stack.
   *
   * <p>Default: {@link RemovalPolicy#RETAIN}: replicated data outlives the stack.
   */
  public RemovalPolicy getRemovalPolicy() {
    return removalPolicy;
  }

  /** Builds {@link DmsTargetBucketProps}. */
  public static final class Builder {
    private IBucket bucket;
    private IKey encryptionKey;
    private String bucketName;
    private Integer glacierTransitionAfterDays;
    private RemovalPolicy removalPolicy;

    private Builder() {}

    /** Sets {@link DmsTargetBucketProps#getBucket()}. */
    public Builder bucket(IBucket bucket) {
      this.bucket = bucket;
      return this;
    }

    /** Sets {@link DmsTargetBucketProps#getEncryptionKey()}. */
    public Builder encryptionKey(IKey encryptionKey) {
      this.encryptionKey = encryptionKey;
      return this;
    }

    /** Sets {@link DmsTargetBucketProps#getBucketName()}. */
    public Builder bucketName(String bucketName) {
      this.bucketName = bucketName;
      return this;
    }

    /** Sets {@link DmsTargetBucketProps#getGlacierTransitionAfterDays()}. */
    public Builder glacierTransitionAfterDays(Integer glacierTransitionAfterDays) {
      this.glacierTransitionAfterDays = glacierTransitionAfterDays;
      return this;
    }

    /** Sets {@link DmsTargetBucketProps#getRemovalPolicy()}. */
    public Builder removalPolicy(RemovalPolicy removalPolicy) {
      this.removalPolicy = removalPolicy;
      return this;
    }

    public DmsTargetBucketProps build() {
      return new DmsTargetBucketProps(this);
    }
  }
}
