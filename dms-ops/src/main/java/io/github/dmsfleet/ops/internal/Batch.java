package io.github.dmsfleet.ops.internal;

import io.github.dmsfleet.ops.internal.aws.RunFailure;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Runs one function over many items on a bounded pool, keeping the items' order in the results.
 * Each item's own failure belongs in its result; a {@link RunFailure} from any item ends the whole
 * batch at once, since every other item would meet it too.
 */
public final class Batch {
  private Batch() {}

  /**
   * The items in consecutive lists of at most {@code size}, in their order: DMS takes a bounded
   * number of values per filter or call.
   */
  public static <T> List<List<T>> chunks(Collection<T> items, int size) {
    List<T> all = List.copyOf(items);
    List<List<T>> chunks = new ArrayList<>();
    for (int from = 0; from < all.size(); from += size) {
      chunks.add(all.subList(from, Math.min(all.size(), from + size)));
    }
    return chunks;
  }

  public static <T, R> List<R> map(List<T> items, int threads, Function<T, R> function) {
    if (items.isEmpty()) {
      return List.of();
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, Math.min(threads, items.size())),
            runnable -> {
              Thread thread = new Thread(runnable, "dms-ops-worker");
              thread.setDaemon(true);
              return thread;
            });
    AtomicBoolean ended = new AtomicBoolean();
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (T item : items) {
        futures.add(
            pool.submit(
                () -> {
                  if (ended.get()) {
                    throw new CancellationException("the batch ended");
                  }
                  try {
                    return function.apply(item);
                  } catch (RunFailure e) {
                    // No further item starts once one met an error every item would meet.
                    ended.set(true);
                    throw e;
                  }
                }));
      }
      List<R> results = new ArrayList<>();
      for (Future<R> future : futures) {
        results.add(future.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted");
    } catch (ExecutionException e) {
      ended.set(true);
      throw e.getCause() instanceof RuntimeException runtime
          ? runtime
          : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
