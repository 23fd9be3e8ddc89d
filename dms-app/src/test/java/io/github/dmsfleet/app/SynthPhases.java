package io.github.dmsfleet.app;

import io.github.dmsfleet.model.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;

/**
 * Where one synthesis of a generated fleet spends its time, in one JVM: starting the jsii runtime
 * and loading the CDK, building the constructs (the jsii round trips), and the CDK's synthesis
 * (cdk-nag, template validation unless {@code CDK_VALIDATION=false}, writing the templates); then
 * the cost of one round trip, from a loop of cheap property reads. With {@code --no-nag}, cdk-nag
 * is not added, to show its share.
 *
 * <p>Run like {@link SynthBenchmark}: {@code java -cp
 * "dms-app/target/test-classes:dms-app/target/lib/*" io.github.dmsfleet.app.SynthPhases 100x20
 * [--no-nag]}.
 */
public final class SynthPhases {
  private static final int ROUND_TRIPS = 20_000;

  private SynthPhases() {}

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
    FleetStacks stacks = FleetStacks.create(app, ConfigLoader.load(config), null);
    if (nag) {
      FleetChecks.addTo(stacks, false);
    }
    long built = System.nanoTime();
    app.synth();
    long synthesized = System.nanoTime();
    Stack stack = stacks.getStacks().get(0);
    for (int i = 0; i < ROUND_TRIPS; i++) {
      stack.getRegion();
    }
    long looped = System.nanoTime();

    System.out.printf(
        "%s%s, validation %s: jsii start %.1f s, constructs %.1f s, synthesis %.1f s; one round"
            + " trip %.0f µs%n",
        args[0],
        nag ? "" : " without cdk-nag",
        "false".equals(System.getenv("CDK_VALIDATION")) ? "off" : "on",
        (started - start) / 1e9,
        (built - started) / 1e9,
        (synthesized - built) / 1e9,
        (looped - synthesized) / 1e3 / ROUND_TRIPS);
  }
}
