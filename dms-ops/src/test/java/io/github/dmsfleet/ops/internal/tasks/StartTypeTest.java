package io.github.dmsfleet.ops.internal.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StartTypeTest {
  @Test
  void parsesDmsValuesInAnyCase() {
    assertThat(StartType.parse("Resume-Processing")).isEqualTo(StartType.RESUME_PROCESSING);
    assertThat(StartType.parse("auto")).isEqualTo(StartType.AUTO);
  }

  @Test
  void rejectsUnknownValuesListingTheChoices() {
    assertThatThrownBy(() -> StartType.parse("restart"))
        .hasMessage(
            "'restart' is not a start type; use one of auto, start-replication, resume-processing,"
                + " reload-target");
  }
}
