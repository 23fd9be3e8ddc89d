package io.github.dmsfleet.ops;

import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Builds the SDK clients a command needs from its global options; the caller closes them. */
public interface ClientFactory {
  DatabaseMigrationClient dms(GlobalOptions options);

  SecretsManagerClient secretsManager(GlobalOptions options);
}
