package io.github.dmsfleet.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample config's templates against the snapshots committed in {@code
 * src/test/resources/snapshots}, so that every template change shows in review as a change of those
 * files. Asset hashes change with the CDK's version alone, so both sides read {@value #ASSET_HASH}
 * in their place. After a deliberate change, rewrite the snapshots and commit them:
 *
 * <pre>
 * mvn -B -pl dms-app -am test -Dtest=SampleSnapshotTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dsnapshots.update=true
 * </pre>
 */
class SampleSnapshotTest {
  private static final Path SNAPSHOTS = Path.of("src", "test", "resources", "snapshots");
  private static final String ASSET_HASH = "<asset hash>";
  private static final String SUFFIX = ".template.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path work;

  @Test
  void theSampleSynthesizesToTheCommittedTemplates() throws IOException {
    Synthesized synthesized =
        Synthesized.from(SampleConfig.copyTo(work.resolve("config")), work.resolve("cdk.out"));
    assertThat(synthesized.exitCode()).isZero();
    Map<String, JsonNode> templates = new TreeMap<>();
    for (Map.Entry<String, JsonNode> template : synthesized.templates().entrySet()) {
      templates.put(template.getKey(), withoutAssetHashes(template.getValue()));
    }

    if (Boolean.getBoolean("snapshots.update")) {
      write(templates);
    }

    assertThat(TemplateDiff.between(committed(), templates))
        .as(
            "the templates differ from the snapshots in %s; if the change is meant, rewrite them"
                + " with -Dsnapshots.update=true (see SampleSnapshotTest) and commit them",
            SNAPSHOTS)
        .extracting(TemplateDiff.Difference::where)
        .isEmpty();
  }

  /** The template with every 64-digit hex string, the form of a CDK asset hash, replaced. */
  private static JsonNode withoutAssetHashes(JsonNode template) throws JsonProcessingException {
    return JSON.readTree(JSON.writeValueAsString(template).replaceAll("[0-9a-f]{64}", ASSET_HASH));
  }

  private static Map<String, JsonNode> committed() throws IOException {
    Map<String, JsonNode> templates = new TreeMap<>();
    try (Stream<Path> files = Files.list(SNAPSHOTS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(SUFFIX)).toList()) {
        String stack = file.getFileName().toString().replace(SUFFIX, "");
        templates.put(stack, JSON.readTree(file.toFile()));
      }
    }
    return templates;
  }

  private static void write(Map<String, JsonNode> templates) throws IOException {
    Files.createDirectories(SNAPSHOTS);
    try (Stream<Path> old = Files.list(SNAPSHOTS)) {
      for (Path file : old.filter(f -> f.toString().endsWith(SUFFIX)).toList()) {
        Files.delete(file);
      }
    }
    for (Map.Entry<String, JsonNode> template : templates.entrySet()) {
      Files.writeString(
          SNAPSHOTS.resolve(template.getKey() + SUFFIX),
          JSON.writerWithDefaultPrettyPrinter().writeValueAsString(template.getValue()) + "\n");
    }
  }
}
