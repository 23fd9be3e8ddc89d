package io.github.dmsfleet.constructs;

import org.immutables.value.Value;

/**
 * Properties of {@link DmsServerlessDatabaseMigration} created on its own rather than with {@link
 * DmsServerlessSourceServer#addDatabase}: the database's settings and its source server.
 */
@Value.Immutable
public abstract class DmsServerlessDatabaseMigrationProps extends DmsDatabaseSettings {
  DmsServerlessDatabaseMigrationProps() {}

  /** The source server the database is on. Required. */
  public abstract DmsServerlessSourceServer getSourceServer();

  /** A builder for these props. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link DmsServerlessDatabaseMigrationProps}. */
  public static final class Builder extends ImmutableDmsServerlessDatabaseMigrationProps.Builder {
    /** Creates an empty builder. */
    public Builder() {}
  }
}
