package io.rankstack.server.state;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves each {@link Snapshotted} state on one daemon thread every interval, and once more on
 * {@link #close()}, but only the states whose change counter moved since their last save: an idle
 * server does no I/O. A failed save is logged and retried at the next interval (the previous snapshot
 * stays in place). A crash loses at most the changes of the last interval.
 */
public final class SnapshotScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SnapshotScheduler.class);

  private final List<Snapshotted> states;
  private final long[] saved;
  private final ScheduledExecutorService executor;
  private boolean closed;

  /**
   * Starts saving; the states' current contents count as saved (they were just loaded).
   *
   * @param interval time between the end of one round of saves and the start of the next
   */
  public SnapshotScheduler(List<Snapshotted> states, Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("illegal interval " + interval + ", must be > 0");
    }
    this.states = List.copyOf(states);
    this.saved = new long[this.states.size()];
    for (int i = 0; i < saved.length; i++) {
      saved[i] = this.states.get(i).changes();
    }
    this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "rankstack-snapshots");
      t.setDaemon(true);
      return t;
    });
    long ms = interval.toMillis();
    executor.scheduleWithFixedDelay(this::saveChanged, ms, ms, TimeUnit.MILLISECONDS);
  }

  /** Saves every state that changed since its last save; returns how many were written. */
  public synchronized int saveChanged() {
    int written = 0;
    for (int i = 0; i < states.size(); i++) {
      Snapshotted s = states.get(i);
      if (s.changes() == saved[i]) {
        continue;
      }
      try {
        saved[i] = s.save();
        written++;
      } catch (IOException | RuntimeException e) {
        LOG.warn("saving the {} snapshot failed (the previous one stays; retrying in the next round): {}", s.name(),
            e.toString(), e);
      }
    }
    return written;
  }

  /** Stops the schedule and saves what changed since the last round. Idempotent. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    executor.shutdown();
    try {
      if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.warn("a snapshot round did not finish within 30 s of shutdown");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    saveChanged();
  }
}
