package io.github.dmsfleet.ops.changes;

import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.cloudformation.model.Replacement;
import software.amazon.awssdk.services.cloudformation.model.ResourceAttribute;
import software.amazon.awssdk.services.cloudformation.model.ResourceChange;
import software.amazon.awssdk.services.cloudformation.model.ResourceChangeDetail;

/**
 * One existing DMS resource a change set changes, classified by what the change does to the
 * replications that run on it or through it.
 *
 * @param physicalId the resource's ARN, which is its physical id in CloudFormation
 * @param properties the properties the change sets, in CloudFormation's order (tags, metadata and
 *     policies are not properties)
 */
public record DmsChange(
    String logicalId,
    ResourceKind kind,
    String physicalId,
    Effect effect,
    List<String> properties) {

  /** What CloudFormation does to the resource. */
  public enum Effect {
    MODIFIED("modified"),
    REPLACED("replaced"),
    /** {@code Replacement: Conditional}: CloudFormation decides while it deploys. */
    MAY_BE_REPLACED("may be replaced"),
    REMOVED("removed"),
    /** {@code Action: Dynamic}: CloudFormation cannot tell before it deploys. */
    UNDETERMINED("changed as CloudFormation decides while it deploys");

    private final String words;

    Effect(String words) {
      this.words = words;
    }

    @Override
    public String toString() {
      return words;
    }
  }

  /**
   * Instance properties whose update CloudFormation documents as "No interruption" (the template
   * reference of {@code AWS::DMS::ReplicationInstance}); ModifyReplicationInstance also documents
   * AllowMajorVersionUpgrade as causing no outage. Any other property (ReplicationInstanceClass and
   * EngineVersion are "Some interruptions"; properties added later are not known) restarts the
   * instance, and DMS stops the tasks on it.
   */
  static final Set<String> INSTANCE_UPDATES_WITHOUT_RESTART =
      Set.of(
          "AllocatedStorage",
          "AllowMajorVersionUpgrade",
          "AutoMinorVersionUpgrade",
          "MultiAZ",
          "PreferredMaintenanceWindow",
          "ReplicationInstanceIdentifier",
          "VpcSecurityGroupIds");

  public DmsChange {
    properties = List.copyOf(properties);
  }

  /**
   * The DMS change a CloudFormation resource change makes to an existing resource; null for other
   * resource types and for changes that touch no existing resource (adds, imports).
   */
  public static DmsChange of(ResourceChange change) {
    ResourceKind kind = ResourceKind.of(change.resourceType());
    if (kind == null || change.physicalResourceId() == null || change.action() == null) {
      return null;
    }
    Effect effect =
        switch (change.action()) {
          case REMOVE -> Effect.REMOVED;
          case DYNAMIC -> Effect.UNDETERMINED;
          case MODIFY ->
              switch (change.replacement() == null ? Replacement.FALSE : change.replacement()) {
                case TRUE -> Effect.REPLACED;
                case CONDITIONAL -> Effect.MAY_BE_REPLACED;
                default -> Effect.MODIFIED;
              };
          default -> null;
        };
    if (effect == null) {
      return null;
    }
    List<String> properties =
        change.details().stream()
            .map(ResourceChangeDetail::target)
            .filter(t -> t != null && t.attribute() == ResourceAttribute.PROPERTIES)
            .map(t -> t.name())
            .filter(name -> name != null)
            .distinct()
            .toList();
    return new DmsChange(
        change.logicalResourceId(), kind, change.physicalResourceId(), effect, properties);
  }

  /**
   * Whether the replications it touches must be stopped first. DMS refuses to modify a running task
   * ("Replication Task cannot be modified while it is running state"), an endpoint a running task
   * uses, and a replication config whose replication is not stopped, created or failed; it cannot
   * delete a running task; and a restart of the instance stops its tasks. Tags, metadata and
   * policies alone change nothing DMS runs.
   */
  public boolean stopsReplication() {
    return switch (effect) {
      case REPLACED, MAY_BE_REPLACED, REMOVED, UNDETERMINED -> true;
      case MODIFIED ->
          kind == ResourceKind.INSTANCE
              ? properties.stream().anyMatch(p -> !INSTANCE_UPDATES_WITHOUT_RESTART.contains(p))
              : !properties.isEmpty();
    };
  }

  /**
   * Whether a replication that runs on it or through it sees the change: not when only tags,
   * metadata or policies change.
   */
  public boolean touchesReplication() {
    return stopsReplication() || !properties.isEmpty();
  }

  /**
   * Whether the replications it touches load every table again: a replaced task (or replication
   * config) is a new one that never ran, and a replaced endpoint or instance replaces the tasks
   * that use it (their endpoint and instance ARNs cannot change in place).
   */
  public boolean reloads() {
    return effect == Effect.REPLACED || effect == Effect.MAY_BE_REPLACED;
  }

  /**
   * Whether CloudFormation will refuse it: it cannot replace a resource with a custom name unless
   * the name changes too, and every DMS resource of the fleet has one.
   */
  public boolean replacesACustomName() {
    return reloads() && !properties.contains(kind.nameProperty());
  }

  /**
   * {@code source endpoint modified: MicrosoftSqlServerSettings}, {@code instance modified:
   * ReplicationInstanceClass (restarts it)}.
   *
   * @param role what the resource is to the replication, such as {@code source endpoint}
   */
  public String describe(String role) {
    StringBuilder text = new StringBuilder(role).append(' ').append(effect);
    if (!properties.isEmpty()) {
      text.append(": ").append(String.join(", ", properties));
    }
    if (kind == ResourceKind.INSTANCE && effect == Effect.MODIFIED) {
      text.append(stopsReplication() ? " (restarts it)" : " (no restart)");
    }
    return text.toString();
  }
}
