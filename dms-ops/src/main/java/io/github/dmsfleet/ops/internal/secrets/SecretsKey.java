package io.github.dmsfleet.ops.internal.secrets;

/**
 * The KMS key the fleet's secrets are encrypted with: the config's {@code secrets_kms_key_arn},
 * which the CDK app lets the endpoints' secrets role decrypt with, or Secrets Manager's own {@code
 * aws/secretsmanager} key when the config names none.
 */
public final class SecretsKey {
  private static final String AWS_MANAGED = "aws/secretsmanager";

  private final String arn;

  private SecretsKey(String arn) {
    this.arn = arn;
  }

  /** The key with this ARN. */
  public static SecretsKey of(String arn) {
    return new SecretsKey(arn);
  }

  /** Secrets Manager's {@code aws/secretsmanager} key. */
  public static SecretsKey awsManaged() {
    return new SecretsKey(null);
  }

  /** What CreateSecret's {@code KmsKeyId} gets: the ARN, or null for {@code aws/secretsmanager}. */
  public String kmsKeyId() {
    return arn;
  }

  public boolean isAwsManaged() {
    return arn == null;
  }

  /** The key ID at the end of the ARN, as in {@code key/1234abcd-...}; null for the AWS key. */
  public String keyId() {
    return arn == null ? null : arn.substring(arn.lastIndexOf('/') + 1);
  }

  /**
   * Whether DescribeSecret's {@code KmsKeyId} names this key. Secrets Manager leaves it out for
   * {@code aws/secretsmanager} and otherwise gives a key ARN, a key ID or an alias ARN; an alias
   * other than {@code aws/secretsmanager}'s cannot be told apart from another key without KMS, so
   * it does not match.
   */
  public boolean encrypts(String describedKmsKeyId) {
    if (describedKmsKeyId == null || describedKmsKeyId.endsWith("alias/" + AWS_MANAGED)) {
      return arn == null;
    }
    return arn != null && (describedKmsKeyId.equals(arn) || describedKmsKeyId.equals(keyId()));
  }

  /** How DescribeSecret's {@code KmsKeyId} reads in a message. */
  public static String describe(String describedKmsKeyId) {
    return describedKmsKeyId == null ? AWS_MANAGED : describedKmsKeyId;
  }

  @Override
  public String toString() {
    return arn == null ? AWS_MANAGED : arn;
  }
}
