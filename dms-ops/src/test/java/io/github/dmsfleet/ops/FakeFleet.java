package io.github.dmsfleet.ops;

import io.github.dmsfleet.ops.fake.FakeDms;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** Tests that drive the jar's commands against the fake DMS holding the sample fleet's tasks. */
abstract class FakeFleet {
  static final String NEW = "dbserver1-dbname1-all";
  static final String STOPPED = "dbserver1-dbname2-all";
  static final String RUNNING = "dbserver1-dbname3-all";
  static final String FULL_LOAD = "dbserver2-sales-all";
  static final String FAILED = "dbserver2-inventory-all";
  static final List<String> ALL = List.of(NEW, STOPPED, RUNNING, FULL_LOAD, FAILED);

  final FakeDms dms = FakeDms.start(timing());

  /** The config folder the commands read. */
  String config = Cli.CONFIG;

  /** How fast the fake DMS changes statuses. */
  FakeDms.Timing timing() {
    return FakeDms.Timing.quick();
  }

  @AfterEach
  void stopFake() {
    dms.close();
  }

  /** The sample config's five tasks in five different states. */
  void fleetInMixedStates() {
    dms.addTask(NEW, "full-load-and-cdc", "ready", false, false);
    dms.addTask(STOPPED, "full-load-and-cdc", "stopped", true, true);
    dms.addTask(RUNNING, "full-load-and-cdc", "running", true, true);
    dms.addTask(FULL_LOAD, "full-load", "ready", true, false);
    dms.addTask(FAILED, "full-load-and-cdc", "failed", true, true);
  }

  void fleetAllReady() {
    for (String id : ALL) {
      dms.addTask(id, "full-load-and-cdc", "ready", true, false);
    }
  }

  /** {@code dms-ops tasks ARGS --config ../config} against the fake, fast polls. */
  Cli.Run tasks(String... args) {
    List<String> all = new ArrayList<>(List.of("tasks"));
    all.addAll(List.of(args));
    all.add("--config=" + config);
    if (!List.of("status", "tables").contains(args[0])) {
      all.add("--poll-interval=25ms");
    }
    return Cli.against(dms.endpoint(), all.toArray(String[]::new));
  }

  /** The same with {@code --output json}. */
  Cli.Run tasksJson(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--output=json");
    return tasks(all.toArray(String[]::new));
  }
}
