package io.github.dmsfleet.ops.internal.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

class RetriesTest {
  @Test
  void kmsThrottlingCountsAsThrottling() {
    assertThat(Retries.isThrottling(error("KMSThrottlingFault", 400))).isTrue();
    assertThat(Retries.isThrottling(error("ThrottlingException", 400))).isTrue();
    assertThat(Retries.isThrottling(error("InvalidResourceStateFault", 400))).isFalse();
  }

  @Test
  void anErrorWithNoCodeIsNotThrottlingAndDescribedByItsStatus() {
    AwsServiceException html =
        AwsServiceException.builder()
            .statusCode(502)
            .awsErrorDetails(AwsErrorDetails.builder().build())
            .build();

    assertThat(Retries.isThrottling(html)).isFalse();
    assertThat(Errors.describe(html))
        .isEqualTo(
            "HTTP 502 with no error code (an answer from something in front of AWS, such as a"
                + " proxy)");
  }

  @Test
  void thePacerLetsTheBurstGoThenSpacesCallsAtTheRate() {
    Pacer pacer = new Pacer(new ApiRate(3, 2));

    assertThat(pacer.reserve()).isZero();
    assertThat(pacer.reserve()).isZero();
    assertThat(pacer.reserve()).isZero();
    assertThat(pacer.reserve()).isBetween(Duration.ofMillis(400), Duration.ofMillis(500));
    assertThat(pacer.reserve()).isBetween(Duration.ofMillis(900), Duration.ofMillis(1000));
  }

  @Test
  void theDefaultRateIsThreeQuartersOfTheQuota() {
    assertThat(ApiRate.dmsDefault()).isEqualTo(new ApiRate(150, 6));
    assertThat(ApiRate.parse("40/1.5")).isEqualTo(new ApiRate(40, 1.5));
    assertThat(ApiRate.dmsDefault().toString()).isEqualTo("150/6");
  }

  private static AwsServiceException error(String code, int status) {
    return AwsServiceException.builder()
        .statusCode(status)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("x").build())
        .build();
  }
}
