package io.github.dmsfleet.constructs;

import java.util.List;
import software.constructs.Construct;

/**
 * A source database server whose databases replicate as tasks on a replication instance. Give the
 * engine, the bucket and the instance once; add each database with {@link #addDatabase}. The
 * instance's security groups may reach the source on its port (in {@code sourceCidrs} only, when
 * given).
 *
 * <pre>{@code
 * DmsSourceServer erp = new DmsSourceServer(this, "erp01", DmsSourceServerProps.builder()
 *     .engine(SourceEngine.POSTGRESQL)
 *     .replicationServer(instance)
 *     .targetBucket(lake.getBucket())
 *     .build());
 * erp.addDatabase("orders", DmsDatabaseOptions.builder().secretName("dms/erp01/orders").build());
 * }</pre>
 *
 * <p>Construct ids: as {@link DmsSourceServerBase}.
 */
public class DmsSourceServer extends DmsSourceServerBase {
  private final IDmsReplicationServer replicationServer;

  /** A source server as {@code props} describe it. */
  public DmsSourceServer(Construct scope, String id, DmsSourceServerProps props) {
    super(
        scope,
        id,
        props,
        props.getReplicationServer() == null
            ? List.of("'replicationServer' is required")
            : List.of());
    replicationServer = props.getReplicationServer();
    allowSourceTraffic(replicationServer);
  }

  /**
   * Adds one database: its source endpoint, S3 target endpoint and replication task, as a child of
   * this server (and so in its stack), with every setting it leaves out taken from this server. The
   * database's name is {@code id} unless {@code options} say otherwise.
   */
  public DmsDatabaseMigration addDatabase(String id, DmsDatabaseOptions options) {
    return new DmsDatabaseMigration(this, id, this, options);
  }

  /** The instance the databases' tasks run on. */
  public IDmsReplicationServer getReplicationServer() {
    return replicationServer;
  }

  @Override
  public List<DmsDatabaseMigration> getDatabases() {
    return super.getDatabases().stream().map(DmsDatabaseMigration.class::cast).toList();
  }
}
