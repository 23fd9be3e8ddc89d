package io.github.dmsfleet.ops.internal;

/**
 * What happened to one secret, task or endpoint.
 *
 * @param subject the secret name, task identifier or endpoint identifier
 * @param result what happened, such as {@code created} or {@code failed: <reason>}
 * @param failed whether it counts as a failed operation (exit code 1)
 */
public record Outcome(String subject, String result, boolean failed) {

  public static Outcome ok(String subject, String result) {
    return new Outcome(subject, result, false);
  }

  public static Outcome failed(String subject, String reason) {
    return new Outcome(subject, "failed: " + reason, true);
  }
}
