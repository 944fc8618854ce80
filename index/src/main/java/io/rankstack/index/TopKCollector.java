package io.rankstack.index;

import io.rankstack.core.Candidate;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
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
 * k-th score. This collector instead keeps the k best (score, id) pairs in a heap whose root is the
 * worst; it reads a document's id from the {@link IndexFields#ID} sorted doc values only when the
 * document enters the heap or ties the root. Once the heap is full and at least
 * {@code totalHitsThreshold} hits have been counted, it tells the scorer the root's score as the
 * minimum competitive score (documents scoring less may be skipped, equal ones are still seen), so
 * WAND/MaxScore dynamic pruning works as it does for plain Lucene. The result is exactly the first k
 * of all matches ordered by {@link io.rankstack.core.RankedList#BY_SCORE_THEN_ID}.
 */
final class TopKCollector implements Collector {
  private static final Comparator<Hit> WORST_FIRST =
      Comparator.comparingDouble(Hit::score).thenComparing(Hit::id, Comparator.reverseOrder());

  private final int k;
  private final long totalHitsThreshold;
  private final PriorityQueue<Hit> heap;
  private long totalHits;
  private boolean skipping;
  private float minCompetitive = Float.NEGATIVE_INFINITY;

  record Hit(float score, String id) {}

  /** The merged result of one search. */
  record TopK(List<Candidate> candidates, long totalHits, boolean exact) {}

  TopKCollector(int k, long totalHitsThreshold) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1: " + k);
    }
    this.k = k;
    this.totalHitsThreshold = Math.max(k, totalHitsThreshold);
    this.heap = new PriorityQueue<>(Math.min(k, 1 << 16) + 1, WORST_FIRST);
  }

  static CollectorManager<TopKCollector, TopK> manager(int k, long totalHitsThreshold) {
    return new CollectorManager<>() {
      @Override
      public TopKCollector newCollector() {
        return new TopKCollector(k, totalHitsThreshold);
      }

      @Override
      public TopK reduce(Collection<TopKCollector> collectors) {
        List<Hit> all = new ArrayList<>();
        long total = 0;
        boolean exact = true;
        for (TopKCollector c : collectors) {
          all.addAll(c.heap);
          total += c.totalHits;
          exact &= !c.skipping;
        }
        all.sort(WORST_FIRST.reversed());
        List<Candidate> out = new ArrayList<>(Math.min(k, all.size()));
        for (int i = 0; i < all.size() && i < k; i++) {
          out.add(new Candidate(all.get(i).id(), all.get(i).score()));
        }
        return new TopK(out, total, exact);
      }
    };
  }

  @Override
  public ScoreMode scoreMode() {
    return ScoreMode.TOP_SCORES;
  }

  @Override
  public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
    SortedDocValues ids = DocValues.getSorted(context.reader(), IndexFields.ID);
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
        if (heap.size() < k) {
          heap.add(new Hit(score, id(doc)));
        } else {
          Hit worst = heap.peek();
          if (score < worst.score()) {
            if (!skipping) {
              updateMinCompetitive();
            }
            return;
          }
          String id = id(doc);
          if (score == worst.score() && id.compareTo(worst.id()) > 0) {
            if (!skipping) {
              updateMinCompetitive();
            }
            return;
          }
          heap.poll();
          heap.add(new Hit(score, id));
        }
        updateMinCompetitive();
      }

      private void updateMinCompetitive() throws IOException {
        if (heap.size() == k && totalHits >= totalHitsThreshold) {
          float min = heap.peek().score();
          if (!skipping || min > minCompetitive) {
            skipping = true;
            minCompetitive = min;
            scorer.setMinCompetitiveScore(min);
          }
        }
      }

      private String id(int doc) throws IOException {
        if (!ids.advanceExact(doc)) {
          throw new IllegalStateException("document " + doc + " of segment " + context.ord + " has no '" + IndexFields.ID + "' doc value");
        }
        return ids.lookupOrd(ids.ordValue()).utf8ToString();
      }
    };
  }
}
