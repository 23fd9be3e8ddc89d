package io.github.dmsfleet.ops.replication;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a run has sent so far, item by item, so that a run cut short (Ctrl-C, a lost connection) can
 * still say exactly what was done and what was not.
 */
public final class Ledger {
  private enum Stage {
    SENDING,
    SENT,
    FINISHED
  }

  private record Entry(Stage stage, Result result) {}

  private final List<String> items;
  private final String sentVerb;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Set<String> sentItems = ConcurrentHashMap.newKeySet();

  /**
   * @param sentVerb what a sent item is called in the summary, such as {@code started}
   */
  public Ledger(List<String> items, String sentVerb) {
    this.items = List.copyOf(items);
    this.sentVerb = sentVerb;
  }

  /** A call that changes the item is about to be made. */
  public void sending(String item) {
    entries.put(item, new Entry(Stage.SENDING, null));
  }

  /** The call succeeded; {@code detail} is what the item's result says so far. */
  public void sent(String item, String detail) {
    sentItems.add(item);
    entries.put(item, new Entry(Stage.SENT, Result.ok(item, detail)));
  }

  /** The item has its final result. */
  public void finished(Result result) {
    entries.put(result.item(), new Entry(Stage.FINISHED, result));
  }

  /** How many items this run changed (started, stopped, ...). */
  public int sentCount() {
    return sentItems.size();
  }

  /** How many items have neither a final result nor a change sent. */
  public int notYetCount() {
    return (int)
        items.stream()
            .filter(i -> !sentItems.contains(i))
            .filter(i -> entries.get(i) == null || entries.get(i).stage != Stage.FINISHED)
            .count();
  }

  /** One result per item as far as the run got; {@code why} says why it stopped. */
  public List<Result> soFar(String why) {
    return items.stream().map(item -> soFar(item, why)).toList();
  }

  /** {@code interrupted: 54 started, 46 not yet; rerun to finish}. */
  public String summary(String why) {
    return why
        + ": "
        + sentCount()
        + " "
        + sentVerb
        + ", "
        + notYetCount()
        + " not yet; rerun to finish";
  }

  private Result soFar(String item, String why) {
    Entry entry = entries.get(item);
    if (entry == null) {
      return Result.failed(item, "not sent (" + why + ")");
    }
    return switch (entry.stage) {
      case SENDING ->
          Result.failed(item, why + " during the call: it may or may not have been sent");
      case SENT -> Result.ok(item, entry.result.detail() + "; not yet confirmed (" + why + ")");
      case FINISHED -> entry.result;
    };
  }
}
