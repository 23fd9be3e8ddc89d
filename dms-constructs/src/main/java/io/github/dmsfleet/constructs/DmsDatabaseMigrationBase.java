package io.github.dmsfleet.constructs;

import io.github.dmsfleet.constructs.internal.Problems;
import io.github.dmsfleet.constructs.internal.SourceEndpoints;
import io.github.dmsfleet.constructs.internal.TaskJson;
import io.github.dmsfleet.rules.DmsIdentifiers;
import io.github.dmsfleet.rules.DmsNames;
import io.github.dmsfleet.rules.MigrationType;
import io.github.dmsfleet.rules.Networks;
import io.github.dmsfleet.rules.S3Targets;
import io.github.dmsfleet.rules.Secrets;
import io.github.dmsfleet.rules.SourceEngine;
import io.github.dmsfleet.rules.SslMode;
import io.github.dmsfleet.rules.TableMappings;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awscdk.services.dms.CfnEndpoint;
import software.constructs.Construct;

/**
 * One database of a source server, replicated into a folder of its own: a source endpoint that
 * takes its credentials from Secrets Manager (no user name, password, server or port in the
 * template) and an S3 target endpoint writing SSE-KMS encrypted files. What replicates between them
 * is up to the kind of server: {@link DmsDatabaseMigration} adds a replication task, {@link
 * DmsServerlessDatabaseMigration} a DMS Serverless replication config.
 *
 * <p>Everything the database leaves out comes from its server, resolved here once. Construct ids:
 * {@code SourceEndpoint}, {@code TargetEndpoint}.
 */
public abstract class DmsDatabaseMigrationBase extends Construct {
  private final DmsSourceServerBase sourceServer;
  private final String databaseName;
  private final String replicationIdentifier;
  private final MigrationType migrationType;
  private final String tableMappings;
  private final String taskSettings;
  private final String bucketFolder;
  private final int sourcePort;
  private final @Nullable String cdcStartPosition;
  private final @Nullable Instant cdcStartTime;
  private final CfnEndpoint sourceEndpoint;
  private final CfnEndpoint targetEndpoint;

  /** The database {@code settings} describe, on {@code server}, in {@code scope}. */
  protected DmsDatabaseMigrationBase(
      Construct scope, String id, DmsSourceServerBase server, DmsDatabaseSettings settings) {
    this(scope, id, server, settings, List.of());
  }

  /**
   * As {@link #DmsDatabaseMigrationBase(Construct, String, DmsSourceServerBase,
   * DmsDatabaseSettings)}; {@code problemsOfTheKind} are what the subclass found wrong with the
   * settings, reported with the others.
   */
  protected DmsDatabaseMigrationBase(
      Construct scope,
      String id,
      DmsSourceServerBase server,
      DmsDatabaseSettings settings,
      List<String> problemsOfTheKind) {
    super(scope, id);
    sourceServer = server;
    DmsSourceServerSettings defaults = server.getSettings();
    SourceEngine engine = server.getEngine();
    String serverName = server.getServerName();
    databaseName = Objects.requireNonNullElse(settings.getDatabaseName(), id);
    replicationIdentifier =
        Objects.requireNonNullElse(
            settings.getReplicationIdentifier(), DmsNames.taskIdentifier(serverName, databaseName));
    String sourceEndpointIdentifier =
        Objects.requireNonNullElse(
            settings.getSourceEndpointIdentifier(),
            DmsNames.sourceEndpointIdentifier(serverName, databaseName, engine));
    String targetEndpointIdentifier =
        Objects.requireNonNullElse(
            settings.getTargetEndpointIdentifier(),
            DmsNames.targetEndpointIdentifier(serverName, databaseName));
    String subfolder =
        Objects.requireNonNullElse(settings.getSubfolder(), S3Targets.safeFolderName(databaseName));
    bucketFolder = server.getBucketFolder() + "/" + subfolder;
    sourcePort = Objects.requireNonNullElse(settings.getSourcePort(), server.getSourcePort());
    SslMode sslMode = Objects.requireNonNullElse(settings.getSslMode(), defaults.getSslMode());
    String certificateArn =
        settings.getCertificateArn() != null || !sslMode.verifiesCertificate()
            ? settings.getCertificateArn()
            : defaults.getCertificateArn();
    migrationType =
        Objects.requireNonNullElse(settings.getMigrationType(), defaults.getMigrationType());
    tableMappings =
        Objects.requireNonNullElse(
            settings.getTableMappings(),
            SourceEndpoints.databaseIsSchema(engine)
                ? TaskJson.includeSchema(databaseName)
                : TaskJson.includeAllTables());
    cdcStartPosition = settings.getCdcStartPosition();
    cdcStartTime = settings.getCdcStartTime();

    Map<String, String> taken = new LinkedHashMap<>();
    taken.put("replicationIdentifier", DmsIdentifiers.stored(replicationIdentifier));
    taken.put("sourceEndpointIdentifier", DmsIdentifiers.stored(sourceEndpointIdentifier));
    taken.put("targetEndpointIdentifier", DmsIdentifiers.stored(targetEndpointIdentifier));
    taken.put("subfolder", bucketFolder + "/");
    Problems problems =
        new Problems(getClass().getSimpleName() + " '" + id + "' of '" + serverName + "'");
    problemsOfTheKind.forEach(problems::add);
    problems.requireOne("secret", settings.getSecret(), "secretName", settings.getSecretName());
    problems.check("secretName", settings.getSecretName(), Secrets.NAME);
    problems.check("replicationIdentifier", replicationIdentifier, DmsIdentifiers.TASK_OR_ENDPOINT);
    problems.check(
        "sourceEndpointIdentifier", sourceEndpointIdentifier, DmsIdentifiers.TASK_OR_ENDPOINT);
    problems.check(
        "targetEndpointIdentifier", targetEndpointIdentifier, DmsIdentifiers.TASK_OR_ENDPOINT);
    problems.check("subfolder", subfolder, S3Targets.FOLDER);
    problems.between("sourcePort", settings.getSourcePort(), Networks.PORT);
    DmsSourceServerBase.checkSsl(problems, sslMode, certificateArn);
    if (settings.getTableMappings() != null) {
      problems.addFindings("tableMappings", TableMappings.validate(settings.getTableMappings()));
    }
    if (settings.getTaskSettings() != null) {
      TaskJson.checkTaskSettings(problems, "taskSettings", settings.getTaskSettings());
    }
    problems.exclusive("cdcStartPosition", cdcStartPosition, "cdcStartTime", cdcStartTime);
    if (!migrationType.capturesChanges() && (cdcStartPosition != null || cdcStartTime != null)) {
      problems.add(
          "'cdcStartPosition' and 'cdcStartTime' apply only to CDC, but 'migrationType' is "
              + migrationType.value()
              + ": remove them or choose cdc or full-load-and-cdc");
    }
    server.conflicts(taken).forEach(problems::add);
    problems.throwIfAny();
    server.register(this, id, taken);
    server.allowSourcePort(sourcePort);
    taskSettings = TaskJson.taskSettings(defaults.getTaskSettings(), settings.getTaskSettings());

    String secretId = server.grantSecretRead(settings.getSecret(), settings.getSecretName());
    CfnEndpoint.Builder source =
        CfnEndpoint.Builder.create(this, "SourceEndpoint")
            .endpointType("source")
            .endpointIdentifier(sourceEndpointIdentifier)
            .engineName(engine.engineName())
            .databaseName(SourceEndpoints.databaseName(engine, databaseName))
            .sslMode(sslMode.value())
            .certificateArn(certificateArn)
            .extraConnectionAttributes(settings.getSourceExtraConnectionAttributes());
    SourceEndpoints.secret(source, engine, secretId, server.secretsAccessRoleArn());
    sourceEndpoint = source.build();
    targetEndpoint =
        CfnEndpoint.Builder.create(this, "TargetEndpoint")
            .endpointType("target")
            .endpointIdentifier(targetEndpointIdentifier)
            .engineName("s3")
            .s3Settings(server.s3Settings(bucketFolder))
            .build();
  }

  /** The source server of the database. */
  public DmsSourceServerBase getSourceServer() {
    return sourceServer;
  }

  /** The database's name on the source. */
  public String getDatabaseName() {
    return databaseName;
  }

  /** The identifier of the replication (task or replication config). */
  public String getReplicationIdentifier() {
    return replicationIdentifier;
  }

  /** What the replication does. */
  public MigrationType getMigrationType() {
    return migrationType;
  }

  /** The table mappings the replication uses (JSON). */
  public String getTableMappings() {
    return tableMappings;
  }

  /** The replication's settings (JSON): the logging defaults, the server's, the database's. */
  public String getTaskSettings() {
    return taskSettings;
  }

  /** The folder of the bucket the database is written to. */
  public String getBucketFolder() {
    return bucketFolder;
  }

  /** The port the replication reaches the database on. */
  public int getSourcePort() {
    return sourcePort;
  }

  /** Where CDC starts, if set. */
  public @Nullable String getCdcStartPosition() {
    return cdcStartPosition;
  }

  /** When CDC starts, if set. */
  public @Nullable Instant getCdcStartTime() {
    return cdcStartTime;
  }

  /** The source endpoint. */
  public CfnEndpoint getSourceEndpoint() {
    return sourceEndpoint;
  }

  /** The S3 target endpoint. */
  public CfnEndpoint getTargetEndpoint() {
    return targetEndpoint;
  }
}
