package io.github.dmsfleet.constructs;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.kms.IKey;

/** Properties of {@link DmsReplicationServer}. */
public final class DmsReplicationServerProps {
  private final String replicationInstanceIdentifier;
  private final String replicationInstanceClass;
  private final Integer allocatedStorageGiB;
  private final Boolean multiAz;
  private final String engineVersion;
  private final String preferredMaintenanceWindow;
  private final Boolean autoMinorVersionUpgrade;
  private final IKey encryptionKey;
  private final String subnetGroupIdentifier;
  private final List<ISecurityGroup> securityGroups;
  private final DmsAccountRoles accountRoles;
  private final Map<String, String> tags;

  private DmsReplicationServerProps(Builder builder) {
    this.replicationInstanceIdentifier = builder.replicationInstanceIdentifier;
    this.replicationInstanceClass = builder.replicationInstanceClass;
    this.allocatedStorageGiB = builder.allocatedStorageGiB;
    this.multiAz = builder.multiAz;
    this.engineVersion = builder.engineVersion;
    this.preferredMaintenanceWindow = builder.preferredMaintenanceWindow;
    this.autoMinorVersionUpgrade = builder.autoMinorVersionUpgrade;
    this.encryptionKey = builder.encryptionKey;
    this.subnetGroupIdentifier = builder.subnetGroupIdentifier;
    this.securityGroups =
        builder.securityGroups == null ? null : List.copyOf(builder.securityGroups);
    this.accountRoles = builder.accountRoles;
    this.tags = builder.tags == null ? null : Map.copyOf(builder.tags);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The replication instance identifier: 1 to 63 letters, digits or hyphens, starting with a
   * letter, without a trailing hyphen or {@code --}; DMS stores it in lower case. Required.
   */
  public String getReplicationInstanceIdentifier() {
    return replicationInstanceIdentifier;
  }

  /**
   * The instance class. Default: {@code dms.r5.xlarge} ({@link
   * DmsReplicationServer#DEFAULT_INSTANCE_CLASS}), memory-optimized for many tasks at once.
   */
  public String getReplicationInstanceClass() {
    return replicationInstanceClass;
  }

  /** Storage for logs and cached changes, 5 to 6144 GiB. Default: 50 GiB. */
  public Integer getAllocatedStorageGiB() {
    return allocatedStorageGiB;
  }

  /** Whether DMS keeps a standby in a second Availability Zone. Default: false. */
  public Boolean getMultiAz() {
    return multiAz;
  }

  /**
   * The DMS engine version, such as {@code 3.5.4}. Default: the version DMS currently uses for new
   * instances.
   */
  public String getEngineVersion() {
    return engineVersion;
  }

  /**
   * The weekly maintenance window in UTC, {@code ddd:hh24:mi-ddd:hh24:mi}, such as {@code
   * sun:04:00-sun:04:30}.
   *
   * <p>Default: a 30-minute window DMS picks at random.
   */
  public String getPreferredMaintenanceWindow() {
    return preferredMaintenanceWindow;
  }

  /** Whether DMS applies minor engine upgrades in the maintenance window. Default: true. */
  public Boolean getAutoMinorVersionUpgrade() {
    return autoMinorVersionUpgrade;
  }

  /**
   * The KMS key for the instance's storage. Default: a new customer managed key with yearly
   * rotation.
   */
  public IKey getEncryptionKey() {
    return encryptionKey;
  }

  /**
   * The replication subnet group, such as {@link DmsNetwork#getSubnetGroupIdentifier()}. Required.
   */
  public String getSubnetGroupIdentifier() {
    return subnetGroupIdentifier;
  }

  /**
   * The security groups of the instance, such as {@link DmsNetwork#getSecurityGroup()}. Required.
   */
  public List<ISecurityGroup> getSecurityGroups() {
    return securityGroups;
  }

  /**
   * The account roles; the instance then depends on them. Default: no dependency; the roles must
   * exist before this deploys.
   */
  public DmsAccountRoles getAccountRoles() {
    return accountRoles;
  }

  /** Tags for the instance and everything else this construct creates. Default: none. */
  public Map<String, String> getTags() {
    return tags;
  }

  /** Builds {@link DmsReplicationServerProps}. */
  public static final class Builder {
    private String replicationInstanceIdentifier;
    private String replicationInstanceClass;
    private Integer allocatedStorageGiB;
    private Boolean multiAz;
    private String engineVersion;
    private String preferredMaintenanceWindow;
    private Boolean autoMinorVersionUpgrade;
    private IKey encryptionKey;
    private String subnetGroupIdentifier;
    private List<ISecurityGroup> securityGroups;
    private DmsAccountRoles accountRoles;
    private Map<String, String> tags;

    private Builder() {}

    /** Sets {@link DmsReplicationServerProps#getReplicationInstanceIdentifier()}. */
    public Builder replicationInstanceIdentifier(String replicationInstanceIdentifier) {
      this.replicationInstanceIdentifier = replicationInstanceIdentifier;
      return this;
    }

    /** Sets {@link DmsReplicationServerProps#getReplicationInstanceClass()}. */
    public Builder replicationInstanceClass(String replicationInstanceClass) {
      this.replicationInstanceClass = replicationInstanceClass;
      return this;
    }

    /** Sets {@link DmsReplicationServerProps#getAllocatedStorageGiB()}. */
    public Builder allocatedStorageGiB(Integer allocatedStorageGiB) {
      this.allocatedStorageGiB = allocatedStorageGiB;
      return this;
    }

    /** Sets {@link DmsReplicationServerProps#getMultiAz()}. */
    public Builder multiAz(Boolean multiAz) {
      this.multiAz = multiAz;
      return this;
    }

    /** Sets {@link DmsReplicationServerProps#getEngineVersion()}. */
    public Builder engineVersion(String engineVersion) {
      this.engineVersion = engineVersion;
      return this;
    }

    /** Sets {@link DmsReplicationServerProps#getPreferredMaintenanceWindow()}. */
    public Builder preferredMaintenanceWindow(String preferredMaintenanceWindow) {
      this.preferredMaintenanceWindow = preferredMaintenanceWindow;
      return this;
    }

    /** Sets {@link DmsReplicationServerProps#getAutoMinorVersionUpgrade()}. */
    public Builder autoMinorVersionUpgrade(Boolean autoMinorVersionUpgrade) {
      this.autoMinorVersionUpgrade = autoMinorVersionUpgrade;
      return this;
    }

    /** Sets {@link DmsReplicationServerProps#getEncryptionKey()}. */
    public Builder encryptionKey(IKey encryptionKey) {
      this.encryptionKey = encryptionKey;
      return this;
    }

    /** Sets {@link DmsReplicationServerProps#getSubnetGroupIdentifier()}. */
    public Builder subnetGroupIdentifier(String subnetGroupIdentifier) {
      this.subnetGroupIdentifier = subnetGroupIdentifier;
      return this;
    }

    /** Sets {@link DmsReplicationServerProps#getSecurityGroups()}. */
    public Builder securityGroups(List<ISecurityGroup> securityGroups) {
      this.securityGroups = securityGroups;
      return this;
    }

    /** Sets {@link DmsReplicationServerProps#getAccountRoles()}. */
    public Builder accountRoles(DmsAccountRoles accountRoles) {
      this.accountRoles = accountRoles;
      return this;
    }

    /** Sets {@link DmsReplicationServerProps#getTags()}. */
    public Builder tags(Map<String, String> tags) {
      this.tags = tags;
      return this;
    }

    public DmsReplicationServerProps build() {
      return new DmsReplicationServerProps(this);
    }
  }
}
