package io.rankstack.index;

import io.rankstack.core.Candidate;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Collects the top k hits by descending score, equal scores by ascending external id, in one pass.
 *
 * <p>Lucene's own top-score collector breaks ties by internal doc number, which depends on indexing
 * and merge history, and tells the scorer to skip documents whose score merely equals the current
 * k-th score. This collector instead keeps the k best (score, id) pairs in a binary heap whose root
 * is the worst; ids come from {@link SegmentIds} (a cached doc-values read) and are compared only
 * when a document's score ties the root's. Once the heap is full and at least
 * {@code totalHitsThreshold} hits have been counted, it tells the scorer the root's score as the
 * minimum competitive score (documents scoring less may be skipped, equal ones are still seen), so
 * WAND/MaxScore dynamic pruning works as it does for plain Lucene. The result is exactly the first k
 * of all matches ordered by {@link io.rankstack.core.RankedList#BY_SCORE_THEN_ID}.
 *
 * <p>The heap is two parallel arrays (scores and ids), not a queue of objects: collection is the hot
 * loop of every search, and this keeps it free of allocation and comparator indirection.
 */
final class TopKCollector implements Collector {
  private final int k;
  private final long totalHitsThreshold;
  private final SegmentIds segmentIds;
  private final Heap heap;
  private long totalHits;
  private boolean skipping;
  private float minCompetitive = Float.NEGATIVE_INFINITY;

  /** The merged result of one search. */
  record TopK(List<Candidate> candidates, long totalHits, boolean exact) {}

  TopKCollector(int k, long totalHitsThreshold, SegmentIds segmentIds) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1: " + k);
    }
    this.k = k;
    this.totalHitsThreshold = Math.max(k, totalHitsThreshold);
    this.segmentIds = segmentIds;
    this.heap = new Heap(k);
  }

  static CollectorManager<TopKCollector, TopK> manager(int k, long totalHitsThreshold, SegmentIds segmentIds) {
    return new CollectorManager<>() {
      @Override
      public TopKCollector newCollector() {
        return new TopKCollector(k, totalHitsThreshold, segmentIds);
      }

      @Override
      public TopK reduce(Collection<TopKCollector> collectors) {
        long total = 0;
        boolean exact = true;
        TopKCollector only = null;
        for (TopKCollector c : collectors) {
          total += c.totalHits;
          exact &= !c.skipping;
          only = c;
        }
        if (collectors.size() == 1) {
          return new TopK(only.heap.drainBestFirst(), total, exact);
        }
        // Several slices: merge their heaps through one more heap of size k.
        Heap merged = new Heap(k);
        for (TopKCollector c : collectors) {
          for (int i = 0; i < c.heap.size; i++) {
            merged.offer(c.heap.scores[i], c.heap.ids[i]);
          }
        }
        return new TopK(merged.drainBestFirst(), total, exact);
      }
    };
  }

  @Override
  public ScoreMode scoreMode() {
    return ScoreMode.TOP_SCORES;
  }

  @Override
  public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
    SegmentIds.Leaf ids = segmentIds.leaf(context);
    return new LeafCollector() {
      private Scorable scorer;

      @Override
      public void setScorer(Scorable s) throws IOException {
        scorer = s;
        if (skipping) {
          s.setMinCompetitiveScore(minCompetitive);
        }
      }

      @Override
      public void collect(int doc) throws IOException {
        float score = scorer.score();
        totalHits++;
        if (heap.size < k) {
          heap.push(score, ids.id(doc));
        } else {
          float worst = heap.scores[0];
          if (score < worst || (score == worst && ids.id(doc).compareTo(heap.ids[0]) > 0)) {
            if (!skipping) {
              updateMinCompetitive();
            }
            return;
          }
          heap.replaceRoot(score, ids.id(doc));
        }
        updateMinCompetitive();
      }

      private void updateMinCompetitive() throws IOException {
        if (heap.size == k && totalHits >= totalHitsThreshold) {
          float min = heap.scores[0];
          if (!skipping || min > minCompetitive) {
            skipping = true;
            minCompetitive = min;
            scorer.setMinCompetitiveScore(min);
          }
        }
      }
    };
  }

  /** A bounded min-heap of (score, id): the root is the worst entry (lowest score, then highest id). */
  private static final class Heap {
    private final int capacity;
    private float[] scores;
    private String[] ids;
    private int size;

    Heap(int capacity) {
      this.capacity = capacity;
      int initial = Math.min(capacity, 1024);
      scores = new float[initial];
      ids = new String[initial];
    }

    /** Adds an entry if there is room or it beats the root. */
    void offer(float score, String id) {
      if (size < capacity) {
        push(score, id);
      } else if (worse(scores[0], ids[0], score, id)) {
        replaceRoot(score, id);
      }
    }

    void push(float score, String id) {
      if (size == scores.length) {
        int grown = (int) Math.min(capacity, Math.max(16L, scores.length * 2L));
        scores = java.util.Arrays.copyOf(scores, grown);
        ids = java.util.Arrays.copyOf(ids, grown);
      }
      int i = size++;
      while (i > 0) {
        int parent = (i - 1) >>> 1;
        if (!worse(score, id, scores[parent], ids[parent])) {
          break;
        }
        scores[i] = scores[parent];
        ids[i] = ids[parent];
        i = parent;
      }
      scores[i] = score;
      ids[i] = id;
    }

    void replaceRoot(float score, String id) {
      int i = 0;
      while (true) {
        int child = 2 * i + 1;
        if (child >= size) {
          break;
        }
        int right = child + 1;
        if (right < size && worse(scores[right], ids[right], scores[child], ids[child])) {
          child = right;
        }
        if (!worse(scores[child], ids[child], score, id)) {
          break;
        }
        scores[i] = scores[child];
        ids[i] = ids[child];
        i = child;
      }
      scores[i] = score;
      ids[i] = id;
    }

    /** Empties the heap into a list, best first. */
    List<Candidate> drainBestFirst() {
      Candidate[] out = new Candidate[size];
      while (size > 0) {
        out[size - 1] = new Candidate(ids[0], scores[0]);
        size--;
        if (size > 0) {
          float lastScore = scores[size];
          String lastId = ids[size];
          replaceRoot(lastScore, lastId);
        }
      }
      List<Candidate> list = new ArrayList<>(out.length);
      java.util.Collections.addAll(list, out);
      return list;
    }

    /** Whether (s1, id1) ranks below (s2, id2): lower score, or equal score and higher id. */
    private static boolean worse(float s1, String id1, float s2, String id2) {
      return s1 < s2 || (s1 == s2 && id1.compareTo(id2) > 0);
    }
  }
}
