package io.github.dmsfleet.ops;

import io.github.dmsfleet.ops.internal.Console;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Builds the SDK clients a command needs from its global options; the caller closes them. Commands
 * get it through picocli's factory ({@link DmsOps#commandLine(ClientFactory)}).
 */
public interface ClientFactory {
  DatabaseMigrationClient dms(GlobalOptions options, Console console);

  SecretsManagerClient secretsManager(GlobalOptions options, Console console);

  CloudFormationClient cloudFormation(GlobalOptions options, Console console);
}
