package io.github.dmsfleet.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A config synthesized through the app into a folder, with its exit code, stderr and templates. */
record Synthesized(int exitCode, String stderr, Path outdir) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Synthesized from(Path configDir, Path outdir) {
    return from(configDir, outdir, Map.of());
  }

  /** With more context values, as {@code -c key=value} gives them. */
  static Synthesized from(Path configDir, Path outdir, Map<String, Object> context) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Map<String, Object> merged = new TreeMap<>(context);
    merged.put(DmsFleetApp.CONFIG_DIR_CONTEXT, configDir.toString());
    int exitCode =
        DmsFleetApp.synthesize(
            DmsFleetApp.newApp(merged, outdir),
            Map.of(),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Synthesized(exitCode, err.toString(StandardCharsets.UTF_8), outdir);
  }

  /** Templates by stack name; none when nothing was synthesized. */
  Map<String, JsonNode> templates() {
    Map<String, JsonNode> templates = new TreeMap<>();
    if (!Files.exists(outdir)) {
      return templates;
    }
    try (Stream<Path> files = Files.list(outdir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".template.json")).toList()) {
        String name = file.getFileName().toString().replace(".template.json", "");
        templates.put(name, JSON.readTree(file.toFile()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return templates;
  }

  /** The names of cdk-nag's CSV reports in the output. */
  List<String> nagReports() {
    try (Stream<Path> files = Files.list(outdir)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(name -> name.endsWith("-NagReport.csv"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every file of the output, as text. */
  String allOutput() {
    StringBuilder text = new StringBuilder();
    try (Stream<Path> files = Files.walk(outdir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        text.append(Files.readString(file, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /** How many resources of each type a template has. */
  static Map<String, Integer> resourceTypes(JsonNode template) {
    Map<String, Integer> counts = new TreeMap<>();
    template.path("Resources").forEach(r -> counts.merge(r.path("Type").asText(), 1, Integer::sum));
    return counts;
  }
}
