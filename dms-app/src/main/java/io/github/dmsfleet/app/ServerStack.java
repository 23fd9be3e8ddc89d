package io.github.dmsfleet.app;

import io.github.dmsfleet.constructs.DmsAccountRoles;
import io.github.dmsfleet.constructs.DmsAlerts;
import io.github.dmsfleet.constructs.DmsDatabaseOptions;
import io.github.dmsfleet.constructs.DmsNetwork;
import io.github.dmsfleet.constructs.DmsReplicationServer;
import io.github.dmsfleet.constructs.DmsReplicationServerProps;
import io.github.dmsfleet.constructs.DmsSourceServer;
import io.github.dmsfleet.constructs.DmsSourceServerProps;
import io.github.dmsfleet.constructs.DmsTargetBucket;
import io.github.dmsfleet.model.Database;
import io.github.dmsfleet.model.Server;
import io.github.dmsfleet.model.Settings;
import io.github.dmsfleet.rules.DmsNames;
import io.github.dmsfleet.rules.SourceEngine;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awscdk.Size;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * One source server: its replication instance, and its databases with their endpoints, tasks,
 * alarms and the roles that read their secrets and write their folder. Adding a database changes
 * only this stack.
 */
public final class ServerStack extends Stack {
  /** What every server stack shares, from the fleet's shared stacks. */
  record SharedResources(
      Settings settings,
      DmsAccountRoles accountRoles,
      DmsNetwork network,
      DmsTargetBucket lake,
      DmsAlerts alerts) {}

  private final DmsReplicationServer replicationServer;

  ServerStack(Construct scope, String id, StackProps props, Server server, SharedResources shared) {
    super(scope, id, props);
    Settings settings = shared.settings();
    replicationServer =
        new DmsReplicationServer(
            this,
            "ReplicationServer",
            DmsReplicationServerProps.builder()
                .replicationInstanceIdentifier(server.instanceIdentifier())
                .network(shared.network())
                .replicationInstanceClass(settings.instanceClass())
                .allocatedStorage(Size.gibibytes(settings.allocatedStorageGiB()))
                .multiAz(settings.multiAz())
                .engineVersion(settings.engineVersion().orElse(null))
                .preferredMaintenanceWindow(settings.maintenanceWindow().orElse(null))
                .encryptionKey(shared.lake().getEncryptionKey())
                .accountRoles(shared.accountRoles())
                .build());
    shared.alerts().alarmOnServer(replicationServer);

    // The constructs name every task, endpoint and folder by the model's own rule (DmsNames).
    Map<SourceEngine, DmsSourceServer> sources = new LinkedHashMap<>();
    for (Database database : server.databases()) {
      DmsSourceServer source =
          sources.computeIfAbsent(
              database.engine(), engine -> sourceServer(sources.isEmpty(), engine, server, shared));
      shared
          .alerts()
          .alarmOnDatabase(
              source.addDatabase(
                  database.name(),
                  DmsDatabaseOptions.builder()
                      .secretName(database.secretName())
                      .tableMappings(database.tableMapping().json())
                      .build()));
    }
  }

  /**
   * The databases of one engine on the server; a server's first engine has the id {@code
   * SourceServer}, any other {@code SourceServer-<engine>}.
   */
  private DmsSourceServer sourceServer(
      boolean first, SourceEngine engine, Server server, SharedResources shared) {
    Settings settings = shared.settings();
    return new DmsSourceServer(
        this,
        first ? "SourceServer" : "SourceServer-" + engine.engineName(),
        DmsSourceServerProps.builder()
            .serverName(server.name())
            .engine(engine)
            .replicationServer(replicationServer)
            .targetBucket(shared.lake().getBucket())
            .targetEncryptionKey(shared.lake().getEncryptionKey())
            .bucketFolder(DmsNames.serverFolder(settings.s3Prefix(), server.name()))
            .sslMode(settings.sslMode())
            .certificateArn(settings.certificateArn().orElse(null))
            .migrationType(settings.migrationType())
            .dataFormat(settings.outputFormat())
            .compression(settings.compression())
            .maxFileSize(Size.kibibytes(settings.maxFileSizeKiB()))
            .datePartitionEnabled(settings.datePartitioning())
            .build());
  }

  public DmsReplicationServer getReplicationServer() {
    return replicationServer;
  }
}
