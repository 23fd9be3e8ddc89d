package io.github.dmsfleet.ops.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small fake of the DMS JSON API (awsJson1_1) on loopback, for what moto lacks:
 * ModifyReplicationTask, task statuses that change after realistic delays, stop reasons per
 * migration type, the task statistics' dates, reads that lag behind a start,
 * DescribeTableStatistics (filtered and paginated) and ReloadTables, {@code
 * InvalidResourceStateFault}, the account's API rate limit, injected faults (with or without an
 * error code), tags (AddTagsToResource, RemoveTagsFromResource, ListTagsForResource), tasks wired
 * to instances and endpoints (with DMS's {@code endpoint-arn} and {@code replication-instance-arn}
 * filters), and the connection test DMS runs by itself after an endpoint changes. Statuses advance
 * lazily, when a call looks at the task.
 *
 * <p>{@link FakeCloudFormation} shares its port (CloudFormation's query protocol is told apart from
 * DMS's JSON by its form body) and changes its resources as CloudFormation's DMS handlers do,
 * through the {@code template...} methods, which refuse what DMS refuses.
 */
public final class FakeDms implements AutoCloseable {
  /**
   * Per-call latency and how long each status change takes.
   *
   * @param start how long a task starts; a serverless replication's start takes as long, plus
   * @param provision how long a serverless replication is {@code provisioning_capacity}
   */
  public record Timing(
      Duration latency,
      Duration modify,
      Duration start,
      Duration stop,
      Duration fullLoad,
      Duration provision) {
    /** Provisioning as long as a start. */
    public Timing(
        Duration latency, Duration modify, Duration start, Duration stop, Duration fullLoad) {
      this(latency, modify, start, stop, fullLoad, start);
    }

    /**
     * Fast but not instant, so that the tools really wait through {@code modifying} and {@code
     * starting}; a full-load-only task stops as soon as it runs.
     */
    public static Timing quick() {
      return new Timing(
          Duration.ZERO,
          Duration.ofMillis(150),
          Duration.ofMillis(150),
          Duration.ofMillis(150),
          Duration.ZERO);
    }
  }

  /** DMS's token bucket: {@code capacity} calls at once, refilled at {@code perSecond}. */
  public record RateLimit(int capacity, double perSecond) {}

  /** Operations that change something. */
  public static final Set<String> WRITES =
      Set.of(
          "ModifyReplicationTask",
          "StartReplicationTask",
          "StopReplicationTask",
          "ReloadTables",
          "AddTagsToResource",
          "RemoveTagsFromResource",
          "StartReplication",
          "StopReplication",
          "ReloadReplicationTables",
          "ModifyReplicationConfig");

  /**
   * The statuses a serverless replication passes through from a start to {@code running}, as DMS
   * reports them (see ServerlessUnits): capacity is provisioned in {@code provisioning_capacity}.
   */
  public static final List<String> SERVERLESS_START =
      List.of(
          "initializing",
          "preparing_metadata_resources",
          "testing_connection",
          "fetching_metadata",
          "calculating_capacity",
          "provisioning_capacity",
          "replication_starting");

  /** The capacity the fake provisions for a serverless replication, in DCU. */
  public static final int CAPACITY_UNITS = 4;

  private static final String ARN_PREFIX = "arn:aws:dms:us-east-1:123456789012:";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Timing timing;
  private final RateLimit rateLimit;
  private final Map<String, FakeTask> tasks = new LinkedHashMap<>();
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final Map<String, Deque<String[]>> faults = new ConcurrentHashMap<>();
  private final Map<String, List<FakeTable>> tables = new LinkedHashMap<>();
  private final Map<String, List<String>> reloads = new LinkedHashMap<>();
  private final Map<String, String> endpoints = new LinkedHashMap<>();
  private final Map<String, String> instances = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> tags = new LinkedHashMap<>();
  private final Map<String, Long> testingUntil = new LinkedHashMap<>();
  private final Map<String, Integer> templateChanges = new LinkedHashMap<>();
  private int resources;
  private volatile HttpHandler queryProtocol;
  private double tokens;
  private long refilledAt = System.nanoTime();

  private FakeDms(Timing timing, RateLimit rateLimit) throws IOException {
    this.timing = timing;
    this.rateLimit = rateLimit;
    this.tokens = rateLimit == null ? 0 : rateLimit.capacity();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  public static FakeDms start(Timing timing) {
    return start(timing, null);
  }

  public static FakeDms start(Timing timing, RateLimit rateLimit) {
    try {
      return new FakeDms(timing, rateLimit);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the fake DMS", e);
    }
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Adds a task in a settled status. */
  public synchronized void addTask(
      String id, String migrationType, String status, boolean loggingEnabled, boolean ranBefore) {
    add(new FakeTask(id, newArn("task"), false, migrationType, status, ranBefore), loggingEnabled);
  }

  /**
   * Adds a serverless replication config and its replication in a settled status ({@code created}
   * for one that never ran). It shares the tasks' identifiers, which a fleet keeps unique.
   */
  public synchronized void addReplication(
      String id, String replicationType, String status, boolean loggingEnabled, boolean ranBefore) {
    FakeTask replication =
        new FakeTask(id, newArn("replication-config"), true, replicationType, status, ranBefore);
    if ("running".equals(status)) {
      replication.provisionState = "provisioned";
      replication.capacityUnits = CAPACITY_UNITS;
    } else if (ranBefore) {
      replication.provisionState = "deprovisioned";
    }
    add(replication, loggingEnabled);
  }

  private void add(FakeTask task, boolean loggingEnabled) {
    task.settings =
        "{\"TargetMetadata\":{\"SupportLobs\":true},\"Logging\":{\"EnableLogging\":"
            + loggingEnabled
            + ",\"EnableLogContext\":false,\"CloudWatchLogGroup\":null,\"CloudWatchLogStream\":null},"
            + "\"ControlTablesSettings\":{\"historyTimeslotInMinutes\":5,\"HistoryTimeslotInMinutes\":5}}";
    tasks.put(task.id, task);
  }

  /**
   * Runs the task on this instance between these endpoints (all by identifier), creating them as
   * needed; a serverless replication has no instance (null).
   */
  public synchronized void wire(
      String taskId, String instanceId, String sourceEndpointId, String targetEndpointId) {
    FakeTask task = tasks.get(taskId);
    task.instanceArn =
        instanceId == null ? null : instances.computeIfAbsent(instanceId, k -> newArn("rep"));
    task.sourceArn = endpoints.computeIfAbsent(sourceEndpointId, k -> newArn("endpoint"));
    task.targetArn = endpoints.computeIfAbsent(targetEndpointId, k -> newArn("endpoint"));
  }

  public synchronized String taskArn(String id) {
    return tasks.get(id).arn;
  }

  public synchronized String endpointArn(String id) {
    return endpoints.get(id);
  }

  public synchronized String instanceArn(String id) {
    return instances.get(id);
  }

  /** The resource's tags, by key. */
  public synchronized Map<String, String> tags(String arn) {
    return Map.copyOf(tags.getOrDefault(arn, Map.of()));
  }

  /** Tags a resource, as someone (or an earlier run) did before the test. */
  public synchronized void tag(String arn, String key, String value) {
    tags.computeIfAbsent(arn, k -> new LinkedHashMap<>()).put(key, value);
  }

  /** How often CloudFormation changed the resource (a modify or a tag change). */
  public synchronized int templateChanges(String arn) {
    return templateChanges.getOrDefault(arn, 0);
  }

  /**
   * The replication's provisioning: its ProvisionState and capacity, such as {@code provisioned 4}.
   */
  public synchronized String provisioning(String id) {
    FakeTask replication = tasks.get(id);
    replication.advance(System.nanoTime());
    return replication.provisionState + " " + replication.capacityUnits;
  }

  /** Whether a task of that identifier exists. */
  public synchronized boolean exists(String id) {
    return tasks.containsKey(id);
  }

  /** Serves requests of another protocol (no {@code X-Amz-Target}) on the same port. */
  public void serveQueryProtocol(HttpHandler handler) {
    this.queryProtocol = handler;
  }

  // -- what CloudFormation's DMS handlers do -----------------------------------------------------

  /** DMS's refusal of a change, with its error code and message. */
  public static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;

    Refused(String code, String message) {
      super(message);
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  /**
   * Updates a resource in place as CloudFormation does: ModifyReplicationTask (only on an idle
   * task), ModifyEndpoint (refused while a task that uses it runs, and followed by the connection
   * test DMS starts by itself), ModifyReplicationInstance. {@code propertiesChanged} false: only
   * tags change, which DMS takes on a running resource.
   */
  public synchronized void templateModify(String type, String arn, boolean propertiesChanged) {
    long now = System.nanoTime();
    tasks.values().forEach(t -> t.advance(now));
    if (!propertiesChanged) {
      templateChanges.merge(arn, 1, Integer::sum);
      return;
    }
    switch (type) {
      case "AWS::DMS::ReplicationTask" -> {
        FakeTask task = taskByArn(arn);
        if (!List.of("ready", "stopped", "failed").contains(task.status)) {
          throw new Refused(
              "InvalidResourceStateFault",
              "Replication Task cannot be modified while it is " + task.status + " state");
        }
        // A modify changes the settings, not why the task stopped.
        task.stopReasonWhenStopped = task.stopReason;
        task.status = "modifying";
        task.then(task.ranBefore ? "stopped" : "ready", now + timing.modify().toNanos());
      }
      case "AWS::DMS::ReplicationConfig" -> {
        FakeTask replication = taskByArn(arn);
        // DMS: a config can be modified only when its replication is created, stopped or failed.
        if (!List.of("created", "stopped", "failed").contains(replication.status)) {
          throw new Refused(
              "InvalidResourceStateFault",
              "Replication for Replication Config: "
                  + replication.id
                  + " is in "
                  + replication.status.toUpperCase(Locale.ROOT)
                  + " state and cannot be modified");
        }
        replication.stopReasonWhenStopped = replication.stopReason;
        String before = replication.status;
        replication.status = "modifying";
        replication.then(before, now + timing.modify().toNanos());
      }
      case "AWS::DMS::Endpoint" -> {
        requireExists(endpoints, arn);
        for (FakeTask task : tasks.values()) {
          if ((arn.equals(task.sourceArn) || arn.equals(task.targetArn)) && task.active()) {
            // The fake's wording: DMS refuses, but its exact message is not documented.
            throw new Refused(
                "InvalidResourceStateFault",
                "Endpoint cannot be modified while replication task "
                    + task.id
                    + " that uses it is "
                    + task.status);
          }
        }
        // ModifyEndpoint starts a connection test by itself; a start meanwhile is refused.
        testingUntil.put(arn, now + timing.modify().toNanos());
      }
      case "AWS::DMS::ReplicationInstance" -> requireExists(instances, arn);
      default -> {
        // not a DMS resource this fake keeps
      }
    }
    templateChanges.merge(arn, 1, Integer::sum);
  }

  /**
   * Creates the replacement of a task (ready, never run, wired as the old one) under a new
   * identifier, as CloudFormation does before it deletes the old one. Returns the new ARN.
   */
  public synchronized String templateReplaceTask(String arn, String newIdentifier) {
    FakeTask old = taskByArn(arn);
    if (tasks.containsKey(newIdentifier)) {
      throw new Refused(
          "ResourceAlreadyExistsFault",
          "ReplicationTask with identifier " + newIdentifier + " already exists");
    }
    if (old.serverless) {
      addReplication(newIdentifier, old.migrationType, "created", false, false);
    } else {
      addTask(newIdentifier, old.migrationType, "ready", false, false);
    }
    FakeTask replacement = tasks.get(newIdentifier);
    replacement.settings = old.settings;
    replacement.instanceArn = old.instanceArn;
    replacement.sourceArn = old.sourceArn;
    replacement.targetArn = old.targetArn;
    return replacement.arn;
  }

  /** Deletes a task as CloudFormation does; DMS refuses to delete a running task. */
  public synchronized void templateDeleteTask(String arn) {
    long now = System.nanoTime();
    tasks.values().forEach(t -> t.advance(now));
    FakeTask task = taskByArn(arn);
    if (task.active() && !"stopping".equals(task.status)) {
      // The fake's wording for DMS's refusal.
      throw new Refused(
          "InvalidResourceStateFault",
          "Replication task " + task.id + " is " + task.status + "; stop it before deleting it");
    }
    tasks.remove(task.id);
    tags.remove(arn);
  }

  /** Makes the task fail when it next would run, with DMS's message. */
  public synchronized void failOnStart(String id, String message) {
    tasks.get(id).failOnStart = message;
  }

  /** The stopped task's stop reason, as DMS writes it ({@code Stop Reason <token>}). */
  public synchronized void stopReason(String id, String token) {
    tasks.get(id).stopReason = "Stop Reason " + token;
  }

  /**
   * The next start runs a full load and then stops with this reason, as the task settings
   * StopTaskCachedChangesNotApplied (STOPPED_AFTER_FULL_LOAD) and StopTaskCachedChangesApplied
   * (STOPPED_AFTER_CACHED_EVENTS) make a full-load-and-cdc task do.
   */
  public synchronized void pauseAfterFullLoad(String id, String token) {
    tasks.get(id).pauseAfterFullLoad = "Stop Reason " + token;
  }

  /** After the next start, this many describes still show the task as it was before. */
  public synchronized void staleReadsAfterStart(String id, int count) {
    tasks.get(id).staleReads = count;
  }

  /** Gives the task the scheduled start date that {@code ReplicationTaskStartDate} documents. */
  public synchronized void scheduledStart(String id) {
    tasks.get(id).scheduled = true;
  }

  /** Adds a table to the task's table statistics. */
  public synchronized void addTable(String taskId, String schema, String table, String state) {
    tables.computeIfAbsent(taskId, k -> new ArrayList<>()).add(new FakeTable(schema, table, state));
  }

  /** The ReloadTables calls the task got, as {@code schema.table,...(option)}. */
  public synchronized List<String> reloads(String id) {
    return List.copyOf(reloads.getOrDefault(id, List.of()));
  }

  /** The next {@code times} calls of the operation answer this error instead. */
  public void inject(String operation, int httpStatus, String code, int times) {
    Deque<String[]> queue = faults.computeIfAbsent(operation, k -> new ArrayDeque<>());
    synchronized (queue) {
      for (int i = 0; i < times; i++) {
        queue.add(new String[] {String.valueOf(httpStatus), code});
      }
    }
  }

  /**
   * The next {@code times} calls of the operation answer an HTML page with this status and no error
   * code, as a proxy or load balancer in front of AWS does.
   */
  public void injectHtml(String operation, int httpStatus, int times) {
    inject(operation, httpStatus, null, times);
  }

  /**
   * The next {@code times} calls of the operation are answered normally, before any injected fault.
   */
  public void pass(String operation, int times) {
    inject(operation, 0, "", times);
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

  public synchronized String status(String id) {
    FakeTask task = tasks.get(id);
    task.advance(System.nanoTime());
    return task.status;
  }

  public synchronized String settings(String id) {
    return tasks.get(id).settings;
  }

  /** Start types the task was started with, in order. */
  public synchronized List<String> startTypes(String id) {
    return List.copyOf(tasks.get(id).startTypes);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    if (target == null && queryProtocol != null) {
      queryProtocol.handle(exchange);
      return;
    }
    try (exchange;
        InputStream body = exchange.getRequestBody()) {
      String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
      JsonNode request = JSON.readTree(body.readAllBytes());
      calls.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
      sleep(timing.latency());
      if (!takeToken()) {
        reply(exchange, 400, error("ThrottlingException", "Rate exceeded"));
        return;
      }
      String[] fault = nextFault(operation);
      if (fault != null && "0".equals(fault[0])) {
        fault = null;
      }
      if (fault != null && fault[1] == null) {
        replyHtml(exchange, Integer.parseInt(fault[0]));
        return;
      }
      if (fault != null) {
        reply(exchange, Integer.parseInt(fault[0]), error(fault[1], "injected " + fault[1]));
        return;
      }
      try {
        reply(exchange, 200, dispatch(operation, request));
      } catch (Fault e) {
        reply(exchange, 400, error(e.code, e.getMessage()));
      }
    }
  }

  private synchronized ObjectNode dispatch(String operation, JsonNode request) {
    long now = System.nanoTime();
    tasks.values().forEach(t -> t.advance(now));
    return switch (operation) {
      case "DescribeReplicationTasks" -> describe(request);
      case "ModifyReplicationTask" ->
          modify(task(request), request.path("ReplicationTaskSettings").asText(), now);
      case "StartReplicationTask" ->
          start(task(request), request.path("StartReplicationTaskType").asText(), now);
      case "StopReplicationTask" -> stop(task(request), now);
      case "DescribeTableStatistics" -> tableStatistics(task(request), request);
      case "ReloadTables" -> reload(task(request), request);
      case "AddTagsToResource" -> addTags(request);
      case "RemoveTagsFromResource" -> removeTags(request);
      case "ListTagsForResource" -> listTags(request);
      case "DescribeConnections" -> connections(request, now);
      case "DescribeReplications" -> describeReplications(request);
      case "DescribeReplicationConfigs" -> describeConfigs(request);
      case "ModifyReplicationConfig" ->
          modify(replication(request), request.path("ReplicationSettings").asText(), now);
      case "StartReplication" ->
          start(replication(request), request.path("StartReplicationType").asText(), now);
      case "StopReplication" -> stop(replication(request), now);
      case "DescribeReplicationTableStatistics" -> tableStatistics(replication(request), request);
      case "ReloadReplicationTables" -> reload(replication(request), request);
      default -> throw new Fault("InvalidAction", "the fake does not implement " + operation);
    };
  }

  private ObjectNode describe(JsonNode request) {
    Map<String, Set<String>> filters = new LinkedHashMap<>();
    for (JsonNode filter : request.path("Filters")) {
      String name = filter.path("Name").asText();
      if (!Set.of(
              "replication-task-id",
              "replication-task-arn",
              "endpoint-arn",
              "replication-instance-arn")
          .contains(name)) {
        throw new Fault("InvalidParameterValueException", "unknown filter " + name);
      }
      Set<String> values = new HashSet<>();
      filter.path("Values").forEach(v -> values.add(v.asText()));
      filters.put(name, values);
    }
    // DMS ands the filters and ors the values of each.
    List<FakeTask> matching = new ArrayList<>();
    for (FakeTask task : tasks.values()) {
      if (!task.serverless
          && matches(filters, "replication-task-id", task.id)
          && matches(filters, "replication-task-arn", task.arn)
          && (matches(filters, "endpoint-arn", task.sourceArn)
              || matches(filters, "endpoint-arn", task.targetArn))
          && matches(filters, "replication-instance-arn", task.instanceArn)) {
        matching.add(task);
      }
    }
    if (matching.isEmpty()) {
      throw new Fault("ResourceNotFoundFault", "No Tasks found matching provided filters");
    }
    int max = maxRecords(request, 20, 100);
    int from = request.hasNonNull("Marker") ? Integer.parseInt(request.get("Marker").asText()) : 0;
    ObjectNode response = JSON.createObjectNode();
    ArrayNode list = response.putArray("ReplicationTasks");
    boolean withSettings = !request.path("WithoutSettings").asBoolean(false);
    for (FakeTask task : matching.subList(from, Math.min(matching.size(), from + max))) {
      if (task.staleSnapshot != null && task.staleReads > 0) {
        task.staleReads--;
        list.add(task.staleSnapshot);
      } else {
        list.add(task.json(withSettings));
      }
    }
    if (from + max < matching.size()) {
      response.put("Marker", String.valueOf(from + max));
    }
    return response;
  }

  private ObjectNode modify(FakeTask task, String settings, long now) {
    if (task.serverless) {
      requireStatus(task, "modify", "created", "stopped", "failed");
    } else {
      requireStatus(task, "modify", "ready", "stopped", "failed");
    }
    for (String readOnly :
        List.of(
            "CloudWatchLogGroup",
            "CloudWatchLogStream",
            "EnableLogContext",
            "historyTimeslotInMinutes\"")) {
      if (settings.contains(readOnly)) {
        throw new Fault(
            "InvalidParameterValueException",
            "read-only setting " + readOnly + " cannot be modified");
      }
    }
    task.settings = settings;
    String after = task.serverless ? task.status : task.ranBefore ? "stopped" : "ready";
    task.stopReasonWhenStopped = task.stopReason;
    task.status = "modifying";
    task.then(after, now + timing.modify().toNanos());
    if (task.serverless) {
      ObjectNode response = JSON.createObjectNode();
      response.set("ReplicationConfig", task.config());
      return response;
    }
    return wrap(task);
  }

  private ObjectNode start(FakeTask task, String type, long now) {
    if (task.serverless) {
      return startReplication(task, type, now);
    }
    requireStatus(task, "start", "ready", "stopped", "failed");
    for (String endpoint : new String[] {task.sourceArn, task.targetArn}) {
      if (testingUntil.getOrDefault(endpoint, 0L) > now) {
        // What DMS answered a start while the test it runs after ModifyEndpoint was going on.
        throw new Fault(
            "InvalidResourceStateFault", "Replication Task cannot be started, invalid state");
      }
    }
    if (task.ranBefore && "start-replication".equals(type)) {
      throw new Fault(
          "InvalidResourceStateFault",
          "Start Type START_REPLICATION is not valid for a task that has run before");
    }
    if (task.staleReads > 0) {
      task.staleSnapshot = task.json(false);
    }
    task.startTypes.add(type);
    task.status = "starting";
    task.stopReason = null;
    task.ranBefore = true;
    double date = epochSeconds();
    task.startDate = date;
    if (!"resume-processing".equals(type)) {
      task.freshStartDate = date;
    }
    finishStart(task, type, now + timing.start().toNanos());
    return wrap(task);
  }

  /**
   * StartReplication as the API reference and the DMS Serverless pages describe it:
   * start-replication only for the first run ("You cannot restart it fresh"), resume-processing not
   * for a full-load replication, then the documented states through provisioning to running. The
   * answer shows the replication as it was before the start, as the API reference's example does
   * ({@code created}).
   */
  private ObjectNode startReplication(FakeTask replication, String type, long now) {
    requireStatus(replication, "start", "created", "stopped", "failed");
    if (replication.ranBefore && "start-replication".equals(type)) {
      throw new Fault(
          "InvalidResourceStateFault",
          "Replication for Replication Config: "
              + replication.id
              + " has run before and cannot start fresh");
    }
    if (!replication.ranBefore && !"start-replication".equals(type)) {
      throw new Fault(
          "InvalidParameterCombinationFault",
          "start-replication is the only valid type for the first run of a replication");
    }
    if ("full-load".equals(replication.migrationType) && "resume-processing".equals(type)) {
      throw new Fault(
          "InvalidParameterCombinationFault",
          "resume-processing isn't applicable for a full-load replication");
    }
    ObjectNode before = replication.json(false);
    if (replication.staleReads > 0) {
      replication.staleSnapshot = before;
    }
    replication.startTypes.add(type);
    replication.stopReason = null;
    replication.ranBefore = true;
    double date = epochSeconds();
    replication.startDate = date;
    if (!"resume-processing".equals(type)) {
      replication.freshStartDate = date;
    }
    replication.status = SERVERLESS_START.get(0);
    long at = now;
    long step = timing.start().toNanos() / SERVERLESS_START.size();
    for (String phase : SERVERLESS_START.subList(1, SERVERLESS_START.size())) {
      at += step;
      replication.then(phase, at);
    }
    long running = at + timing.provision().toNanos() + step;
    finishStart(replication, type, running);
    ObjectNode response = JSON.createObjectNode();
    response.set("Replication", before);
    return response;
  }

  /** What follows a start once it would run: running, or the failure or stop set up for it. */
  private void finishStart(FakeTask task, String type, long running) {
    if (task.failOnStart != null) {
      task.then("failed", running);
      task.lastFailure = task.failOnStart;
    } else {
      task.then("running", running);
      if ("full-load".equals(task.migrationType)) {
        task.then("stopped", running + timing.fullLoad().toNanos());
        task.stopReasonWhenStopped = "Stop Reason FULL_LOAD_ONLY_FINISHED";
      } else if (task.pauseAfterFullLoad != null && !"resume-processing".equals(type)) {
        task.then("stopped", running + timing.fullLoad().toNanos());
        task.stopReasonWhenStopped = task.pauseAfterFullLoad;
      }
    }
  }

  private ObjectNode stop(FakeTask task, long now) {
    requireStatus(task, "stop", "running");
    task.status = "stopping";
    task.stopReasonWhenStopped = "Stop Reason NORMAL";
    task.then("stopped", now + timing.stop().toNanos());
    if (task.serverless) {
      ObjectNode response = JSON.createObjectNode();
      response.set("Replication", task.json(false));
      return response;
    }
    return wrap(task);
  }

  private ObjectNode describeReplications(JsonNode request) {
    List<FakeTask> matching = replicationsMatching(request);
    return page(
        request,
        matching,
        "Replications",
        replication -> {
          if (replication.staleSnapshot != null && replication.staleReads > 0) {
            replication.staleReads--;
            return replication.staleSnapshot;
          }
          return replication.json(false);
        });
  }

  private ObjectNode describeConfigs(JsonNode request) {
    return page(request, replicationsMatching(request), "ReplicationConfigs", FakeTask::config);
  }

  /**
   * The replication configs the request's filters match (by ARN or identifier); some, or a fault.
   */
  private List<FakeTask> replicationsMatching(JsonNode request) {
    Map<String, Set<String>> filters =
        filters(request, Set.of("replication-config-arn", "replication-config-id"));
    List<FakeTask> matching = new ArrayList<>();
    for (FakeTask replication : tasks.values()) {
      if (replication.serverless
          && matches(filters, "replication-config-arn", replication.arn)
          && matches(filters, "replication-config-id", replication.id)) {
        matching.add(replication);
      }
    }
    if (matching.isEmpty()) {
      throw new Fault("ResourceNotFoundFault", "No replications found matching provided filters");
    }
    return matching;
  }

  private static Map<String, Set<String>> filters(JsonNode request, Set<String> known) {
    Map<String, Set<String>> filters = new LinkedHashMap<>();
    for (JsonNode filter : request.path("Filters")) {
      String name = filter.path("Name").asText();
      if (!known.contains(name)) {
        throw new Fault("InvalidParameterValueException", "unknown filter " + name);
      }
      Set<String> values = new HashSet<>();
      filter.path("Values").forEach(v -> values.add(v.asText()));
      filters.put(name, values);
    }
    return filters;
  }

  /** One page of up to MaxRecords (DMS's default 100), with a Marker when more follow. */
  private static <T> ObjectNode page(
      JsonNode request, List<T> items, String key, java.util.function.Function<T, JsonNode> json) {
    int max = maxRecords(request, 20, 100);
    int from = request.hasNonNull("Marker") ? Integer.parseInt(request.get("Marker").asText()) : 0;
    ObjectNode response = JSON.createObjectNode();
    ArrayNode list = response.putArray(key);
    items.subList(from, Math.min(items.size(), from + max)).forEach(i -> list.add(json.apply(i)));
    if (from + max < items.size()) {
      response.put("Marker", String.valueOf(from + max));
    }
    return response;
  }

  private ObjectNode tableStatistics(FakeTask task, JsonNode request) {
    if (task.serverless) {
      // The API reference names no filter for DescribeReplicationTableStatistics: the fake takes
      // none.
      if (request.has("Filters")) {
        throw new Fault("InvalidParameterValueException", "the fake takes no filters here");
      }
      ObjectNode response =
          page(
              request,
              tables.getOrDefault(task.id, List.of()),
              "ReplicationTableStatistics",
              FakeTable::json);
      response.put("ReplicationConfigArn", task.arn);
      return response;
    }
    Map<String, Set<String>> filters = new LinkedHashMap<>();
    for (JsonNode filter : request.path("Filters")) {
      String name = filter.path("Name").asText();
      if (!Set.of("schema-name", "table-name", "table-state").contains(name)) {
        throw new Fault("InvalidParameterValueException", "unknown filter " + name);
      }
      Set<String> values = new HashSet<>();
      filter.path("Values").forEach(v -> values.add(v.asText()));
      filters.put(name, values);
    }
    List<FakeTable> matching = new ArrayList<>();
    for (FakeTable table : tables.getOrDefault(task.id, List.of())) {
      if (matches(filters, "schema-name", table.schema)
          && matches(filters, "table-name", table.table)
          && matches(filters, "table-state", table.state)) {
        matching.add(table);
      }
    }
    int max = maxRecords(request, 20, 500);
    int from = request.hasNonNull("Marker") ? Integer.parseInt(request.get("Marker").asText()) : 0;
    ObjectNode response = JSON.createObjectNode().put("ReplicationTaskArn", task.arn);
    ArrayNode list = response.putArray("TableStatistics");
    matching.subList(from, Math.min(matching.size(), from + max)).forEach(t -> list.add(t.json()));
    if (from + max < matching.size()) {
      response.put("Marker", String.valueOf(from + max));
    }
    return response;
  }

  private static boolean matches(Map<String, Set<String>> filters, String name, String value) {
    return !filters.containsKey(name) || filters.get(name).contains(value);
  }

  private ObjectNode reload(FakeTask task, JsonNode request) {
    // DMS: "You can only use this operation with a task in the RUNNING state".
    requireStatus(task, "reload tables of", "running");
    List<String> names = new ArrayList<>();
    for (JsonNode table : request.path("TablesToReload")) {
      names.add(table.path("SchemaName").asText() + "." + table.path("TableName").asText());
    }
    String option = request.path("ReloadOption").asText("data-reload");
    for (FakeTable table : tables.getOrDefault(task.id, List.of())) {
      if (names.contains(table.schema + "." + table.table)) {
        table.state = "Table is being reloaded";
      }
    }
    reloads
        .computeIfAbsent(task.id, k -> new ArrayList<>())
        .add(String.join(",", names) + "(" + option + ")");
    return JSON.createObjectNode()
        .put(task.serverless ? "ReplicationConfigArn" : "ReplicationTaskArn", task.arn);
  }

  private ObjectNode addTags(JsonNode request) {
    String arn = existingArn(request.path("ResourceArn").asText());
    Map<String, String> resourceTags = tags.computeIfAbsent(arn, k -> new LinkedHashMap<>());
    request
        .path("Tags")
        .forEach(t -> resourceTags.put(t.path("Key").asText(), t.path("Value").asText()));
    return JSON.createObjectNode();
  }

  private ObjectNode removeTags(JsonNode request) {
    String arn = existingArn(request.path("ResourceArn").asText());
    request
        .path("TagKeys")
        .forEach(k -> tags.getOrDefault(arn, new LinkedHashMap<>()).remove(k.asText()));
    return JSON.createObjectNode();
  }

  private ObjectNode listTags(JsonNode request) {
    List<String> arns = new ArrayList<>();
    if (request.hasNonNull("ResourceArn")) {
      arns.add(request.get("ResourceArn").asText());
    }
    request.path("ResourceArnList").forEach(a -> arns.add(a.asText()));
    ObjectNode response = JSON.createObjectNode();
    ArrayNode list = response.putArray("TagList");
    for (String arn : arns) {
      tags.getOrDefault(arn, Map.of())
          .forEach(
              (key, value) ->
                  list.addObject().put("Key", key).put("Value", value).put("ResourceArn", arn));
    }
    return response;
  }

  /**
   * Connections of the endpoints the {@code endpoint-arn} filter names, from their tasks'
   * instances.
   */
  private ObjectNode connections(JsonNode request, long now) {
    Set<String> wanted = new HashSet<>();
    for (JsonNode filter : request.path("Filters")) {
      if (!"endpoint-arn".equals(filter.path("Name").asText())) {
        throw new Fault("InvalidParameterValueException", "the fake filters only by endpoint-arn");
      }
      filter.path("Values").forEach(v -> wanted.add(v.asText()));
    }
    ObjectNode response = JSON.createObjectNode();
    ArrayNode list = response.putArray("Connections");
    Set<String> listed = new HashSet<>();
    for (FakeTask task : tasks.values()) {
      for (String endpoint : new String[] {task.sourceArn, task.targetArn}) {
        if (!task.serverless
            && endpoint != null
            && wanted.contains(endpoint)
            && listed.add(endpoint + " " + task.instanceArn)) {
          list.addObject()
              .put("EndpointArn", endpoint)
              .put("ReplicationInstanceArn", task.instanceArn)
              .put(
                  "Status",
                  testingUntil.getOrDefault(endpoint, 0L) > now ? "testing" : "successful");
        }
      }
    }
    if (list.isEmpty()) {
      throw new Fault("ResourceNotFoundFault", "No connections found matching provided filters");
    }
    return response;
  }

  private String existingArn(String arn) {
    boolean known =
        endpoints.containsValue(arn)
            || instances.containsValue(arn)
            || tasks.values().stream().anyMatch(t -> t.arn.equals(arn));
    if (!known) {
      throw new Fault("ResourceNotFoundFault", "Resource " + arn + " not found");
    }
    return arn;
  }

  private static void requireExists(Map<String, String> resources, String arn) {
    if (!resources.containsValue(arn)) {
      throw new Refused("ResourceNotFoundFault", arn + " not found");
    }
  }

  private FakeTask taskByArn(String arn) {
    return tasks.values().stream()
        .filter(t -> t.arn.equals(arn))
        .findFirst()
        .orElseThrow(() -> new Refused("ResourceNotFoundFault", "Replication Task not found"));
  }

  /** A DMS-style ARN with a resource id that is not the identifier, as DMS's are. */
  private String newArn(String kind) {
    resources++;
    return ARN_PREFIX
        + kind
        + ":"
        + kind.toUpperCase(Locale.ROOT)
        + String.format("%020d", resources);
  }

  private static int maxRecords(JsonNode request, int min, int max) {
    int value = request.path("MaxRecords").asInt(100);
    if (value < min || value > max) {
      throw new Fault(
          "InvalidParameterValueException",
          "MaxRecords must be from " + min + " to " + max + ", got " + value);
    }
    return value;
  }

  private static double epochSeconds() {
    return System.currentTimeMillis() / 1000.0;
  }

  private FakeTask task(JsonNode request) {
    String arn = request.path("ReplicationTaskArn").asText();
    return tasks.values().stream()
        .filter(t -> !t.serverless && t.arn.equals(arn))
        .findFirst()
        .orElseThrow(() -> new Fault("ResourceNotFoundFault", "Replication Task not found"));
  }

  private FakeTask replication(JsonNode request) {
    String arn = request.path("ReplicationConfigArn").asText();
    return tasks.values().stream()
        .filter(t -> t.serverless && t.arn.equals(arn))
        .findFirst()
        .orElseThrow(() -> new Fault("ResourceNotFoundFault", "Replication Config not found"));
  }

  private static void requireStatus(FakeTask task, String action, String... allowed) {
    if (!List.of(allowed).contains(task.status)) {
      throw new Fault(
          "InvalidResourceStateFault",
          "Cannot "
              + action
              + (task.serverless ? " a replication that is " : " a task that is ")
              + task.status);
    }
  }

  private static ObjectNode wrap(FakeTask task) {
    ObjectNode response = JSON.createObjectNode();
    response.set("ReplicationTask", task.json(true));
    return response;
  }

  private boolean takeToken() {
    if (rateLimit == null) {
      return true;
    }
    synchronized (this) {
      long now = System.nanoTime();
      tokens =
          Math.min(rateLimit.capacity(), tokens + (now - refilledAt) / 1e9 * rateLimit.perSecond());
      refilledAt = now;
      if (tokens < 1) {
        calls.computeIfAbsent("(throttled)", k -> new AtomicInteger()).incrementAndGet();
        return false;
      }
      tokens -= 1;
      return true;
    }
  }

  private String[] nextFault(String operation) {
    Deque<String[]> queue = faults.get(operation);
    if (queue == null) {
      return null;
    }
    synchronized (queue) {
      return queue.poll();
    }
  }

  private static ObjectNode error(String code, String message) {
    return JSON.createObjectNode().put("__type", code).put("message", message);
  }

  private static void reply(HttpExchange exchange, int status, ObjectNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void replyHtml(HttpExchange exchange, int status) throws IOException {
    byte[] bytes =
        "<html><body><h1>502 Bad Gateway</h1></body></html>".getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void sleep(Duration duration) {
    if (duration.isZero()) {
      return;
    }
    try {
      Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A DMS error answer. */
  private static final class Fault extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;

    Fault(String code, String message) {
      super(message);
      this.code = code;
    }
  }

  /** One task and the status changes it has coming. */
  private static final class FakeTask {
    private record Change(String status, long at) {}

    final String id;
    final String arn;
    final boolean serverless;
    final String migrationType;
    final Deque<Change> changes = new ArrayDeque<>();
    String instanceArn;
    String sourceArn;
    String targetArn;
    final List<String> startTypes = new ArrayList<>();
    String status;
    String settings;
    boolean ranBefore;
    String stopReason;
    String stopReasonWhenStopped;
    String lastFailure;
    String failOnStart;
    String pauseAfterFullLoad;
    int staleReads;
    ObjectNode staleSnapshot;
    boolean scheduled;
    Double freshStartDate;
    Double startDate;
    Double stopDate;
    String provisionState;
    int capacityUnits;

    FakeTask(
        String id,
        String arn,
        boolean serverless,
        String migrationType,
        String status,
        boolean ranBefore) {
      this.id = id;
      this.arn = arn;
      this.serverless = serverless;
      this.migrationType = migrationType;
      this.status = status;
      this.ranBefore = ranBefore;
      if (ranBefore) {
        this.freshStartDate = 1.6e9;
        this.startDate = 1.65e9;
        if ("stopped".equals(status) || "failed".equals(status)) {
          this.stopDate = 1.66e9;
          this.stopReason = "stopped".equals(status) ? "Stop Reason NORMAL" : null;
        }
      }
    }

    void then(String next, long at) {
      changes.add(new Change(next, at));
    }

    /** Running, or on its way to run or stop: what DMS does not modify or delete. */
    boolean active() {
      return List.of("running", "starting", "stopping").contains(status)
          || SERVERLESS_START.contains(status);
    }

    void advance(long now) {
      while (!changes.isEmpty() && changes.peek().at() <= now) {
        status = changes.poll().status();
        if ("provisioning_capacity".equals(status)) {
          provisionState = "provisioning";
          capacityUnits = 0;
        } else if ("replication_starting".equals(status)) {
          provisionState = "provisioned";
          capacityUnits = CAPACITY_UNITS;
        }
        if ("stopped".equals(status) || "failed".equals(status)) {
          stopReason = "stopped".equals(status) ? stopReasonWhenStopped : null;
          stopDate = epochSeconds();
        }
      }
    }

    ObjectNode json(boolean withSettings) {
      if (serverless) {
        return replicationJson();
      }
      ObjectNode json =
          JSON.createObjectNode()
              .put("ReplicationTaskIdentifier", id)
              .put("ReplicationTaskArn", arn)
              .put("MigrationType", migrationType)
              .put("Status", status);
      if (instanceArn != null) {
        json.put("ReplicationInstanceArn", instanceArn)
            .put("SourceEndpointArn", sourceArn)
            .put("TargetEndpointArn", targetArn);
      }
      if (withSettings) {
        json.put("ReplicationTaskSettings", settings);
      }
      if (scheduled) {
        // The scheduled start, which says nothing about whether the task ever ran.
        json.put("ReplicationTaskStartDate", 1.7e9);
      }
      if (stopReason != null) {
        json.put("StopReason", stopReason);
      }
      if (lastFailure != null && "failed".equals(status)) {
        json.put("LastFailureMessage", lastFailure);
      }
      ObjectNode stats = json.putObject("ReplicationTaskStats");
      boolean loaded = ranBefore && !"starting".equals(status);
      stats
          .put("FullLoadProgressPercent", loaded ? 100 : 0)
          .put("TablesLoaded", loaded ? 3 : 0)
          .put("TablesErrored", "failed".equals(status) ? 1 : 0);
      putDate(stats, "FreshStartDate", freshStartDate);
      putDate(stats, "StartDate", startDate);
      putDate(stats, "StopDate", stopDate);
      return json;
    }

    /** The Replication shape of DescribeReplications, StartReplication and StopReplication. */
    ObjectNode replicationJson() {
      ObjectNode json =
          JSON.createObjectNode()
              .put("ReplicationConfigIdentifier", id)
              .put("ReplicationConfigArn", arn)
              .put("ReplicationType", migrationType)
              .put("Status", status);
      if (sourceArn != null) {
        json.put("SourceEndpointArn", sourceArn).put("TargetEndpointArn", targetArn);
      }
      ObjectNode provision = json.putObject("ProvisionData");
      provision
          .put("IsNewProvisioningAvailable", false)
          .put("ProvisionedCapacityUnits", capacityUnits);
      if (provisionState != null) {
        provision.put("ProvisionState", provisionState);
      }
      if (stopReason != null) {
        json.put("StopReason", stopReason);
      }
      ArrayNode failures = json.putArray("FailureMessages");
      if (lastFailure != null && "failed".equals(status)) {
        failures.add(lastFailure);
      }
      if (!startTypes.isEmpty()) {
        json.put("StartReplicationType", startTypes.get(startTypes.size() - 1));
      }
      ObjectNode stats = json.putObject("ReplicationStats");
      boolean loaded = ranBefore && !SERVERLESS_START.contains(status);
      stats
          .put("FullLoadProgressPercent", loaded ? 100 : 0)
          .put("ElapsedTimeMillis", 0)
          .put("TablesLoaded", loaded ? 3 : 0)
          .put("TablesLoading", 0)
          .put("TablesQueued", 0)
          .put("TablesErrored", "failed".equals(status) ? 1 : 0);
      putDate(stats, "FreshStartDate", freshStartDate);
      putDate(stats, "StartDate", startDate);
      putDate(stats, "StopDate", stopDate);
      return json;
    }

    /** The ReplicationConfig shape of DescribeReplicationConfigs and ModifyReplicationConfig. */
    ObjectNode config() {
      ObjectNode json =
          JSON.createObjectNode()
              .put("ReplicationConfigIdentifier", id)
              .put("ReplicationConfigArn", arn)
              .put("ReplicationType", migrationType)
              .put("ReplicationSettings", settings);
      if (sourceArn != null) {
        json.put("SourceEndpointArn", sourceArn).put("TargetEndpointArn", targetArn);
      }
      return json;
    }

    private static void putDate(ObjectNode json, String key, Double value) {
      if (value != null) {
        json.put(key, value);
      }
    }
  }

  /** One table of a task's table statistics. */
  private static final class FakeTable {
    final String schema;
    final String table;
    String state;

    FakeTable(String schema, String table, String state) {
      this.schema = schema;
      this.table = table;
      this.state = state;
    }

    ObjectNode json() {
      return JSON.createObjectNode()
          .put("SchemaName", schema)
          .put("TableName", table)
          .put("TableState", state)
          .put("FullLoadRows", 1000)
          .put("Inserts", 12)
          .put("Updates", 3)
          .put("Deletes", 1)
          .put("Ddls", 0)
          .put("ValidationState", "Not enabled")
          .put("LastUpdateTime", 1.7e9);
    }
  }
}
