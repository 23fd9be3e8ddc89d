package io.github.dmsfleet.ops.changes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Change;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetNotFoundException;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetStatus;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetSummary;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.DescribeChangeSetRequest;
import software.amazon.awssdk.services.cloudformation.model.DescribeChangeSetResponse;
import software.amazon.awssdk.services.cloudformation.model.DescribeStacksRequest;
import software.amazon.awssdk.services.cloudformation.model.ResourceChange;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;
import software.amazon.awssdk.services.cloudformation.waiters.CloudFormationWaiter;

/**
 * The fleet's stacks as CloudFormation sees them: their change sets (DescribeChangeSet, every
 * page), executing one, and waiting for the update with the SDK's waiters until it finishes, with
 * the first failure of the update from the stack's events when it rolled back.
 */
public final class Stacks {
  /** CloudFormation's reason for a change set with nothing to do. */
  private static final List<String> NO_CHANGES =
      List.of("didn't contain changes", "No updates are to be performed");

  /** Stack statuses of an update or creation that went through. */
  private static final Set<String> SUCCEEDED =
      Set.of("CREATE_COMPLETE", "UPDATE_COMPLETE", "IMPORT_COMPLETE");

  private final CloudFormationClient cloudFormation;
  private final Duration pollInterval;

  /**
   * How a stack update ended.
   *
   * @param finished false when the deadline came first
   * @param reason the first resource failure of the update (logical id, type, CloudFormation's
   *     reason), or the stack's status reason; null when it succeeded
   */
  public record Outcome(String stackStatus, boolean finished, boolean succeeded, String reason) {}

  public Stacks(CloudFormationClient cloudFormation, Duration pollInterval) {
    this.cloudFormation = cloudFormation;
    this.pollInterval = pollInterval;
  }

  /** The stack's change set of that name, classified. Reads only. */
  public StackChangeSet read(FleetStack stack, String changeSet) {
    Stack described = describe(stack.name());
    if (described == null) {
      return new StackChangeSet(stack, ChangeSetState.NO_STACK, null, null, false, 0, List.of());
    }
    boolean createsStack = "REVIEW_IN_PROGRESS".equals(described.stackStatusAsString());
    List<DescribeChangeSetResponse> pages;
    try {
      pages = pages(stack.name(), changeSet);
      ChangeSetStatus status = pages.get(0).status();
      if (status == ChangeSetStatus.CREATE_PENDING
          || status == ChangeSetStatus.CREATE_IN_PROGRESS) {
        awaitCreated(stack.name(), changeSet);
        pages = pages(stack.name(), changeSet);
      }
    } catch (ChangeSetNotFoundException e) {
      return new StackChangeSet(
          stack,
          ChangeSetState.MISSING,
          null,
          described.stackStatusAsString(),
          createsStack,
          0,
          List.of());
    }
    DescribeChangeSetResponse first = pages.get(0);
    List<ResourceChange> changes =
        pages.stream()
            .flatMap(page -> page.changes().stream())
            .map(Change::resourceChange)
            .filter(Objects::nonNull)
            .toList();
    List<DmsChange> dmsChanges =
        changes.stream().map(DmsChange::of).filter(Objects::nonNull).toList();
    ChangeSetState state = state(first);
    String reason =
        state == ChangeSetState.NOT_EXECUTABLE
            ? "execution status " + first.executionStatusAsString()
            : blankToNull(first.statusReason());
    return new StackChangeSet(
        stack,
        state,
        reason,
        described.stackStatusAsString(),
        createsStack,
        changes.size(),
        dmsChanges);
  }

  /** The names of the stack's change sets, for a hint when the one asked for is nowhere. */
  public List<String> changeSetNames(String stack) {
    if (describe(stack) == null) {
      return List.of();
    }
    return cloudFormation.listChangeSetsPaginator(r -> r.stackName(stack)).summaries().stream()
        .map(ChangeSetSummary::changeSetName)
        .toList();
  }

  /** The stack's status; null when there is no such stack. */
  public String status(String stack) {
    Stack described = describe(stack);
    return described == null ? null : described.stackStatusAsString();
  }

  /**
   * Executes the change set. The request token makes the SDK's retries of this call one execution.
   */
  public void execute(String stack, String changeSet) {
    String token = "dms-ops-" + UUID.randomUUID();
    cloudFormation.executeChangeSet(
        r -> r.stackName(stack).changeSetName(changeSet).clientRequestToken(token));
  }

  /**
   * Waits until the stack's update (or creation) from the change set ends, or the deadline. The
   * SDK's waiter polls DescribeStacks; the change set's execution status confirms the end, so that
   * a read of the stack from before the execution ends nothing.
   */
  public Outcome await(String stack, String changeSet, boolean creating, Instant deadline) {
    while (true) {
      Duration left = Duration.between(Instant.now(), deadline);
      if (!left.isNegative() && !left.isZero()) {
        waitForStack(stack, creating, left);
      }
      String execution = executionStatus(stack, changeSet);
      String status = status(stack);
      boolean terminal = status != null && !status.endsWith("_IN_PROGRESS");
      if (terminal && !"EXECUTE_IN_PROGRESS".equals(execution)) {
        return SUCCEEDED.contains(status)
            ? new Outcome(status, true, true, null)
            : new Outcome(status, true, false, firstFailure(stack));
      }
      if (!Instant.now().isBefore(deadline)) {
        return new Outcome(status, false, false, null);
      }
      sleep(pollInterval);
    }
  }

  /** The physical id a stack resource has now, such as the ARN of a replacement. */
  public String physicalId(String stack, String logicalId) {
    return cloudFormation
        .describeStackResource(r -> r.stackName(stack).logicalResourceId(logicalId))
        .stackResourceDetail()
        .physicalResourceId();
  }

  private void waitForStack(String stack, boolean creating, Duration left) {
    WaiterOverrideConfiguration waiting =
        WaiterOverrideConfiguration.builder()
            .backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(pollInterval))
            .waitTimeout(left)
            .maxAttempts((int) Math.min(Integer.MAX_VALUE, left.dividedBy(pollInterval) + 2))
            .build();
    DescribeStacksRequest request = DescribeStacksRequest.builder().stackName(stack).build();
    try (CloudFormationWaiter waiter = cloudFormation.waiter()) {
      if (creating) {
        waiter.waitUntilStackCreateComplete(request, waiting);
      } else {
        waiter.waitUntilStackUpdateComplete(request, waiting);
      }
    } catch (SdkClientException e) {
      // The waiter ends in failure on a rollback, and at the deadline: the status says which.
    }
  }

  private void awaitCreated(String stack, String changeSet) {
    try (CloudFormationWaiter waiter = cloudFormation.waiter()) {
      waiter.waitUntilChangeSetCreateComplete(
          DescribeChangeSetRequest.builder().stackName(stack).changeSetName(changeSet).build(),
          WaiterOverrideConfiguration.builder()
              .backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(pollInterval))
              .build());
    } catch (SdkClientException e) {
      // A change set CloudFormation could not create ends FAILED: reading it again says why.
    }
  }

  /**
   * The update's first resource failure: events come newest first, so those after the stack's last
   * {@code UPDATE_IN_PROGRESS} (or {@code CREATE_IN_PROGRESS}) are read, and the oldest failure
   * among them is the cause (later ones are resources CloudFormation cancelled).
   */
  private String firstFailure(String stack) {
    List<StackEvent> update = new ArrayList<>();
    for (StackEvent event :
        cloudFormation.describeStackEventsPaginator(r -> r.stackName(stack)).stackEvents()) {
      boolean start =
          stack.equals(event.logicalResourceId())
              && Set.of("UPDATE_IN_PROGRESS", "CREATE_IN_PROGRESS")
                  .contains(event.resourceStatusAsString());
      if (start) {
        break;
      }
      update.add(event);
    }
    for (int i = update.size() - 1; i >= 0; i--) {
      StackEvent event = update.get(i);
      if (!stack.equals(event.logicalResourceId())
          && event.resourceStatusAsString().endsWith("_FAILED")
          && event.resourceStatusReason() != null) {
        return event.logicalResourceId()
            + " ("
            + event.resourceType()
            + "): "
            + event.resourceStatusReason();
      }
    }
    Stack described = describe(stack);
    return described == null ? null : blankToNull(described.stackStatusReason());
  }

  private List<DescribeChangeSetResponse> pages(String stack, String changeSet) {
    return cloudFormation
        .describeChangeSetPaginator(r -> r.stackName(stack).changeSetName(changeSet))
        .stream()
        .toList();
  }

  private String executionStatus(String stack, String changeSet) {
    try {
      return cloudFormation
          .describeChangeSet(r -> r.stackName(stack).changeSetName(changeSet))
          .executionStatusAsString();
    } catch (ChangeSetNotFoundException e) {
      return null;
    }
  }

  private Stack describe(String stack) {
    try {
      return cloudFormation.describeStacks(r -> r.stackName(stack)).stacks().get(0);
    } catch (CloudFormationException e) {
      // CloudFormation answers a stack it does not know with a ValidationError.
      if (e.awsErrorDetails() != null
          && "ValidationError".equals(e.awsErrorDetails().errorCode())
          && String.valueOf(e.awsErrorDetails().errorMessage()).contains("does not exist")) {
        return null;
      }
      throw e;
    }
  }

  private static ChangeSetState state(DescribeChangeSetResponse changeSet) {
    if (changeSet.status() == ChangeSetStatus.FAILED) {
      String reason = String.valueOf(changeSet.statusReason());
      return NO_CHANGES.stream().anyMatch(reason::contains)
          ? ChangeSetState.NO_CHANGES
          : ChangeSetState.FAILED;
    }
    return switch (String.valueOf(changeSet.executionStatusAsString())) {
      case "AVAILABLE" -> ChangeSetState.READY;
      case "EXECUTE_IN_PROGRESS" -> ChangeSetState.EXECUTING;
      case "EXECUTE_COMPLETE" -> ChangeSetState.EXECUTED;
      case "EXECUTE_FAILED" -> ChangeSetState.EXECUTE_FAILED;
      default -> ChangeSetState.NOT_EXECUTABLE;
    };
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(Math.max(1, duration.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
