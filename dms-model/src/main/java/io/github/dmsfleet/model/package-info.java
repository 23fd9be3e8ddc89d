/**
 * A DMS fleet's config, parsed and validated into immutable values.
 *
 * <p>{@link io.github.dmsfleet.model.ConfigLoader} reads a config folder into a {@link
 * io.github.dmsfleet.model.Fleet}; {@link io.github.dmsfleet.model.CredentialsLoader} reads a
 * credentials CSV. Both report every problem at once in a {@link
 * io.github.dmsfleet.model.ConfigException}.
 */
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
    overshadowImplementation = true,
    redactedMask = "****",
    defaults = @Value.Immutable(copy = false))
package io.github.dmsfleet.model;

import org.immutables.value.Value;
