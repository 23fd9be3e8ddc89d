package io.github.dmsfleet.app;

import io.github.dmsfleet.model.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;

/**
 * Where one synthesis of a generated fleet spends its time, in one JVM: starting the jsii runtime
 * and loading the CDK, building the constructs (the jsii round trips), and the CDK's synthesis
 * (cdk-nag, template validation unless {@code CDK_VALIDATION=false}, writing the templates); then
 * the cost of one round trip, from a loop of cheap property reads. The CPU time of the JVM and of
 * node while the constructs are built shows which side of the bridge the time is spent on. With
 * {@code --no-nag}, cdk-nag is not added, to show its share.
 *
 * <p>Run after {@code mvn -B -q -pl dms-app -am package -DskipTests}: {@code java -cp
 * "dms-app/target/dms-app.jar:dms-app/target/test-classes:dms-app/target/lib/*"
 * io.github.dmsfleet.app.SynthPhases 100x20 [--no-nag]}, with {@code CDK_VALIDATION=false} to leave
 * the template validation out.
 */
public final class SynthPhases {
  private static final int ROUND_TRIPS = 20_000;

  private SynthPhases() {}

  /** CPU time of the jsii runtime's node processes so far. */
  private static Duration nodeCpu() {
    return ProcessHandle.current()
        .descendants()
        .map(SynthPhases::cpu)
        .reduce(Duration.ZERO, Duration::plus);
  }

  private static Duration cpu(ProcessHandle process) {
    return process.info().totalCpuDuration().orElse(Duration.ZERO);
  }

  public static void main(String[] args) throws Exception {
    String[] size = args[0].split("x", -1);
    boolean nag = !(args.length > 1 && args[1].equals("--no-nag"));
    Path work = Files.createTempDirectory("dms-synth-phases");
    Path config =
        SyntheticConfig.write(
            work.resolve("config"), Integer.parseInt(size[0]), Integer.parseInt(size[1]));

    long start = System.nanoTime();
    App app = DmsFleetApp.newApp(Map.of(), work.resolve("cdk.out"));
    long started = System.nanoTime();
    Duration jvmBefore = cpu(ProcessHandle.current());
    Duration nodeBefore = nodeCpu();
    FleetStacks stacks = FleetStacks.create(app, ConfigLoader.load(config), null);
    if (nag) {
      FleetChecks.addTo(stacks, false);
    }
    long built = System.nanoTime();
    Duration jvmBuilding = cpu(ProcessHandle.current()).minus(jvmBefore);
    Duration nodeBuilding = nodeCpu().minus(nodeBefore);
    app.synth();
    long synthesized = System.nanoTime();
    Stack stack = stacks.getStacks().get(0);
    for (int i = 0; i < ROUND_TRIPS; i++) {
      stack.getRegion();
    }
    long looped = System.nanoTime();

    System.out.printf(
        "%s%s, validation %s: jsii start %.1f s, constructs %.1f s (CPU: JVM %.1f s, node %.1f"
            + " s), synthesis %.1f s; one round trip %.0f µs%n",
        args[0],
        nag ? "" : " without cdk-nag",
        "false".equals(System.getenv("CDK_VALIDATION")) ? "off" : "on",
        (started - start) / 1e9,
        (built - started) / 1e9,
        jvmBuilding.toMillis() / 1000.0,
        nodeBuilding.toMillis() / 1000.0,
        (synthesized - built) / 1e9,
        (looped - synthesized) / 1e3 / ROUND_TRIPS);
  }
}
