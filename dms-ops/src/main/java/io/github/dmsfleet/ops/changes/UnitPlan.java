package io.github.dmsfleet.ops.changes;

import io.github.dmsfleet.ops.replication.Lifecycle;
import io.github.dmsfleet.ops.replication.ReplicationUnit;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What apply will do with one replication unit a stack's change set touches, and why.
 *
 * @param kind the noun of its {@link UnitKind}: {@code task} or {@code replication}
 * @param marked whether an earlier apply of this change set stopped it and left it marked
 * @param executable whether the stack's change set is still to be executed: once it was, apply only
 *     resumes what an earlier apply stopped
 */
public record UnitPlan(
    String kind, Wired wired, List<Touch> touches, boolean marked, boolean executable) {

  /** What apply does with the unit. */
  public enum Action {
    /** Stop it before the deploy, resume it after. */
    STOP_AND_RESUME("stop-and-resume"),
    /** An earlier apply stopped it: resume it after the deploy. */
    RESUME("resume"),
    /** The deploy replaces it: stop the old one if it runs, start the new one (a full load). */
    REPLACE("replace"),
    /** The deploy deletes it: stop it if it runs, so that DMS lets it go. */
    STOP("stop"),
    NOTHING("nothing");

    private final String token;

    Action(String token) {
      this.token = token;
    }

    @Override
    public String toString() {
      return token;
    }
  }

  public UnitPlan {
    touches = List.copyOf(touches);
  }

  public ReplicationUnit unit() {
    return wired.unit();
  }

  public String identifier() {
    return wired.unit().identifier();
  }

  /** Whether it runs now (or is starting, which a stop waits out). */
  public boolean active() {
    Lifecycle lifecycle = wired.unit().lifecycle();
    return lifecycle == Lifecycle.RUNNING || lifecycle == Lifecycle.STARTING;
  }

  public boolean stops() {
    return touches.stream().anyMatch(t -> t.change().stopsReplication());
  }

  public boolean reloads() {
    return touches.stream().anyMatch(t -> t.change().reloads());
  }

  public boolean removed() {
    return touches.stream()
        .anyMatch(
            t ->
                t.change().effect() == DmsChange.Effect.REMOVED
                    && t.change().physicalId().equals(wired.unit().arn()));
  }

  /** Its own replacing change (not one of an endpoint or instance); null when none. */
  public DmsChange ownReplacement() {
    return touches.stream()
        .map(Touch::change)
        .filter(c -> c.reloads() && c.physicalId().equals(wired.unit().arn()))
        .findFirst()
        .orElse(null);
  }

  public Action action() {
    if (!executable) {
      return marked ? Action.RESUME : Action.NOTHING;
    }
    if (reloads()) {
      return Action.REPLACE;
    }
    if (removed()) {
      return active() || marked ? Action.STOP : Action.NOTHING;
    }
    if (marked) {
      return Action.RESUME;
    }
    return stops() && active() ? Action.STOP_AND_RESUME : Action.NOTHING;
  }

  /** Whether apply stops it (a unit an earlier apply stopped is already stopped). */
  public boolean toStop() {
    return active() && !marked && action() != Action.NOTHING;
  }

  /** The action in words, as plan shows it. */
  public String detail() {
    String status = wired.unit().status();
    return switch (action()) {
      case STOP_AND_RESUME -> "stop, then resume";
      case RESUME -> "resume (an earlier apply stopped it)";
      case REPLACE ->
          active() || marked
              ? "stop; replacement: the new " + kind + " loads every table again"
              : "replacement: the new "
                  + kind
                  + " loads every table when started; not started,"
                  + " since this one is "
                  + status;
      case STOP -> "stop; the deploy deletes it";
      case NOTHING -> {
        if (!executable) {
          yield "nothing: the change set was executed already";
        }
        if (removed()) {
          yield "nothing: the deploy deletes it";
        }
        yield active() ? "nothing: keeps running" : "nothing: not running (" + status + ")";
      }
    };
  }

  /** Why it is touched, each change in words. */
  public String why() {
    return touches.stream().map(Touch::toString).collect(Collectors.joining("; "));
  }
}
