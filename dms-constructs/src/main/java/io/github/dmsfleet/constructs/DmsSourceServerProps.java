package io.github.dmsfleet.constructs;

import org.immutables.value.Value;

/** Properties of {@link DmsSourceServer}: its settings, and the instance its tasks run on. */
@Value.Immutable
public abstract class DmsSourceServerProps extends DmsSourceServerSettings {
  DmsSourceServerProps() {}

  /**
   * The replication instance the databases' tasks run on, created here ({@link
   * DmsReplicationServer}) or imported. Required.
   */
  public abstract IDmsReplicationServer getReplicationServer();

  /** A builder for these props. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link DmsSourceServerProps}. */
  public static final class Builder extends ImmutableDmsSourceServerProps.Builder {
    /** Creates an empty builder. */
    public Builder() {}
  }
}
