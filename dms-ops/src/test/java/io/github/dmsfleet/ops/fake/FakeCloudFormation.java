package io.github.dmsfleet.ops.fake;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake of CloudFormation's query API as the SDK's client speaks it (awsQuery: form-encoded
 * requests, XML answers), on the port of a {@link FakeDms}, for what moto's CloudFormation cannot
 * do (it does not model DMS resources): change sets with {@code Add}, {@code Modify} (in place or
 * replacing) and {@code Remove} changes and their property details, DescribeChangeSet in pages,
 * ExecuteChangeSet that changes the fake DMS's resources as CloudFormation's handlers do (DMS's
 * refusals fail the update and roll the stack back), stack statuses that advance with time,
 * DescribeStackEvents (newest first, in pages), DescribeStackResource and ListChangeSets.
 */
public final class FakeCloudFormation {
  /** Operations that change something. */
  public static final Set<String> WRITES =
      Set.of("ExecuteChangeSet", "CreateChangeSet", "DeleteChangeSet", "UpdateStack");

  /** What CloudFormation says of a change set with nothing to do. */
  public static final String NO_CHANGES =
      "The submitted information didn't contain changes. Submit different information to create a"
          + " change set.";

  private static final String NAMESPACE = "http://cloudformation.amazonaws.com/doc/2010-05-15/";
  private static final String ARN_PREFIX = "arn:aws:cloudformation:us-east-1:123456789012:";

  private final FakeDms dms;
  private Duration step;
  private final Map<String, FakeStack> stacks = new LinkedHashMap<>();
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final Map<String, Deque<String>> faults = new ConcurrentHashMap<>();
  private int pageSize = 2;
  private int eventCount;

  private FakeCloudFormation(FakeDms dms, Duration step) {
    this.dms = dms;
    this.step = step;
  }

  /**
   * Serves CloudFormation on the fake DMS's port; each stage of a stack update ({@code
   * UPDATE_IN_PROGRESS}, then cleanup or rollback, then complete) takes {@code step}.
   */
  public static FakeCloudFormation beside(FakeDms dms, Duration step) {
    FakeCloudFormation cloudFormation = new FakeCloudFormation(dms, step);
    dms.serveQueryProtocol(cloudFormation::handle);
    return cloudFormation;
  }

  /** How long each stage of an update takes from now on. */
  public synchronized void step(Duration step) {
    this.step = step;
  }

  /** Changes per DescribeChangeSet page and events per DescribeStackEvents page. */
  public synchronized void pageSize(int size) {
    this.pageSize = size;
  }

  /** A deployed stack, {@code UPDATE_COMPLETE}. */
  public synchronized void stack(String name) {
    stacks.put(name, new FakeStack(name, "UPDATE_COMPLETE"));
  }

  /**
   * A change set ready to execute ({@code CREATE_COMPLETE}, {@code AVAILABLE}); on a stack that
   * does not exist, a change set that creates it (the stack waits in {@code REVIEW_IN_PROGRESS}).
   */
  public synchronized ChangeSet changeSet(String stack, String name) {
    FakeStack fakeStack =
        stacks.computeIfAbsent(stack, s -> new FakeStack(s, "REVIEW_IN_PROGRESS"));
    FakeChangeSet changeSet = new FakeChangeSet(name);
    fakeStack.changeSets.put(name, changeSet);
    return new ChangeSet(fakeStack, changeSet);
  }

  /**
   * A change set CloudFormation could not create, such as one with no changes ({@link
   * #NO_CHANGES}).
   */
  public synchronized void failedChangeSet(String stack, String name, String reason) {
    FakeStack fakeStack = stacks.get(stack);
    FakeChangeSet changeSet = new FakeChangeSet(name);
    changeSet.status = "FAILED";
    changeSet.executionStatus = "UNAVAILABLE";
    changeSet.statusReason = reason;
    fakeStack.changeSets.put(name, changeSet);
  }

  public synchronized String status(String stack) {
    FakeStack fakeStack = stacks.get(stack);
    fakeStack.advance(System.nanoTime());
    return fakeStack.status;
  }

  /** The stack resource's physical id now (a replacement has a new one). */
  public synchronized String physicalId(String stack, String logicalId) {
    return stacks.get(stack).resources.get(logicalId).physicalId;
  }

  public int calls(String operation) {
    return calls.getOrDefault(operation, new AtomicInteger()).get();
  }

  /** Every operation called so far. */
  public Set<String> operations() {
    return Set.copyOf(calls.keySet());
  }

  public int writeCalls() {
    return WRITES.stream().mapToInt(this::calls).sum();
  }

  /** The next {@code times} calls of the operation answer this error code (HTTP 400). */
  public void inject(String operation, String code, int times) {
    Deque<String> queue = faults.computeIfAbsent(operation, k -> new ArrayDeque<>());
    synchronized (queue) {
      for (int i = 0; i < times; i++) {
        queue.add(code);
      }
    }
  }

  /** The next {@code times} calls of the operation are answered normally, before any fault. */
  public void pass(String operation, int times) {
    inject(operation, "", times);
  }

  /** Adds changes to a change set. */
  public final class ChangeSet {
    private final FakeStack stack;
    private final FakeChangeSet changeSet;

    private ChangeSet(FakeStack stack, FakeChangeSet changeSet) {
      this.stack = stack;
      this.changeSet = changeSet;
    }

    /** An in-place update of these properties. */
    public ChangeSet modify(
        String logicalId, String type, String physicalId, String... properties) {
      FakeChange change = change("Modify", logicalId, type, physicalId, "False");
      change.scope.add("Properties");
      for (String property : properties) {
        change.details.add(new Detail("Properties", property, "Never"));
      }
      return this;
    }

    /** An update of the resource's tags alone. */
    public ChangeSet tags(String logicalId, String type, String physicalId) {
      FakeChange change = change("Modify", logicalId, type, physicalId, "False");
      change.scope.add("Tags");
      change.details.add(new Detail("Tags", null, "Never"));
      return this;
    }

    /**
     * A change of a property that needs a new resource.
     *
     * @param newIdentifier the name the new task (or replication config) gets; null keeps the name,
     *     which CloudFormation refuses for a resource with a custom name
     */
    public ChangeSet replace(
        String logicalId, String type, String physicalId, String property, String newIdentifier) {
      FakeChange change = change("Modify", logicalId, type, physicalId, "True");
      change.scope.add("Properties");
      change.details.add(new Detail("Properties", property, "Always"));
      if (newIdentifier != null) {
        String name =
            "AWS::DMS::ReplicationConfig".equals(type)
                ? "ReplicationConfigIdentifier"
                : "ReplicationTaskIdentifier";
        change.details.add(new Detail("Properties", name, "Never"));
      }
      change.newIdentifier = newIdentifier;
      return this;
    }

    /**
     * An update of a resource that is not DMS's which fails with this reason, as when a service
     * refuses it; the stack rolls back.
     */
    public ChangeSet failing(String logicalId, String type, String property, String reason) {
      FakeChange change = change("Modify", logicalId, type, logicalId + "-physical", "False");
      change.scope.add("Properties");
      change.details.add(new Detail("Properties", property, "Never"));
      change.failure = reason;
      return this;
    }

    /**
     * The change set is still being created ({@code CREATE_IN_PROGRESS}, {@code UNAVAILABLE}) and
     * will be one step from now, as right after CreateChangeSet.
     */
    public ChangeSet stillBeingCreated() {
      synchronized (FakeCloudFormation.this) {
        changeSet.status = "CREATE_IN_PROGRESS";
        changeSet.executionStatus = "UNAVAILABLE";
        stack.at(
            System.nanoTime() + step.toNanos(),
            () -> {
              changeSet.status = "CREATE_COMPLETE";
              changeSet.executionStatus = "AVAILABLE";
            });
        return this;
      }
    }

    public ChangeSet remove(String logicalId, String type, String physicalId) {
      change("Remove", logicalId, type, physicalId, null);
      return this;
    }

    public ChangeSet add(String logicalId, String type) {
      change("Add", logicalId, type, null, null);
      return this;
    }

    private FakeChange change(
        String action, String logicalId, String type, String physicalId, String replacement) {
      synchronized (FakeCloudFormation.this) {
        FakeChange change = new FakeChange(action, logicalId, type, physicalId, replacement);
        changeSet.changes.add(change);
        if (physicalId != null) {
          stack.resources.putIfAbsent(logicalId, new Resource(type, physicalId));
        }
        return change;
      }
    }
  }

  // -- the protocol ------------------------------------------------------------------------------

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange;
        InputStream body = exchange.getRequestBody()) {
      Map<String, String> form = form(new String(body.readAllBytes(), StandardCharsets.UTF_8));
      String operation = form.getOrDefault("Action", "");
      String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
      if (contentType == null
          || !contentType.startsWith("application/x-www-form-urlencoded")
          || !"2010-05-15".equals(form.get("Version"))) {
        reply(exchange, 400, error("InvalidAction", "not a CloudFormation query request"));
        return;
      }
      calls.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
      String fault = nextFault(operation);
      if (fault != null && !fault.isEmpty()) {
        reply(exchange, 400, error(fault, "injected " + fault));
        return;
      }
      try {
        reply(exchange, 200, response(operation, dispatch(operation, form)));
      } catch (Fault e) {
        reply(exchange, e.status, error(e.code, e.getMessage()));
      }
    }
  }

  private synchronized String dispatch(String operation, Map<String, String> form) {
    long now = System.nanoTime();
    stacks.values().forEach(s -> s.advance(now));
    return switch (operation) {
      case "DescribeStacks" -> describeStacks(form);
      case "DescribeChangeSet" -> describeChangeSet(form);
      case "ListChangeSets" -> listChangeSets(form);
      case "ExecuteChangeSet" -> execute(form, now);
      case "DescribeStackEvents" -> describeEvents(form);
      case "DescribeStackResource" -> describeResource(form);
      default -> throw new Fault(400, "InvalidAction", "the fake does not implement " + operation);
    };
  }

  private String describeStacks(Map<String, String> form) {
    Xml xml = new Xml().open("Stacks");
    List<FakeStack> listed =
        form.containsKey("StackName")
            ? List.of(existing(form.get("StackName")))
            : List.copyOf(stacks.values());
    for (FakeStack stack : listed) {
      xml.open("member")
          .text("StackId", stack.id)
          .text("StackName", stack.name)
          .text("ChangeSetId", stack.changeSetId)
          .text("CreationTime", stack.created)
          .text("StackStatus", stack.status)
          .text("StackStatusReason", stack.statusReason)
          .close("member");
    }
    return xml.close("Stacks").toString();
  }

  private String describeChangeSet(Map<String, String> form) {
    FakeStack stack = existing(form.get("StackName"));
    FakeChangeSet changeSet = changeSet(stack, form.get("ChangeSetName"));
    int from = Integer.parseInt(form.getOrDefault("NextToken", "0"));
    List<FakeChange> page =
        changeSet.changes.subList(from, Math.min(changeSet.changes.size(), from + pageSize));
    Xml xml =
        new Xml()
            .text("ChangeSetName", changeSet.name)
            .text("ChangeSetId", changeSet.id)
            .text("StackId", stack.id)
            .text("StackName", stack.name)
            .text("CreationTime", changeSet.created)
            .text("ExecutionStatus", changeSet.executionStatus)
            .text("Status", changeSet.status)
            .text("StatusReason", changeSet.statusReason)
            .open("Changes");
    for (FakeChange change : page) {
      change.write(xml);
    }
    xml.close("Changes");
    if (from + pageSize < changeSet.changes.size()) {
      xml.text("NextToken", String.valueOf(from + pageSize));
    }
    return xml.toString();
  }

  private String listChangeSets(Map<String, String> form) {
    FakeStack stack = existing(form.get("StackName"));
    Xml xml = new Xml().open("Summaries");
    for (FakeChangeSet changeSet : stack.changeSets.values()) {
      xml.open("member")
          .text("StackId", stack.id)
          .text("StackName", stack.name)
          .text("ChangeSetId", changeSet.id)
          .text("ChangeSetName", changeSet.name)
          .text("ExecutionStatus", changeSet.executionStatus)
          .text("Status", changeSet.status)
          .text("CreationTime", changeSet.created)
          .close("member");
    }
    return xml.close("Summaries").toString();
  }

  private String describeEvents(Map<String, String> form) {
    FakeStack stack = existing(form.get("StackName"));
    List<Event> newestFirst = new ArrayList<>(stack.events);
    Collections.reverse(newestFirst);
    int from = Integer.parseInt(form.getOrDefault("NextToken", "0"));
    Xml xml = new Xml().open("StackEvents");
    for (Event event : newestFirst.subList(from, Math.min(newestFirst.size(), from + pageSize))) {
      xml.open("member")
          .text("StackId", stack.id)
          .text("EventId", event.id)
          .text("StackName", stack.name)
          .text("LogicalResourceId", event.logicalId)
          .text("PhysicalResourceId", event.physicalId)
          .text("ResourceType", event.type)
          .text("Timestamp", event.time)
          .text("ResourceStatus", event.status)
          .text("ResourceStatusReason", event.reason)
          .text("ClientRequestToken", event.token)
          .close("member");
    }
    xml.close("StackEvents");
    if (from + pageSize < newestFirst.size()) {
      xml.text("NextToken", String.valueOf(from + pageSize));
    }
    return xml.toString();
  }

  private String describeResource(Map<String, String> form) {
    FakeStack stack = existing(form.get("StackName"));
    String logicalId = form.get("LogicalResourceId");
    Resource resource = stack.resources.get(logicalId);
    if (resource == null) {
      throw new Fault(
          400,
          "ValidationError",
          "Resource " + logicalId + " does not exist for stack " + stack.name);
    }
    return new Xml()
        .open("StackResourceDetail")
        .text("StackName", stack.name)
        .text("StackId", stack.id)
        .text("LogicalResourceId", logicalId)
        .text("PhysicalResourceId", resource.physicalId)
        .text("ResourceType", resource.type)
        .text("LastUpdatedTimestamp", Instant.now())
        .text("ResourceStatus", "UPDATE_COMPLETE")
        .close("StackResourceDetail")
        .toString();
  }

  /**
   * Starts the update as CloudFormation does: deletes the stack's other change sets, changes the
   * DMS resources (the first refusal fails the update), then advances through cleanup or rollback.
   */
  private String execute(Map<String, String> form, long now) {
    FakeStack stack = existing(form.get("StackName"));
    FakeChangeSet changeSet = changeSet(stack, form.get("ChangeSetName"));
    String token = form.get("ClientRequestToken");
    if (token != null && token.equals(changeSet.token)) {
      return ""; // a retry of the call that started it
    }
    if (!"AVAILABLE".equals(changeSet.executionStatus)) {
      throw new Fault(
          400,
          "InvalidChangeSetStatus",
          "ChangeSet ["
              + changeSet.id
              + "] cannot be executed in its current execution status of ["
              + changeSet.executionStatus
              + "]");
    }
    changeSet.token = token;
    changeSet.executionStatus = "EXECUTE_IN_PROGRESS";
    stack.changeSetId = changeSet.id;
    stack.changeSets.values().removeIf(c -> c != changeSet);
    boolean creating = "REVIEW_IN_PROGRESS".equals(stack.status);
    String operation = creating ? "CREATE" : "UPDATE";
    stack.status(operation + "_IN_PROGRESS", "User Initiated", token);

    List<Runnable> undo = new ArrayList<>();
    List<Runnable> cleanup = new ArrayList<>();
    String failed = null;
    for (FakeChange change : changeSet.changes) {
      try {
        apply(stack, change, token, undo, cleanup);
      } catch (FakeDms.Refused refused) {
        failed = change.logicalId;
        stack.event(
            change.logicalId,
            change.physicalId,
            change.type,
            operation + "_FAILED",
            change.failure != null || refused.code().equals("ValidationError")
                ? refused.getMessage()
                : refused.getMessage()
                    + " (Service: AWSDatabaseMigrationService; Status Code: 400; Error Code: "
                    + refused.code()
                    + "; Request ID: "
                    + UUID.randomUUID()
                    + ")",
            token);
        break;
      }
    }
    long stage = step.toNanos();
    if (failed == null) {
      String complete = operation + "_COMPLETE";
      stack.at(
          now + stage,
          () -> {
            if (!creating) {
              stack.status("UPDATE_COMPLETE_CLEANUP_IN_PROGRESS", null, token);
            }
            cleanup.forEach(Runnable::run);
          });
      stack.at(
          now + 2 * stage,
          () -> {
            stack.status(complete, null, token);
            changeSet.executionStatus = "EXECUTE_COMPLETE";
          });
    } else {
      String reason = "The following resource(s) failed to update: [" + failed + "]. ";
      String rollback = creating ? "ROLLBACK" : "UPDATE_ROLLBACK";
      stack.at(
          now + stage,
          () -> {
            stack.status(rollback + "_IN_PROGRESS", reason, token);
            undo.forEach(Runnable::run);
          });
      if (!creating) {
        stack.at(
            now + 2 * stage,
            () -> stack.status("UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS", null, token));
      }
      stack.at(
          now + 3 * stage,
          () -> {
            stack.status(rollback + "_COMPLETE", null, token);
            changeSet.executionStatus = "EXECUTE_FAILED";
          });
    }
    return "";
  }

  /** One change's effect on DMS, with what rolling it back and cleaning up after it do. */
  private void apply(
      FakeStack stack,
      FakeChange change,
      String token,
      List<Runnable> undo,
      List<Runnable> cleanup) {
    switch (change.action) {
      case "Add" -> {
        stack.event(change.logicalId, null, change.type, "CREATE_IN_PROGRESS", null, token);
        stack.resources.put(change.logicalId, new Resource(change.type, "new-" + change.logicalId));
        stack.event(change.logicalId, null, change.type, "CREATE_COMPLETE", null, token);
      }
      case "Remove" ->
          cleanup.add(
              () -> {
                try {
                  if (List.of("AWS::DMS::ReplicationTask", "AWS::DMS::ReplicationConfig")
                      .contains(change.type)) {
                    dms.templateDeleteTask(change.physicalId);
                  }
                  stack.resources.remove(change.logicalId);
                  stack.event(
                      change.logicalId,
                      change.physicalId,
                      change.type,
                      "DELETE_COMPLETE",
                      null,
                      token);
                } catch (FakeDms.Refused refused) {
                  // A failed delete in the cleanup leaves the resource; the update still succeeds.
                  stack.event(
                      change.logicalId,
                      change.physicalId,
                      change.type,
                      "DELETE_FAILED",
                      refused.getMessage(),
                      token);
                }
              });
      default -> {
        stack.event(
            change.logicalId, change.physicalId, change.type, "UPDATE_IN_PROGRESS", null, token);
        if (change.failure != null) {
          throw new FakeDms.Refused("InvalidRequest", change.failure);
        }
        if ("True".equals(change.replacement)) {
          if (change.newIdentifier == null) {
            throw new FakeDms.Refused(
                "ValidationError",
                "CloudFormation cannot update a stack when a custom-named resource requires"
                    + " replacing. Rename "
                    + change.logicalId
                    + " and update the stack again.");
          }
          String newArn = dms.templateReplaceTask(change.physicalId, change.newIdentifier);
          stack.resources.get(change.logicalId).physicalId = newArn;
          undo.add(() -> dms.templateDeleteTask(newArn));
          cleanup.add(() -> dms.templateDeleteTask(change.physicalId));
        } else {
          boolean properties = change.scope.contains("Properties");
          dms.templateModify(change.type, change.physicalId, properties);
          undo.add(() -> dms.templateModify(change.type, change.physicalId, properties));
        }
        stack.event(
            change.logicalId, change.physicalId, change.type, "UPDATE_COMPLETE", null, token);
      }
    }
  }

  private FakeStack existing(String name) {
    FakeStack stack = stacks.get(name);
    if (stack == null) {
      throw new Fault(400, "ValidationError", "Stack with id " + name + " does not exist");
    }
    return stack;
  }

  private static FakeChangeSet changeSet(FakeStack stack, String name) {
    FakeChangeSet changeSet = stack.changeSets.get(name);
    if (changeSet == null) {
      throw new Fault(404, "ChangeSetNotFound", "ChangeSet [" + name + "] does not exist");
    }
    return changeSet;
  }

  private String nextFault(String operation) {
    Deque<String> queue = faults.get(operation);
    if (queue == null) {
      return null;
    }
    synchronized (queue) {
      return queue.poll();
    }
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : body.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      form.put(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return form;
  }

  private static String response(String operation, String result) {
    return "<"
        + operation
        + "Response xmlns=\""
        + NAMESPACE
        + "\"><"
        + operation
        + "Result>"
        + result
        + "</"
        + operation
        + "Result><ResponseMetadata><RequestId>"
        + UUID.randomUUID()
        + "</RequestId></ResponseMetadata></"
        + operation
        + "Response>";
  }

  private static String error(String code, String message) {
    return "<ErrorResponse xmlns=\""
        + NAMESPACE
        + "\"><Error><Type>Sender</Type><Code>"
        + Xml.escape(code)
        + "</Code><Message>"
        + Xml.escape(message)
        + "</Message></Error><RequestId>"
        + UUID.randomUUID()
        + "</RequestId></ErrorResponse>";
  }

  private static void reply(HttpExchange exchange, int status, String xml) throws IOException {
    byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/xml");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** A CloudFormation error answer. */
  private static final class Fault extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;

    Fault(int status, String code, String message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }

  /** XML elements in order; values are escaped, null values left out. */
  private static final class Xml {
    private final StringBuilder out = new StringBuilder();

    Xml open(String name) {
      out.append('<').append(name).append('>');
      return this;
    }

    Xml close(String name) {
      out.append("</").append(name).append('>');
      return this;
    }

    Xml text(String name, Object value) {
      if (value != null) {
        open(name);
        out.append(escape(String.valueOf(value)));
        close(name);
      }
      return this;
    }

    static String escape(String text) {
      return text.replace("&", "&amp;")
          .replace("<", "&lt;")
          .replace(">", "&gt;")
          .replace("\"", "&quot;");
    }

    @Override
    public String toString() {
      return out.toString();
    }
  }

  private record Detail(String attribute, String name, String requiresRecreation) {}

  private record Event(
      String id,
      String logicalId,
      String physicalId,
      String type,
      Instant time,
      String status,
      String reason,
      String token) {}

  private static final class Resource {
    final String type;
    String physicalId;

    Resource(String type, String physicalId) {
      this.type = type;
      this.physicalId = physicalId;
    }
  }

  private static final class FakeChange {
    final String action;
    final String logicalId;
    final String type;
    final String physicalId;
    final String replacement;
    final List<String> scope = new ArrayList<>();
    final List<Detail> details = new ArrayList<>();
    String newIdentifier;
    String failure;

    FakeChange(
        String action, String logicalId, String type, String physicalId, String replacement) {
      this.action = action;
      this.logicalId = logicalId;
      this.type = type;
      this.physicalId = physicalId;
      this.replacement = replacement;
    }

    void write(Xml xml) {
      xml.open("member")
          .text("Type", "Resource")
          .open("ResourceChange")
          .text("Action", action)
          .text("LogicalResourceId", logicalId)
          .text("PhysicalResourceId", physicalId)
          .text("ResourceType", type)
          .text("Replacement", replacement);
      if (!scope.isEmpty()) {
        xml.open("Scope");
        scope.forEach(s -> xml.text("member", s));
        xml.close("Scope");
      }
      if (!details.isEmpty()) {
        xml.open("Details");
        for (Detail detail : details) {
          xml.open("member")
              .open("Target")
              .text("Attribute", detail.attribute())
              .text("Name", detail.name())
              .text("RequiresRecreation", detail.requiresRecreation())
              .close("Target")
              .text("Evaluation", "Static")
              .text("ChangeSource", "DirectModification")
              .close("member");
        }
        xml.close("Details");
      }
      xml.close("ResourceChange").close("member");
    }
  }

  private static final class FakeChangeSet {
    final String name;
    final String id;
    final Instant created = Instant.now();
    final List<FakeChange> changes = new ArrayList<>();
    String status = "CREATE_COMPLETE";
    String executionStatus = "AVAILABLE";
    String statusReason;
    String token;

    FakeChangeSet(String name) {
      this.name = name;
      this.id = ARN_PREFIX + "changeSet/" + name + "/" + UUID.randomUUID();
    }
  }

  private final class FakeStack {
    private record Stage(long at, Runnable action) {}

    final String name;
    final String id;
    final Instant created = Instant.now();
    final Map<String, FakeChangeSet> changeSets = new LinkedHashMap<>();
    final Map<String, Resource> resources = new LinkedHashMap<>();
    final List<Event> events = new ArrayList<>();
    final Deque<Stage> stages = new ArrayDeque<>();
    String status;
    String statusReason;
    String changeSetId;

    FakeStack(String name, String status) {
      this.name = name;
      this.id = ARN_PREFIX + "stack/" + name + "/" + UUID.randomUUID();
      this.status = status;
    }

    void at(long time, Runnable action) {
      stages.add(new Stage(time, action));
    }

    void advance(long now) {
      while (!stages.isEmpty() && stages.peek().at() <= now) {
        stages.poll().action().run();
      }
    }

    void status(String next, String reason, String token) {
      status = next;
      statusReason = reason;
      event(name, id, "AWS::CloudFormation::Stack", next, reason, token);
    }

    void event(
        String logicalId,
        String physicalId,
        String type,
        String resourceStatus,
        String reason,
        String token) {
      eventCount++;
      events.add(
          new Event(
              "event-" + eventCount,
              logicalId,
              physicalId,
              type,
              Instant.now(),
              resourceStatus,
              reason,
              token));
    }
  }
}
