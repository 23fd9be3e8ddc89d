package io.github.dmsfleet.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dmsfleet.constructs.MigrationType;
import io.github.dmsfleet.constructs.S3Compression;
import io.github.dmsfleet.constructs.S3DataFormat;
import io.github.dmsfleet.constructs.SourceEngine;
import io.github.dmsfleet.constructs.SslMode;
import io.github.dmsfleet.model.Compression;
import io.github.dmsfleet.model.OutputFormat;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ConstructEnumsTest {
  private static <M extends Enum<M>, C extends Enum<C>> void assertEveryValueMaps(
      Class<M> model, Class<C> construct) {
    for (M value : model.getEnumConstants()) {
      assertThat(ConstructEnums.of(value, construct).name()).isEqualTo(value.name());
    }
  }

  @Test
  void everyModelValueHasTheConstructValueOfTheSameName() {
    assertEveryValueMaps(io.github.dmsfleet.model.SourceEngine.class, SourceEngine.class);
    assertEveryValueMaps(io.github.dmsfleet.model.MigrationType.class, MigrationType.class);
    assertEveryValueMaps(io.github.dmsfleet.model.SslMode.class, SslMode.class);
    assertEveryValueMaps(OutputFormat.class, S3DataFormat.class);
    assertEveryValueMaps(Compression.class, S3Compression.class);
  }

  @Test
  void theSameNameMeansTheSameDmsValue() {
    assertThat(
            Arrays.stream(io.github.dmsfleet.model.SourceEngine.values())
                .map(e -> ConstructEnums.of(e, SourceEngine.class).getEngineName()))
        .containsExactly("sqlserver", "mysql", "postgres", "oracle");
    assertThat(Arrays.stream(io.github.dmsfleet.model.SourceEngine.values()).map(e -> e.token()))
        .containsExactly("sqlserver", "mysql", "postgres", "oracle");
  }
}
