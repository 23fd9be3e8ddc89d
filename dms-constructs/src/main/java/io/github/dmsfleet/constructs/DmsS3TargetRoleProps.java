package io.github.dmsfleet.constructs;

import java.util.List;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.s3.IBucket;

/** Properties of {@link DmsS3TargetRole}. */
public final class DmsS3TargetRoleProps {
  private final IBucket bucket;
  private final IKey encryptionKey;
  private final List<String> bucketFolders;
  private final String roleName;

  private DmsS3TargetRoleProps(Builder builder) {
    this.bucket = builder.bucket;
    this.encryptionKey = builder.encryptionKey;
    this.bucketFolders = builder.bucketFolders == null ? null : List.copyOf(builder.bucketFolders);
    this.roleName = builder.roleName;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The target bucket. Required. */
  public IBucket getBucket() {
    return bucket;
  }

  /**
   * The KMS key the bucket is encrypted with. Default: the bucket's own key; required if the bucket
   * has none.
   */
  public IKey getEncryptionKey() {
    return encryptionKey;
  }

  /**
   * The folders (key prefixes without a trailing slash, such as {@code sales} or {@code
   * sales/orders}) DMS may write under: the {@code bucketFolder} of each S3 target using this role,
   * or a folder above them.
   *
   * <p>Default: the whole bucket.
   */
  public List<String> getBucketFolders() {
    return bucketFolders;
  }

  /** The name of the role. Default: a name CloudFormation generates. */
  public String getRoleName() {
    return roleName;
  }

  /** Builds {@link DmsS3TargetRoleProps}. */
  public static final class Builder {
    private IBucket bucket;
    private IKey encryptionKey;
    private List<String> bucketFolders;
    private String roleName;

    private Builder() {}

    /** Sets {@link DmsS3TargetRoleProps#getBucket()}. */
    public Builder bucket(IBucket bucket) {
      this.bucket = bucket;
      return this;
    }

    /** Sets {@link DmsS3TargetRoleProps#getEncryptionKey()}. */
    public Builder encryptionKey(IKey encryptionKey) {
      this.encryptionKey = encryptionKey;
      return this;
    }

    /** Sets {@link DmsS3TargetRoleProps#getBucketFolders()}. */
    public Builder bucketFolders(List<String> bucketFolders) {
      this.bucketFolders = bucketFolders;
      return this;
    }

    /** Sets {@link DmsS3TargetRoleProps#getRoleName()}. */
    public Builder roleName(String roleName) {
      this.roleName = roleName;
      return this;
    }

    public DmsS3TargetRoleProps build() {
      return new DmsS3TargetRoleProps(this);
    }
  }
}
