package io.rankstack.online.ctr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Serving reads while a trainer publishes: every read sees one whole version, versions only move forward. */
class CtrModelHolderTest {
  @Test
  void readersSeeWholeVersionsThatOnlyMoveForward() throws Exception {
    List<CtrExample> data = CtrModelTest.synthetic(64 * 12, 8);
    List<CtrExample> candidates = data.subList(0, 100);
    CtrModelHolder holder = new CtrModelHolder();
    Map<Long, float[]> published = new ConcurrentHashMap<>();
    AtomicBoolean done = new AtomicBoolean();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread reader = new Thread(() -> {
      long last = 0;
      try {
        while (!done.get()) {
          CtrModelVersion v = holder.current().orElse(null);
          if (v == null) {
            continue;
          }
          if (v.version() < last) {
            throw new AssertionError("version went back from " + last + " to " + v.version());
          }
          last = v.version();
          float[] scores = v.score(candidates);
          float[] expected = published.get(v.version());
          // the expected scores are recorded before publication, so a read never precedes them
          assertArrayEquals(expected, scores, "version " + v.version() + " is not the model that was published");
        }
      } catch (Throwable t) {
        failure.set(t);
      }
    }, "serving-reader");
    CtrModel model = new CtrModel(CtrModelTest.small(3));
    reader.start();
    try {
      for (int b = 0; b < 12; b++) {
        model.train(data.subList(b * 64, (b + 1) * 64));
        CtrModel snap = model.snapshot();
        published.put(b + 1L, snap.predict(candidates));
        assertTrue(holder.publish(new CtrModelVersion(b + 1, snap, Map.of(0, (b + 1) * 64L), (b + 1) * 64L)));
      }
    } finally {
      done.set(true);
      reader.join();
    }
    assertNull(failure.get(), () -> String.valueOf(failure.get()));
    assertFalse(holder.publish(new CtrModelVersion(5, model.snapshot(), Map.of(), 0)));
  }
}
