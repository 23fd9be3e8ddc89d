package io.github.dmsfleet.ops.internal.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Short descriptions of SDK errors for a summary line. */
public final class Errors {
  private Errors() {}

  /** {@code <ErrorCode>: <message>} for service errors, the message otherwise. */
  public static String describe(Exception error) {
    if (error instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
      String code = aws.awsErrorDetails().errorCode();
      String message = aws.awsErrorDetails().errorMessage();
      return message == null || message.isBlank() ? code : code + ": " + message;
    }
    return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
  }

  /** Whether the service error has that code. */
  public static boolean hasCode(Exception error, String code) {
    return error instanceof AwsServiceException aws
        && aws.awsErrorDetails() != null
        && code.equals(aws.awsErrorDetails().errorCode());
  }
}
