package io.github.dmsfleet.app;

import io.github.dmsfleet.constructs.DmsAccountRoles;
import io.github.dmsfleet.constructs.DmsDatabaseMigration;
import io.github.dmsfleet.constructs.DmsDatabaseMigrationProps;
import io.github.dmsfleet.constructs.DmsNetwork;
import io.github.dmsfleet.constructs.DmsReplicationServer;
import io.github.dmsfleet.constructs.DmsReplicationServerProps;
import io.github.dmsfleet.constructs.DmsSecretsAccessRole;
import io.github.dmsfleet.constructs.DmsSecretsAccessRoleProps;
import io.github.dmsfleet.model.Database;
import io.github.dmsfleet.model.Server;
import io.github.dmsfleet.model.Settings;
import java.util.List;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * One source server: its replication instance, a role that reads exactly its databases' secrets,
 * and per database a source endpoint, an S3 target endpoint, a task and their alarms. Adding a
 * database changes only this stack.
 */
public final class ServerStack extends Stack {
  /** What every server stack shares, from the fleet's shared stacks. */
  record SharedResources(
      Settings settings,
      DmsAccountRoles accountRoles,
      DmsNetwork network,
      StorageStack storage,
      ITopic alertTopic) {}

  private final DmsReplicationServer replicationServer;

  ServerStack(Construct scope, String id, StackProps props, Server server, SharedResources shared) {
    super(scope, id, props);
    Settings settings = shared.settings();
    DmsReplicationServerProps.Builder instance =
        DmsReplicationServerProps.builder()
            .replicationInstanceIdentifier(server.instanceIdentifier())
            .replicationInstanceClass(settings.instanceClass())
            .allocatedStorageGiB(settings.allocatedStorageGiB())
            .multiAz(settings.multiAz())
            .encryptionKey(shared.storage().getTargetBucket().getEncryptionKey())
            .subnetGroupIdentifier(shared.network().getSubnetGroupIdentifier())
            .securityGroups(List.of(shared.network().getSecurityGroup()))
            .accountRoles(shared.accountRoles());
    settings.engineVersion().ifPresent(instance::engineVersion);
    settings.maintenanceWindow().ifPresent(instance::preferredMaintenanceWindow);
    replicationServer = new DmsReplicationServer(this, "ReplicationServer", instance.build());
    replicationServer.addAlarms(shared.alertTopic());

    DmsSecretsAccessRole secretsRole =
        new DmsSecretsAccessRole(
            this,
            "SecretsAccessRole",
            DmsSecretsAccessRoleProps.builder()
                .secretNames(server.databases().stream().map(Database::secretName).toList())
                .build());
    for (Database database : server.databases()) {
      DmsDatabaseMigration migration =
          replicationServer.addDatabase(
              database.taskIdentifier(), migrationProps(database, settings, secretsRole, shared));
      migration.addAlarms(shared.alertTopic());
    }
  }

  private static DmsDatabaseMigrationProps migrationProps(
      Database database,
      Settings settings,
      DmsSecretsAccessRole secretsRole,
      SharedResources shared) {
    return DmsDatabaseMigrationProps.builder()
        .sourceEngine(database.engine())
        .databaseName(database.name())
        .secretsManagerSecretId(database.secretName())
        .secretsAccessRole(secretsRole.getRole())
        .sslMode(settings.sslMode())
        .certificateArn(settings.certificateArn().orElse(null))
        .sourceEndpointIdentifier(database.sourceEndpointIdentifier())
        .targetEndpointIdentifier(database.targetEndpointIdentifier())
        .replicationTaskIdentifier(database.taskIdentifier())
        .migrationType(settings.migrationType())
        .tableMappings(database.tableMapping().json())
        .targetBucket(shared.storage().getTargetBucket().getBucket())
        .targetEncryptionKey(shared.storage().getTargetBucket().getEncryptionKey())
        .s3TargetRole(shared.storage().getTargetRole().getRole())
        .bucketFolder(database.s3Prefix())
        .dataFormat(settings.outputFormat())
        .compression(settings.compression())
        .maxFileSizeKiB(settings.maxFileSizeKiB())
        .datePartitionEnabled(settings.datePartitioning())
        .build();
  }

  public DmsReplicationServer getReplicationServer() {
    return replicationServer;
  }
}
