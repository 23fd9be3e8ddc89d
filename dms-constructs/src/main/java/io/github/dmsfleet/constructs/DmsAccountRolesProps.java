package io.github.dmsfleet.constructs;

import org.immutables.value.Value;

/** Properties of {@link DmsAccountRoles}. */
@Value.Immutable
public abstract class DmsAccountRolesProps {
  /** Creates the props; use {@link #builder()} to set them. */
  DmsAccountRolesProps() {}

  /**
   * Whether the roles already exist in the account (the DMS console creates them the first time it
   * is used), so that they are referenced by name and not created.
   *
   * <p>Default: false: the roles are created.
   */
  @Value.Default
  public boolean getUseExisting() {
    return false;
  }

  /** A builder for these props. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link DmsAccountRolesProps}. */
  public static final class Builder extends ImmutableDmsAccountRolesProps.Builder {
    /** Creates an empty builder. */
    public Builder() {}
  }
}
