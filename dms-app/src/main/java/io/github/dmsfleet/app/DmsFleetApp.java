package io.github.dmsfleet.app;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dmsfleet.model.ConfigException;
import io.github.dmsfleet.model.ConfigLoader;
import io.github.dmsfleet.model.Fleet;
import io.github.dmsfleet.model.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;

/**
 * The CDK app: reads the config folder named by the {@code configDir} context value (default {@code
 * config}) and synthesizes the fleet's stacks. Reads no secret and makes no AWS call.
 */
public final class DmsFleetApp {
  static final String CONFIG_DIR_CONTEXT = "configDir";

  /** {@code -c nagReports=true} writes cdk-nag's CSV reports into the output folder. */
  static final String NAG_REPORTS_CONTEXT = "nagReports";

  /**
   * The feature flags {@code cdk init} sets for the pinned CLI, which {@code cdk.json} repeats for
   * the CLI; the one change is strong cross-stack references (exports), which keep a shared stack
   * from being deleted while a server stack still uses it.
   */
  static final String FEATURE_FLAGS_RESOURCE = "/feature-flags.json";

  /**
   * Stack traces are off, for metadata and for every resource's creation: from Java they show only
   * jsii's internals, and capturing one per resource costs 1 to 2 s per 2,000 databases.
   */
  private static final Map<String, Object> RUNTIME_CONTEXT =
      Map.of("aws:cdk:disable-stack-trace", true, "aws:cdk:disable-creation-stack-traces", true);

  private DmsFleetApp() {}

  public static void main(String[] args) {
    int exitCode = synthesize(newApp(Map.of(), null), System.getenv(), System.err);
    if (exitCode != 0) {
      System.exit(exitCode);
    }
  }

  /**
   * Reads the config, adds the fleet's stacks and checks to the app, and synthesizes it. Returns 0,
   * or 1 with the problems on {@code err}; an invalid config is reported before anything is
   * synthesized.
   */
  static int synthesize(App app, Map<String, String> environment, PrintStream err) {
    Fleet fleet;
    try {
      fleet = ConfigLoader.load(configDir(app));
    } catch (ConfigException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
    for (Problem warning : fleet.warnings()) {
      err.println("warning: " + warning);
    }
    FleetStacks stacks = FleetStacks.create(app, fleet, FleetStacks.environmentFrom(environment));
    FleetChecks.addTo(stacks, isTrue(app.getNode().tryGetContext(NAG_REPORTS_CONTEXT)));
    List<String> findings;
    try {
      findings = FleetChecks.findings(Path.of(app.synth().getDirectory()));
    } catch (RuntimeException e) {
      // Template rules and error annotations (cdk-nag's errors) fail synthesis with a report.
      findings = FleetChecks.validationFindings(Path.of(app.getOutdir()));
      if (findings.isEmpty() || !String.valueOf(e.getMessage()).contains("ValidationFailed")) {
        throw e;
      }
    }
    if (!findings.isEmpty()) {
      err.println(
          "error: the synthesized fleet has " + findings.size() + " unacknowledged findings:");
      findings.forEach(finding -> err.println("  " + finding));
      return 1;
    }
    return 0;
  }

  /**
   * An app with the project's context defaults; {@code context} overrides them (and loses to the
   * CLI's context), and a null {@code outdir} keeps the CLI's output folder.
   */
  static App newApp(Map<String, Object> context, Path outdir) {
    Map<String, Object> merged = new HashMap<>(featureFlags());
    merged.putAll(RUNTIME_CONTEXT);
    merged.putAll(context);
    AppProps.Builder props = AppProps.builder().context(merged);
    if (outdir != null) {
      props.outdir(outdir.toString());
    }
    return new App(props.build());
  }

  /** The app's feature flags, as {@code cdk.json} sets them for the CLI. */
  static Map<String, Object> featureFlags() {
    try (InputStream in = DmsFleetApp.class.getResourceAsStream(FEATURE_FLAGS_RESOURCE)) {
      return new ObjectMapper()
          .readValue(Objects.requireNonNull(in, FEATURE_FLAGS_RESOURCE), new TypeReference<>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A context value from the CLI arrives as a string. */
  private static boolean isTrue(Object contextValue) {
    return contextValue != null && Boolean.parseBoolean(contextValue.toString());
  }

  static Path configDir(App app) {
    Object value = app.getNode().tryGetContext(CONFIG_DIR_CONTEXT);
    return Path.of(value == null ? "config" : value.toString());
  }
}
