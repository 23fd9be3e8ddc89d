package io.github.dmsfleet.ops.internal.aws;

import static org.assertj.core.api.Assertions.assertThat;

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

  private static AwsServiceException error(String code, int status) {
    return AwsServiceException.builder()
        .statusCode(status)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("x").build())
        .build();
  }
}
