package io.github.dmsfleet.constructs;

import org.immutables.value.Value;

/**
 * Properties of {@link DmsDatabaseMigration} created on its own rather than with {@link
 * DmsSourceServer#addDatabase}: the database's settings and its source server.
 */
@Value.Immutable
public abstract class DmsDatabaseMigrationProps extends DmsDatabaseSettings {
  DmsDatabaseMigrationProps() {}

  /** The source server the database is on. Required. */
  public abstract DmsSourceServer getSourceServer();

  /** A builder for these props. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link DmsDatabaseMigrationProps}. */
  public static final class Builder extends ImmutableDmsDatabaseMigrationProps.Builder {
    /** Creates an empty builder. */
    public Builder() {}
  }
}
