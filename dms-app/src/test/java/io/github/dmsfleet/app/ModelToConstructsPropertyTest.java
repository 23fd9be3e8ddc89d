package io.github.dmsfleet.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dmsfleet.model.ConfigException;
import io.github.dmsfleet.model.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;

/**
 * The model and the constructs apply the same rules: whatever config the model accepts, the
 * constructs build and the app synthesizes without a finding from cdk-nag or the CDK's template
 * validation.
 */
class ModelToConstructsPropertyTest {

  @Property(tries = 80, maxDiscardRatio = 10, shrinking = ShrinkingMode.BOUNDED)
  void everyConfigTheModelAcceptsSynthesizesCleanly(
      @ForAll("configs") GeneratedConfigs.Config config) throws IOException {
    Path work = Files.createTempDirectory("dms-fleet-property");
    try {
      Path dir = config.writeTo(work.resolve("config"));
      boolean accepted = modelAccepts(dir);
      Statistics.collect(
          accepted ? "accepted by the model" : "rejected by the model",
          config.serverless() ? "serverless" : "on instances");
      Assume.that(accepted);

      Synthesized synthesized = Synthesized.from(dir, work.resolve("cdk.out"));

      assertThat(synthesized.exitCode()).as(synthesized.stderr()).isZero();
    } finally {
      delete(work);
    }
  }

  @Provide
  Arbitrary<GeneratedConfigs.Config> configs() {
    return GeneratedConfigs.configs();
  }

  private static boolean modelAccepts(Path dir) {
    try {
      ConfigLoader.load(dir);
      return true;
    } catch (ConfigException e) {
      return false;
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
