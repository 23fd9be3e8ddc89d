package io.github.dmsfleet.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dmsfleet.rules.Compute;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Synthesizes generated fleets through the app jar, one JVM each, and prints a table per fleet
 * size: resources (in all and per server stack), jsii round trips per database, wall time with (in
 * all and per server stack) and without the CDK's template validation ({@code
 * CDK_VALIDATION=false}) and peak memory (resident set of the JVM and its jsii node process
 * together, sampled every 50 ms). With {@code --peer DIR}, the same size is built by the TypeScript
 * peer app in DIR (its {@code dist/main.js}, with cdk-nag and without its CSV reports, as the app
 * runs by default) in turn with the app, and the table gives the ratio of the app's time per
 * resource to the peer's: the app builds resources the peer does not (task log groups, dashboards,
 * the Overview stack), so whole runs are not compared.
 *
 * <p>Round trips are counted in a run of their own, with {@code JSII_DEBUG=1} (the jsii runtime
 * then logs every request the JVM sends to node, callbacks' answers included, as a line starting
 * with {@code "> "}), without template validation: the logging slows the run, and the count does
 * not depend on validation.
 *
 * <p>Run after {@code mvn -B -q -pl dms-app -am package -DskipTests} (which compiles the tests
 * too): {@code java -cp "dms-app/target/test-classes:dms-app/target/lib/*"
 * io.github.dmsfleet.app.SynthBenchmark [--runs N] [--peer DIR] SIZE...}, each size {@code
 * SERVERSxDATABASES}, or {@code SERVERSxDATABASES-serverless} for a fleet on DMS Serverless (the
 * peer has no serverless fleet). Times are medians of N runs (default 1) with their range.
 */
public final class SynthBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> DEFAULT_SIZES = List.of("10x10", "100x20");
  private static final String SERVERLESS = "-serverless";
  private static final String REQUEST = "> ";

  /** One synthesis: how long it took, its peak memory, and its templates' resources. */
  private record Run(Duration wall, long peakRssBytes, Resources resources) {}

  /** The resources of all templates, and the fewest and most of a server stack. */
  private record Resources(int all, int fewestPerServer, int mostPerServer) {
    /** A server stack's resources, or their range when servers differ. */
    String perServer() {
      return fewestPerServer == mostPerServer
          ? String.valueOf(mostPerServer)
          : fewestPerServer + "-" + mostPerServer;
    }
  }

  /** Repeated runs of one kind. */
  private record Runs(List<Run> runs) {
    double medianSeconds() {
      List<Long> millis = runs.stream().map(r -> r.wall().toMillis()).sorted().toList();
      int n = millis.size();
      return (n % 2 == 1 ? millis.get(n / 2) : (millis.get(n / 2 - 1) + millis.get(n / 2)) / 2.0)
          / 1000.0;
    }

    /** The median, and the range when there was more than one run. */
    String seconds() {
      if (runs.size() == 1) {
        return String.format("%.1f", medianSeconds());
      }
      long min = runs.stream().mapToLong(r -> r.wall().toMillis()).min().orElseThrow();
      long max = runs.stream().mapToLong(r -> r.wall().toMillis()).max().orElseThrow();
      return String.format("%.1f (%.1f-%.1f)", medianSeconds(), min / 1000.0, max / 1000.0);
    }

    long peakMiB() {
      return runs.stream().mapToLong(Run::peakRssBytes).max().orElseThrow() / (1024 * 1024);
    }

    int resources() {
      return runs.get(0).resources().all();
    }

    String resourcesPerServer() {
      return runs.get(0).resources().perServer();
    }
  }

  public static void main(String[] args) throws Exception {
    Path jar = Path.of("dms-app/target/dms-app.jar").toAbsolutePath();
    if (!Files.exists(jar)) {
      jar = Path.of("target/dms-app.jar").toAbsolutePath();
    }
    int repeats = 1;
    @Nullable Path peer = null;
    List<String> sizes = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--runs" -> repeats = Integer.parseInt(args[++i]);
        case "--peer" -> peer = Path.of(args[++i]).toAbsolutePath();
        default -> sizes.add(args[i]);
      }
    }
    if (sizes.isEmpty()) {
      sizes = DEFAULT_SIZES;
    }
    System.out.println(
        "| servers x databases | resources | resources per server stack | jsii round trips per"
            + " database | wall time (s) | per server stack (ms) | without template validation (s) |"
            + " peak memory (MiB) | peer: resources | peer: wall time (s) | peer: without validation"
            + " (s) | peer: peak memory (MiB) | per resource, to the peer | without validation, to"
            + " the peer |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (String size : sizes) {
      Compute compute = size.endsWith(SERVERLESS) ? Compute.SERVERLESS : Compute.INSTANCE;
      String[] parts = size.replace(SERVERLESS, "").split("x", -1);
      int servers = Integer.parseInt(parts[0]);
      int databasesPerServer = Integer.parseInt(parts[1]);
      Path work = Files.createTempDirectory("dms-synth-bench");
      Path config =
          SyntheticConfig.write(work.resolve("config"), servers, databasesPerServer, compute);
      long roundTrips = countRoundTrips(jar, config, work);
      List<Run> validated = new ArrayList<>();
      List<Run> unvalidated = new ArrayList<>();
      List<Run> peerValidated = new ArrayList<>();
      List<Run> peerUnvalidated = new ArrayList<>();
      boolean withPeer = peer != null && compute == Compute.INSTANCE;
      // Alternating, so that a busy spell of the machine weighs on both.
      for (int run = 0; run < repeats; run++) {
        validated.add(app(jar, config, work, true));
        unvalidated.add(app(jar, config, work, false));
        if (withPeer) {
          peerValidated.add(peer(peer, servers, databasesPerServer, work, true));
          peerUnvalidated.add(peer(peer, servers, databasesPerServer, work, false));
        }
      }
      Runs app = new Runs(validated);
      Runs appUnvalidated = new Runs(unvalidated);
      int databases = servers * databasesPerServer;
      String peerColumns = "| | | | | |";
      if (withPeer) {
        Runs peerRuns = new Runs(peerValidated);
        Runs peerUnvalidatedRuns = new Runs(peerUnvalidated);
        peerColumns =
            String.format(
                "%d | %s | %s | %d | %.2fx | %.2fx |",
                peerRuns.resources(),
                peerRuns.seconds(),
                peerUnvalidatedRuns.seconds(),
                Math.max(peerRuns.peakMiB(), peerUnvalidatedRuns.peakMiB()),
                perResourceRatio(app, peerRuns),
                perResourceRatio(appUnvalidated, peerUnvalidatedRuns));
      }
      System.out.printf(
          "| %d x %d%s | %d | %s | %.1f | %s | %.0f | %s | %d | %s%n",
          servers,
          databasesPerServer,
          compute == Compute.SERVERLESS ? " serverless" : "",
          app.resources(),
          app.resourcesPerServer(),
          (double) roundTrips / databases,
          app.seconds(),
          app.medianSeconds() * 1000 / servers,
          appUnvalidated.seconds(),
          Math.max(app.peakMiB(), appUnvalidated.peakMiB()),
          peerColumns);
    }
  }

  /** The app's seconds per resource over the peer's. */
  private static double perResourceRatio(Runs app, Runs peer) {
    return (app.medianSeconds() / app.resources()) / (peer.medianSeconds() / peer.resources());
  }

  private static Run app(Path jar, Path config, Path work, boolean validate) throws Exception {
    Path out = work.resolve("cdk.out");
    ProcessBuilder builder = new ProcessBuilder("java", "-jar", jar.toString());
    appEnvironment(builder, config, out, validate);
    return measure(builder, work, out);
  }

  private static Run peer(Path peer, int servers, int databases, Path work, boolean validate)
      throws Exception {
    Path out = work.resolve("peer.out");
    ProcessBuilder builder =
        new ProcessBuilder(
            "node",
            peer.resolve("dist/main.js").toString(),
            String.valueOf(servers),
            String.valueOf(databases));
    builder.directory(peer.toFile());
    builder.environment().put("CDK_OUTDIR", out.toString());
    builder.environment().put("TSPEER_NAG_REPORTS", "0");
    if (!validate) {
      builder.environment().put("CDK_VALIDATION", "false");
    }
    return measure(builder, work, out);
  }

  private static void appEnvironment(
      ProcessBuilder builder, Path config, Path out, boolean validate) throws IOException {
    Map<String, String> environment = builder.environment();
    environment.put("CDK_OUTDIR", out.toString());
    environment.put(
        "CDK_CONTEXT_JSON", JSON.writeValueAsString(Map.of("configDir", config.toString())));
    environment.put("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1");
    environment.put("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20");
    if (!validate) {
      environment.put("CDK_VALIDATION", "false");
    }
  }

  /** Runs the synthesis to a fresh {@code out}, sampling its memory until it ends. */
  private static Run measure(ProcessBuilder builder, Path work, Path out) throws Exception {
    deleteRecursively(out);
    builder.redirectErrorStream(true).redirectOutput(work.resolve("synth.log").toFile());
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
    return new Run(wall, peak, resources(out));
  }

  /** The requests the JVM sends to the jsii runtime in one synthesis. */
  private static long countRoundTrips(Path jar, Path config, Path work) throws Exception {
    Path out = work.resolve("cdk.out");
    deleteRecursively(out);
    ProcessBuilder builder = new ProcessBuilder("java", "-jar", jar.toString());
    appEnvironment(builder, config, out, false);
    builder.environment().put("JSII_DEBUG", "1");
    builder.redirectOutput(work.resolve("synth.log").toFile());
    Process process = builder.start();
    CompletableFuture<Long> requests =
        CompletableFuture.supplyAsync(
            () -> {
              try (BufferedReader stderr =
                  new BufferedReader(
                      new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                return stderr.lines().filter(line -> line.startsWith(REQUEST)).count();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    if (process.waitFor() != 0) {
      throw new IllegalStateException("synthesis failed; see " + work.resolve("synth.log"));
    }
    return requests.get();
  }

  /** The resources of every template in {@code out}, and of its server stacks. */
  private static Resources resources(Path out) throws IOException {
    int all = 0;
    int fewest = Integer.MAX_VALUE;
    int most = 0;
    try (Stream<Path> files = Files.list(out)) {
      for (Path template : files.filter(p -> p.toString().endsWith(".template.json")).toList()) {
        int resources = JSON.readTree(template.toFile()).path("Resources").size();
        all += resources;
        if (template.getFileName().toString().contains("-Server-")) {
          fewest = Math.min(fewest, resources);
          most = Math.max(most, resources);
        }
      }
    }
    return new Resources(all, fewest, most);
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
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
