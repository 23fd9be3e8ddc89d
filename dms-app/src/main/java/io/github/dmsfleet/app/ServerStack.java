package io.github.dmsfleet.app;

import io.github.dmsfleet.constructs.DmsAccountRoles;
import io.github.dmsfleet.constructs.DmsAlerts;
import io.github.dmsfleet.constructs.DmsDatabaseMigration;
import io.github.dmsfleet.constructs.DmsNetwork;
import io.github.dmsfleet.constructs.DmsReplicationServer;
import io.github.dmsfleet.constructs.DmsReplicationServerProps;
import io.github.dmsfleet.constructs.DmsServerDashboard;
import io.github.dmsfleet.constructs.DmsServerDashboardProps;
import io.github.dmsfleet.constructs.DmsSourceServer;
import io.github.dmsfleet.constructs.DmsSourceServerProps;
import io.github.dmsfleet.constructs.DmsTargetBucket;
import io.github.dmsfleet.constructs.DmsTaskLogs;
import io.github.dmsfleet.constructs.DmsTaskLogsProps;
import io.github.dmsfleet.model.Database;
import io.github.dmsfleet.model.Server;
import io.github.dmsfleet.model.Settings;
import io.github.dmsfleet.rules.DmsNames;
import io.github.dmsfleet.rules.SourceEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awscdk.Size;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.Construct;

/**
 * One source server: its replication instance with its task log group, its databases with their
 * endpoints, tasks, alarms and the roles that read their secrets and write their folder, and a
 * dashboard of it all. Adding a database changes only this stack.
 */
public final class ServerStack extends Stack {
  /** What every server stack shares, from the fleet's shared stacks. */
  record SharedResources(
      Settings settings,
      DmsAccountRoles accountRoles,
      DmsNetwork network,
      DmsTargetBucket lake,
      DmsAlerts alerts) {
    /**
     * The customer key of the credential secrets ({@code secrets_kms_key_arn}), imported into
     * {@code stack} as {@code SecretsKey}; null when the secrets use Secrets Manager's own key.
     */
    @Nullable IKey secretsKey(Stack stack) {
      return settings
          .secretsKmsKeyArn()
          .map(arn -> Key.fromKeyArn(stack, "SecretsKey", arn))
          .orElse(null);
    }
  }

  private final DmsReplicationServer replicationServer;
  private final @Nullable IKey secretsKey;

  ServerStack(Construct scope, String id, StackProps props, Server server, SharedResources shared) {
    super(scope, id, props);
    // The server's own settings: its dms_servers.txt row over the fleet's, resolved by the model.
    replicationServer =
        new DmsReplicationServer(
            this,
            "ReplicationServer",
            DmsReplicationServerProps.builder()
                .replicationInstanceIdentifier(server.instanceIdentifier())
                .network(shared.network())
                .replicationInstanceClass(server.instanceClass())
                .allocatedStorage(Size.gibibytes(server.allocatedStorageGiB()))
                .multiAz(server.multiAz())
                .engineVersion(server.engineVersion().orElse(null))
                .preferredMaintenanceWindow(server.maintenanceWindow().orElse(null))
                .encryptionKey(shared.lake().getEncryptionKey())
                .accountRoles(shared.accountRoles())
                .build());
    List<IAlarm> alarms = new ArrayList<>(shared.alerts().alarmOnServer(replicationServer));
    // The group DMS writes the tasks' logs to, made by the stack so that DMS does not make its own.
    DmsTaskLogs taskLogs =
        new DmsTaskLogs(
            this,
            "TaskLogs",
            DmsTaskLogsProps.builder()
                .replicationServer(replicationServer)
                .retentionDays(shared.settings().logRetentionDays())
                .encryptionKey(shared.lake().getEncryptionKey())
                .build());
    alarms.add(shared.alerts().alarmOnTaskLogs(taskLogs));
    secretsKey = shared.secretsKey(this);

    // The constructs name every task, endpoint and folder by the model's own rule (DmsNames).
    Map<SourceEngine, DmsSourceServer> sources = new LinkedHashMap<>();
    List<DmsDatabaseMigration> databases = new ArrayList<>();
    for (Database database : server.databases()) {
      DmsSourceServer source =
          sources.computeIfAbsent(
              database.engine(),
              engine -> sourceServer(sources.isEmpty(), database, server, shared));
      DmsDatabaseMigration migration =
          source.addDatabase(database.name(), DatabaseOptions.of(database));
      databases.add(migration);
      alarms.addAll(shared.alerts().alarmOnDatabase(migration));
    }
    // Named as the stack, so that the console's list of dashboards reads like the stacks.
    new DmsServerDashboard(
        this,
        "Dashboard",
        DmsServerDashboardProps.builder()
            .replicationServer(replicationServer)
            .databases(databases)
            .alarms(alarms)
            .dashboardName(id)
            .build());
  }

  /**
   * The databases of one engine on the server, starting with {@code first}; a server's first engine
   * has the id {@code SourceServer}, any other {@code SourceServer-<engine>}.
   */
  private DmsSourceServer sourceServer(
      boolean firstEngine, Database first, Server server, SharedResources shared) {
    Settings settings = shared.settings();
    SourceEngine engine = first.engine();
    return new DmsSourceServer(
        this,
        firstEngine ? "SourceServer" : "SourceServer-" + engine.engineName(),
        DmsSourceServerProps.builder()
            .serverName(server.name())
            .engine(engine)
            .replicationServer(replicationServer)
            // Databases on other ports open theirs as they are added.
            .sourcePort(first.port())
            .sourceCidrs(settings.sourceCidrs().isEmpty() ? null : settings.sourceCidrs())
            .targetBucket(shared.lake().getBucket())
            .targetEncryptionKey(shared.lake().getEncryptionKey())
            .secretsEncryptionKey(secretsKey)
            .bucketFolder(DmsNames.serverFolder(settings.s3Prefix(), server.name()))
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
