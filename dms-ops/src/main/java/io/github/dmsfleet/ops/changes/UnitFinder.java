package io.github.dmsfleet.ops.changes;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the replication units of one kind by the DMS resources they are or use: what a change set
 * touches. Tasks: {@link TaskFinder}; a serverless adapter answers for replication configs (and the
 * endpoints they use) the same way.
 */
public interface UnitFinder {
  /** The resource kinds this finder knows the users of. */
  Set<ResourceKind> answersFor();

  /** Units that are, or run on or through, any of these resources (ARNs by kind). Reads only. */
  List<Wired> using(Map<ResourceKind, Set<String>> arns);

  /** Every unit of this kind in the account and Region. Reads only. */
  List<Wired> all();
}
