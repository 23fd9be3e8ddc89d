package io.github.dmsfleet.ops.replication;

import java.util.Locale;

/**
 * What happened to one item (a task, a replication, a secret, an endpoint).
 *
 * @param item its identifier or name
 * @param result ok, failed, skipped or would
 * @param detail what was done or found, in words
 */
public record Result(String item, Outcome result, String detail) {

  /** How an item ended. Only {@link #FAILED} makes the run exit 1. */
  public enum Outcome {
    /** Done as asked. */
    OK,
    /** Nothing to do: already so, or not a state the action applies to. */
    SKIPPED,
    /** A dry run: what would be done. */
    WOULD,
    /** Not done; the detail says why. */
    FAILED;

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static Result ok(String item, String detail) {
    return new Result(item, Outcome.OK, detail);
  }

  public static Result failed(String item, String detail) {
    return new Result(item, Outcome.FAILED, detail);
  }

  public static Result skipped(String item, String detail) {
    return new Result(item, Outcome.SKIPPED, detail);
  }

  public static Result would(String item, String detail) {
    return new Result(item, Outcome.WOULD, detail);
  }

  public boolean failed() {
    return result == Outcome.FAILED;
  }
}
