package io.github.dmsfleet.app;

import io.github.dmsfleet.constructs.DmsServerlessDashboard;
import io.github.dmsfleet.constructs.DmsServerlessDashboardProps;
import io.github.dmsfleet.constructs.DmsServerlessDatabaseMigration;
import io.github.dmsfleet.constructs.DmsServerlessSourceServer;
import io.github.dmsfleet.constructs.DmsServerlessSourceServerProps;
import io.github.dmsfleet.model.Database;
import io.github.dmsfleet.model.Server;
import io.github.dmsfleet.model.Settings;
import io.github.dmsfleet.rules.DmsNames;
import io.github.dmsfleet.rules.SourceEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Size;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.kms.IKey;
import software.constructs.Construct;

/**
 * One source server on DMS Serverless ({@code compute serverless}): no replication instance and no
 * tasks, but per database its endpoints, a replication config and its alarms, with the roles that
 * read the server's secrets and write its folder, and the server's dashboard. Its name and
 * construct ids are those of a {@link ServerStack}, so the endpoints and roles stay when a server
 * switches compute; its tasks or replication configs are replaced.
 */
public final class ServerlessServerStack extends Stack {
  ServerlessServerStack(
      Construct scope,
      String id,
      StackProps props,
      Server server,
      ServerStack.SharedResources shared) {
    super(scope, id, props);
    IKey secretsKey = shared.secretsKey(this);
    Map<SourceEngine, DmsServerlessSourceServer> sources = new LinkedHashMap<>();
    List<DmsServerlessDatabaseMigration> databases = new ArrayList<>();
    List<IAlarm> alarms = new ArrayList<>();
    for (Database database : server.databases()) {
      DmsServerlessSourceServer source =
          sources.computeIfAbsent(
              database.engine(),
              engine -> sourceServer(sources.isEmpty(), engine, server, shared, secretsKey));
      DmsServerlessDatabaseMigration migration =
          source.addDatabase(database.name(), DatabaseOptions.of(database));
      alarms.addAll(shared.alerts().alarmOnDatabase(migration));
      databases.add(migration);
    }
    // Named as the stack, as a ServerStack's dashboard is.
    new DmsServerlessDashboard(
        this,
        "Dashboard",
        DmsServerlessDashboardProps.builder()
            .databases(databases)
            .alarms(alarms)
            .dashboardName(id)
            .build());
  }

  /**
   * The databases of one engine on the server; a server's first engine has the id {@code
   * SourceServer}, any other {@code SourceServer-<engine>}, as in {@link ServerStack}.
   */
  private DmsServerlessSourceServer sourceServer(
      boolean first,
      SourceEngine engine,
      Server server,
      ServerStack.SharedResources shared,
      IKey secretsKey) {
    Settings settings = shared.settings();
    return new DmsServerlessSourceServer(
        this,
        first ? "SourceServer" : "SourceServer-" + engine.engineName(),
        DmsServerlessSourceServerProps.builder()
            .serverName(server.name())
            .engine(engine)
            .network(shared.network())
            .accountRoles(shared.accountRoles())
            .encryptionKey(shared.lake().getEncryptionKey())
            .maxCapacityUnits(server.maxCapacityUnits())
            .minCapacityUnits(
                server.minCapacityUnits().isPresent() ? server.minCapacityUnits().getAsInt() : null)
            .multiAz(server.multiAz())
            .preferredMaintenanceWindow(server.maintenanceWindow().orElse(null))
            .targetBucket(shared.lake().getBucket())
            .targetEncryptionKey(shared.lake().getEncryptionKey())
            .bucketFolder(DmsNames.serverFolder(settings.s3Prefix(), server.name()))
            .sourceCidrs(settings.sourceCidrs().isEmpty() ? null : settings.sourceCidrs())
            .secretsEncryptionKey(secretsKey)
            .sslMode(settings.sslMode())
            .certificateArn(settings.certificateArn().orElse(null))
            .migrationType(settings.migrationType())
            .dataFormat(settings.outputFormat())
            .compression(settings.compression())
            .maxFileSize(Size.kibibytes(settings.maxFileSizeKiB()))
            .datePartitionEnabled(settings.datePartitioning())
            .build());
  }
}
