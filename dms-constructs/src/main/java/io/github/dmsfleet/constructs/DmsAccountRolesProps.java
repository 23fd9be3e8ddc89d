package io.github.dmsfleet.constructs;

/** Properties of {@link DmsAccountRoles}. */
public final class DmsAccountRolesProps {
  private final boolean useExisting;

  private DmsAccountRolesProps(Builder builder) {
    this.useExisting = builder.useExisting;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Whether the roles already exist in the account and are only referenced by name.
   *
   * <p>Default: false, the roles are created. Only one stack per account may create them.
   */
  public boolean isUseExisting() {
    return useExisting;
  }

  /** Builds {@link DmsAccountRolesProps}. */
  public static final class Builder {
    private boolean useExisting;

    private Builder() {}

    /** Sets {@link DmsAccountRolesProps#isUseExisting()}. */
    public Builder useExisting(boolean useExisting) {
      this.useExisting = useExisting;
      return this;
    }

    public DmsAccountRolesProps build() {
      return new DmsAccountRolesProps(this);
    }
  }
}
