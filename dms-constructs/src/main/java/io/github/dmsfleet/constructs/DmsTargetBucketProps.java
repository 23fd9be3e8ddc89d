package io.github.dmsfleet.constructs;

import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.s3.IBucket;

/** Properties of {@link DmsTargetBucket}: a new bucket (the default) or an existing one. */
@Value.Immutable
public abstract class DmsTargetBucketProps {
  DmsTargetBucketProps() {}

  /** An existing bucket to replicate into. Default: a new bucket. */
  public abstract @Nullable IBucket getBucket();

  /**
   * The KMS key the bucket is encrypted with.
   *
   * <p>Default: for a new bucket, a new customer managed key with rotation; for an existing bucket,
   * the bucket's own key (required when the {@code IBucket} does not know it).
   */
  public abstract @Nullable IKey getEncryptionKey();

  /** The name of the new bucket. Only without {@code bucket}. Default: generated. */
  public abstract @Nullable String getBucketName();

  /**
   * Days after which objects move to S3 Glacier Flexible Retrieval, 0 to 36500; 0 turns the
   * transition off. Only without {@code bucket}. Default: 365.
   */
  public abstract @Nullable Integer getGlacierTransitionAfterDays();

  /**
   * What happens to the new bucket, its access-log bucket and its key when they leave the stack.
   * Only without {@code bucket}. Default: {@code RETAIN}.
   */
  public abstract @Nullable RemovalPolicy getRemovalPolicy();

  /** A builder for these props. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link DmsTargetBucketProps}. */
  public static final class Builder extends ImmutableDmsTargetBucketProps.Builder {
    /** Creates an empty builder. */
    public Builder() {}
  }
}
