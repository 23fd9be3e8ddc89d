package io.github.dmsfleet.constructs;

import org.immutables.value.Value;

/** One database for {@link DmsSourceServer#addDatabase}: what it sets for itself. */
@Value.Immutable
public abstract class DmsDatabaseOptions extends DmsDatabaseSettings {
  DmsDatabaseOptions() {}

  /** A builder for these options. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link DmsDatabaseOptions}. */
  public static final class Builder extends ImmutableDmsDatabaseOptions.Builder {
    /** Creates an empty builder. */
    public Builder() {}
  }
}
