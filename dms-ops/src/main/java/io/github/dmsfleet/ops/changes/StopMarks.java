package io.github.dmsfleet.ops.changes;

import io.github.dmsfleet.ops.internal.Batch;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.Tag;

/**
 * Which replications an apply stopped, written on the replications themselves as a DMS tag, so that
 * a rerun after Ctrl-C or a crash knows what to resume: {@value #KEY} = {@code <stack
 * prefix>/<change set>}. The stack prefix keeps two fleets of one account apart. DMS tags tasks and
 * replication configs alike, by ARN.
 */
public final class StopMarks {
  public static final String KEY = "dms-ops:stopped-for-change-set";

  /** ARNs per ListTagsForResource call. */
  static final int BATCH = 100;

  private final DatabaseMigrationClient dms;
  private final String value;

  public StopMarks(DatabaseMigrationClient dms, String stackPrefix, String changeSet) {
    this.dms = dms;
    this.value = stackPrefix + "/" + changeSet;
  }

  /** {@code dms-ops:stopped-for-change-set=DmsFleet/add-orders}. */
  public String tag() {
    return KEY + "=" + value;
  }

  /** Those of these resources that carry the mark. Reads only. */
  public Set<String> marked(Collection<String> arns) {
    Set<String> marked = new HashSet<>();
    for (List<String> batch : Batch.chunks(arns, BATCH)) {
      dms.listTagsForResource(r -> r.resourceArnList(batch)).tagList().stream()
          .filter(t -> KEY.equals(t.key()) && value.equals(t.value()))
          .forEach(t -> marked.add(t.resourceArn()));
    }
    return marked;
  }

  /** Marks a replication before it is stopped. */
  public void mark(String arn) {
    dms.addTagsToResource(
        r -> r.resourceArn(arn).tags(Tag.builder().key(KEY).value(value).build()));
  }

  /** Takes the mark off a replication that runs again (or never needs to). */
  public void unmark(String arn) {
    dms.removeTagsFromResource(r -> r.resourceArn(arn).tagKeys(KEY));
  }

  /** The marked among every unit the kinds know: what a resume starts. */
  public List<Wired> markedAmong(List<Wired> units) {
    Set<String> marked = marked(units.stream().map(w -> w.unit().arn()).toList());
    return units.stream().filter(w -> marked.contains(w.unit().arn())).toList();
  }
}
