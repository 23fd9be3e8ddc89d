package io.github.dmsfleet.ops.internal.aws;

/**
 * An error that every call of the run would meet (no credentials, no permission, an endpoint that
 * cannot be reached): it ends the run once instead of failing each item.
 */
public final class RunFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RunFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
