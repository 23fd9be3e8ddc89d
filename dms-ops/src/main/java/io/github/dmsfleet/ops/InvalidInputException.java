package io.github.dmsfleet.ops;

/**
 * Input that cannot work, found before any change is made; it exits with {@link
 * ExitCode#INVALID_INPUT}.
 */
final class InvalidInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  InvalidInputException(String message) {
    super(message);
  }
}
