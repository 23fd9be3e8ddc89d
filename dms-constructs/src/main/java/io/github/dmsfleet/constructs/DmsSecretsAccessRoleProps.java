package io.github.dmsfleet.constructs;

import java.util.List;
import software.amazon.awscdk.services.kms.IKey;

/** Properties of {@link DmsSecretsAccessRole}. At least one secret name or ARN is required. */
public final class DmsSecretsAccessRoleProps {
  private final List<String> secretNames;
  private final List<String> secretArns;
  private final IKey encryptionKey;
  private final String roleName;

  private DmsSecretsAccessRoleProps(Builder builder) {
    this.secretNames = builder.secretNames == null ? null : List.copyOf(builder.secretNames);
    this.secretArns = builder.secretArns == null ? null : List.copyOf(builder.secretArns);
    this.encryptionKey = builder.encryptionKey;
    this.roleName = builder.roleName;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Names of secrets in this account and Region, such as {@code dms/sales/orders}; the role may
   * read any secret of that exact name (its ARN ends in six random characters, matched by {@code
   * -??????}).
   *
   * <p>Default: none.
   */
  public List<String> getSecretNames() {
    return secretNames;
  }

  /** Complete ARNs of secrets, including the six random characters at the end. Default: none. */
  public List<String> getSecretArns() {
    return secretArns;
  }

  /**
   * The customer managed KMS key the secrets are encrypted with; the role may decrypt with it
   * through Secrets Manager.
   *
   * <p>Default: no KMS permission: secrets encrypted with the account's {@code aws/secretsmanager}
   * key need none.
   */
  public IKey getEncryptionKey() {
    return encryptionKey;
  }

  /** The name of the role. Default: a name CloudFormation generates. */
  public String getRoleName() {
    return roleName;
  }

  /** Builds {@link DmsSecretsAccessRoleProps}. */
  public static final class Builder {
    private List<String> secretNames;
    private List<String> secretArns;
    private IKey encryptionKey;
    private String roleName;

    private Builder() {}

    /** Sets {@link DmsSecretsAccessRoleProps#getSecretNames()}. */
    public Builder secretNames(List<String> secretNames) {
      this.secretNames = secretNames;
      return this;
    }

    /** Sets {@link DmsSecretsAccessRoleProps#getSecretArns()}. */
    public Builder secretArns(List<String> secretArns) {
      this.secretArns = secretArns;
      return this;
    }

    /** Sets {@link DmsSecretsAccessRoleProps#getEncryptionKey()}. */
    public Builder encryptionKey(IKey encryptionKey) {
      this.encryptionKey = encryptionKey;
      return this;
    }

    /** Sets {@link DmsSecretsAccessRoleProps#getRoleName()}. */
    public Builder roleName(String roleName) {
      this.roleName = roleName;
      return this;
    }

    public DmsSecretsAccessRoleProps build() {
      return new DmsSecretsAccessRoleProps(this);
    }
  }
}
