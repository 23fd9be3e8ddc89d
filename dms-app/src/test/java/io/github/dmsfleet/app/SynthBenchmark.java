package io.github.dmsfleet.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dmsfleet.rules.Compute;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Synthesizes generated fleets through the app jar, one JVM each, and prints a table: databases,
 * stacks, the resources of a server stack, the largest template, wall time (in all, per database
 * and per server stack) and peak memory (resident set of the JVM plus its jsii node process,
 * sampled every 50 ms); then the wall time again with the CDK's template validation turned off
 * ({@code CDK_VALIDATION=false}), to show its share.
 *
 * <p>Run after {@code mvn -B -q -pl dms-app -am package -DskipTests} (which compiles the tests
 * too): {@code java -cp "dms-app/target/test-classes:dms-app/target/lib/*"
 * io.github.dmsfleet.app.SynthBenchmark}, with sizes as arguments {@code SERVERSxDATABASES}, or
 * {@code SERVERSxDATABASES-serverless} for a fleet on DMS Serverless (default 1x1 10x10 50x20
 * 100x20 100x20-serverless).
 */
public final class SynthBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> DEFAULT_SIZES =
      List.of("1x1", "10x10", "50x20", "100x20", "100x20-serverless");
  private static final String SERVERLESS = "-serverless";

  private record Result(
      int stacks,
      int fewestServerResources,
      int mostServerResources,
      long largestBytes,
      Duration wall,
      long peakRssBytes) {
    /** The resources of a server stack, or their range when servers differ. */
    String serverResources() {
      return fewestServerResources == mostServerResources
          ? String.valueOf(mostServerResources)
          : fewestServerResources + "-" + mostServerResources;
    }
  }

  public static void main(String[] args) throws Exception {
    Path jar = Path.of("dms-app/target/dms-app.jar").toAbsolutePath();
    if (!Files.exists(jar)) {
      jar = Path.of("target/dms-app.jar").toAbsolutePath();
    }
    List<String> sizes = args.length == 0 ? DEFAULT_SIZES : List.of(args);
    System.out.println(
        "| servers x databases | databases | stacks | resources per server stack | largest"
            + " template (KiB) | wall time (s) | per database (ms) | per server stack (ms) | peak"
            + " memory (MiB) | wall time without template validation (s) |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (String size : sizes) {
      Compute compute = size.endsWith(SERVERLESS) ? Compute.SERVERLESS : Compute.INSTANCE;
      String[] parts = size.replace(SERVERLESS, "").split("x", -1);
      int servers = Integer.parseInt(parts[0]);
      int databasesPerServer = Integer.parseInt(parts[1]);
      Result result = run(jar, servers, databasesPerServer, compute, true);
      Result unvalidated = run(jar, servers, databasesPerServer, compute, false);
      int databases = servers * databasesPerServer;
      System.out.printf(
          "| %d x %d%s | %d | %d | %s | %d | %.1f | %.1f | %.1f | %d | %.1f |%n",
          servers,
          databasesPerServer,
          compute == Compute.SERVERLESS ? " serverless" : "",
          databases,
          result.stacks(),
          result.serverResources(),
          result.largestBytes() / 1024,
          result.wall().toMillis() / 1000.0,
          (double) result.wall().toMillis() / databases,
          (double) result.wall().toMillis() / servers,
          result.peakRssBytes() / (1024 * 1024),
          unvalidated.wall().toMillis() / 1000.0);
    }
  }

  private static Result run(
      Path jar, int servers, int databasesPerServer, Compute compute, boolean validate)
      throws Exception {
    Path work = Files.createTempDirectory("dms-synth-bench");
    Path config =
        SyntheticConfig.write(work.resolve("config"), servers, databasesPerServer, compute);
    Path out = work.resolve("cdk.out");
    ProcessBuilder builder =
        new ProcessBuilder("java", "-jar", jar.toString())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("synth.log").toFile());
    builder.environment().put("CDK_OUTDIR", out.toString());
    builder
        .environment()
        .put("CDK_CONTEXT_JSON", JSON.writeValueAsString(Map.of("configDir", config.toString())));
    builder.environment().put("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1");
    builder.environment().put("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20");
    if (!validate) {
      builder.environment().put("CDK_VALIDATION", "false");
    }
    long start = System.nanoTime();
    Process process = builder.start();
    long peak = 0;
    while (!process.waitFor(50, TimeUnit.MILLISECONDS)) {
      peak = Math.max(peak, residentBytes(process.toHandle()));
    }
    Duration wall = Duration.ofNanos(System.nanoTime() - start);
    if (process.exitValue() != 0) {
      throw new IllegalStateException("synthesis failed; see " + work.resolve("synth.log"));
    }
    int stacks = 0;
    int fewestServerResources = Integer.MAX_VALUE;
    int mostServerResources = 0;
    long largestBytes = 0;
    try (Stream<Path> templates = Files.list(out)) {
      for (Path template :
          templates.filter(p -> p.toString().endsWith(".template.json")).toList()) {
        stacks++;
        largestBytes = Math.max(largestBytes, Files.size(template));
        if (template.getFileName().toString().contains("-Server-")) {
          int resources = JSON.readTree(template.toFile()).path("Resources").size();
          fewestServerResources = Math.min(fewestServerResources, resources);
          mostServerResources = Math.max(mostServerResources, resources);
        }
      }
    }
    return new Result(stacks, fewestServerResources, mostServerResources, largestBytes, wall, peak);
  }

  /** Resident memory of the process and all its descendants, from /proc. */
  private static long residentBytes(ProcessHandle root) {
    return Stream.concat(Stream.of(root), root.descendants())
        .mapToLong(SynthBenchmark::residentBytesOf)
        .sum();
  }

  private static long residentBytesOf(ProcessHandle process) {
    try {
      for (String line :
          Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // The process ended between listing and reading.
    }
    return 0;
  }
}
