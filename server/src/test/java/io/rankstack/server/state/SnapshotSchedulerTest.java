package io.rankstack.server.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Saves only what changed, retries a failed save, saves at close, and runs on its schedule. */
class SnapshotSchedulerTest {
  /** A state whose change counter the test moves, counting its saves. */
  private static final class Counter implements Snapshotted {
    volatile long changes;
    int saves;
    int failuresLeft;
    final CountDownLatch saved = new CountDownLatch(1);

    @Override
    public String name() {
      return "counter";
    }

    @Override
    public long changes() {
      return changes;
    }

    @Override
    public long save() throws IOException {
      long c = changes;
      if (failuresLeft > 0) {
        failuresLeft--;
        throw new IOException("disk full");
      }
      saves++;
      saved.countDown();
      return c;
    }
  }

  @Test
  void writesOnlyTheStatesThatChangedSinceTheirLastSave() {
    Counter a = new Counter();
    Counter b = new Counter();
    a.changes = 5; // loaded state counts as saved
    try (SnapshotScheduler s = new SnapshotScheduler(List.of(a, b), Duration.ofHours(1))) {
      assertEquals(0, s.saveChanged());
      assertEquals(0, a.saves + b.saves);
      b.changes++;
      assertEquals(1, s.saveChanged());
      assertEquals(0, a.saves);
      assertEquals(1, b.saves);
      assertEquals(0, s.saveChanged());
      assertEquals(1, b.saves);
    }
    assertEquals(0, a.saves); // nothing changed: no write at close either
    assertEquals(1, b.saves);
  }

  @Test
  void aFailedSaveStaysDirtyAndIsRetried() {
    Counter a = new Counter();
    a.failuresLeft = 1;
    try (SnapshotScheduler s = new SnapshotScheduler(List.of(a), Duration.ofHours(1))) {
      a.changes = 1;
      assertEquals(0, s.saveChanged());
      assertEquals(0, a.saves);
      assertEquals(1, s.saveChanged());
      assertEquals(1, a.saves);
    }
  }

  @Test
  void closeSavesWhatChangedSinceTheLastRoundOnce() {
    Counter a = new Counter();
    SnapshotScheduler s = new SnapshotScheduler(List.of(a), Duration.ofHours(1));
    a.changes = 3;
    s.close();
    s.close();
    assertEquals(1, a.saves);
  }

  @Test
  void theScheduleSavesAChangeWithoutBeingAsked() throws InterruptedException {
    Counter a = new Counter();
    SnapshotScheduler s = new SnapshotScheduler(List.of(a), Duration.ofMillis(100));
    try {
      a.changes = 1;
      assertTrue(a.saved.await(30, TimeUnit.SECONDS), "no save within 30 s"); // waits for the event, asserts no time
    } finally {
      s.close();
    }
    assertEquals(1, a.saves);
  }

  @Test
  void rejectsANonPositiveInterval() {
    assertThrows(IllegalArgumentException.class, () -> new SnapshotScheduler(List.of(), Duration.ZERO));
  }
}
