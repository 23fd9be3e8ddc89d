package io.github.dmsfleet.ops;

import picocli.CommandLine.Command;

/** {@code dms-ops secrets}: the fleet's Secrets Manager secrets. */
@Command(
    name = "secrets",
    mixinStandardHelpOptions = true,
    description =
        "Manages the Secrets Manager secrets the source endpoints read their credentials from.",
    subcommands = SecretsCreateCommand.class)
final class SecretsCommand {
  private SecretsCommand() {}
}
