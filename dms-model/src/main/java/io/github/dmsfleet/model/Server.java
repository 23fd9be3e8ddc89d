package io.github.dmsfleet.model;

import java.util.List;
import org.immutables.value.Value;

/**
 * One source server: one replication instance that runs its databases' tasks, or with {@code
 * compute serverless} a DMS Serverless replication per database. Its {@link ServerSettings} are its
 * effective ones: its {@code dms_servers.txt} row over the fleet's.
 */
@Value.Immutable
public interface Server extends ServerSettings {
  /** The server name as the config first writes it. */
  String name();

  /** {@code <server>-instance}, made legal by {@link Identifiers}. */
  String instanceIdentifier();

  /** Its databases, in config order. */
  List<Database> databases();
}
