package io.github.dmsfleet.model;

import java.util.List;
import org.immutables.value.Value;

/** One source server: it becomes one replication instance that runs all of its databases' tasks. */
@Value.Immutable
public interface Server {
  /** The server name as the config first writes it. */
  String name();

  /** {@code <server>-instance}, made legal by {@link Identifiers}. */
  String instanceIdentifier();

  /** Its databases, in config order. */
  List<Database> databases();
}
