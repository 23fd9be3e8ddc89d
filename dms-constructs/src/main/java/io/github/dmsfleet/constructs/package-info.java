/**
 * AWS CDK constructs for fleets of AWS DMS replications into an S3 data lake: {@link
 * io.github.dmsfleet.constructs.DmsNetwork}, {@link io.github.dmsfleet.constructs.DmsTargetBucket},
 * {@link io.github.dmsfleet.constructs.DmsAccountRoles}, {@link
 * io.github.dmsfleet.constructs.DmsAlerts}, {@link
 * io.github.dmsfleet.constructs.DmsReplicationServer}, and {@link
 * io.github.dmsfleet.constructs.DmsSourceServer}, whose {@code addDatabase} makes a {@link
 * io.github.dmsfleet.constructs.DmsDatabaseMigration} per database, and {@link
 * io.github.dmsfleet.constructs.DmsServerlessSourceServer}, whose {@code addDatabase} makes a
 * {@link io.github.dmsfleet.constructs.DmsServerlessDatabaseMigration} (a DMS Serverless
 * replication) per database.
 *
 * <p>Props are immutable values built with {@code FooProps.builder()}; a prop left out takes the
 * default its getter documents. Constructs check their props when they are created and report every
 * problem in one {@link java.lang.IllegalArgumentException}.
 */
@Value.Style(
    get = {"get*", "is*"},
    init = "*",
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    // The constructs report missing props together with every other problem, naming the construct.
    validationMethod = Value.Style.ValidationMethod.NONE,
    jdkOnly = true,
    defaults = @Value.Immutable(copy = false))
package io.github.dmsfleet.constructs;

import org.immutables.value.Value;
