package io.github.dmsfleet.ops.internal.aws;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Set;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/** Short descriptions of SDK errors, and which of them end a whole run. */
public final class Errors {
  /** Codes that say the caller, not the item, is wrong: every other call would fail the same. */
  private static final Set<String> CALLER_CODES =
      Set.of(
          "UnrecognizedClientException",
          "InvalidClientTokenId",
          "ExpiredToken",
          "ExpiredTokenException",
          "InvalidSignatureException",
          "SignatureDoesNotMatch",
          "AccessDeniedException",
          "AccessDenied");

  private Errors() {}

  /** The service's error code, or null when there is none (such as a proxy's HTML 5xx). */
  public static String code(Throwable error) {
    if (error instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
      String code = aws.awsErrorDetails().errorCode();
      return code == null || code.isBlank() ? null : code;
    }
    return null;
  }

  /**
   * {@code <ErrorCode>: <message>} for service errors, {@code HTTP <status> with no error code} for
   * answers that carry none, the message otherwise.
   */
  public static String describe(Throwable error) {
    if (error instanceof SdkServiceException service) {
      String code = code(error);
      String message =
          error instanceof AwsServiceException aws && aws.awsErrorDetails() != null
              ? aws.awsErrorDetails().errorMessage()
              : null;
      if (code == null) {
        return "HTTP "
            + service.statusCode()
            + " with no error code (an answer from something in front of AWS, such as a proxy)";
      }
      return message == null || message.isBlank() ? code : code + ": " + message;
    }
    if (error instanceof RunFailure failure) {
      return failure.getMessage();
    }
    return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
  }

  /**
   * The error as a failure of the whole run, when every other call would fail the same way: no
   * credentials, credentials AWS refuses, no permission, or an endpoint that cannot be reached.
   * Null when the error belongs to the one item.
   */
  public static RunFailure asRunFailure(Throwable error) {
    if (error instanceof RunFailure failure) {
      return failure;
    }
    String code = code(error);
    if (code != null && CALLER_CODES.contains(code)) {
      String fix =
          code.startsWith("Access")
              ? "the caller's IAM policy must allow it"
              : "check the credentials (--profile, AWS_PROFILE, 'aws sso login') and --region";
      return new RunFailure(describe(error) + "; " + fix, error);
    }
    if (error instanceof SdkClientException client) {
      String message = String.valueOf(client.getMessage());
      if (message.startsWith("Unable to load credentials")) {
        return new RunFailure(
            "no AWS credentials found; pass --profile, set AWS_PROFILE or AWS_ACCESS_KEY_ID, or run"
                + " 'aws sso login'",
            error);
      }
      Throwable cause = rootCause(client);
      if (unreachable(cause)) {
        return new RunFailure(
            "cannot reach AWS: "
                + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")")
                + "; check --region, --endpoint-url and the network",
            error);
      }
    }
    return null;
  }

  /** Runs a call, turning an error every call would meet into a {@link RunFailure}. */
  public static <T> T failingTheRun(Supplier<T> call) {
    try {
      return call.get();
    } catch (SdkException e) {
      RunFailure everyCall = asRunFailure(e);
      throw everyCall != null ? everyCall : e;
    }
  }

  private static boolean unreachable(Throwable cause) {
    return cause instanceof ConnectException
        || cause instanceof UnknownHostException
        || cause instanceof NoRouteToHostException
        || cause instanceof SSLException
        || (cause instanceof SocketTimeoutException
            && String.valueOf(cause.getMessage()).contains("connect"))
        || (cause instanceof IOException
            && String.valueOf(cause.getMessage()).contains("Connection refused"));
  }

  private static Throwable rootCause(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}
