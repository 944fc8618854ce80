package io.rankstack.rerank;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import io.rankstack.core.Candidate;
import io.rankstack.core.Query;
import io.rankstack.core.RankedList;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The serving side of the reranker: thread-safe, batched, with a per-request time budget.
 *
 * <p>DJL predictors are not thread-safe, so the reranker keeps a pool of them (one per concurrent
 * request; a request waits for a free one). A request's candidates are tokenised, scored in batches
 * of {@code batchSize} pairs, and reordered by the head's ranking score (ERank's s × P(s), or P(yes)
 * for the binary head); equal scores keep their first-stage order ({@link #reorder}). Before each batch the deadline is checked: when the
 * budget has run out the stage returns its input list unchanged with {@code passedThrough = true}
 * and a reason, so a search never fails because the reranker was slow.
 */
public final class Reranker implements AutoCloseable {
  private final RerankModel model;
  private final int batchSize;
  private final LongSupplier nanoClock;
  private final BlockingQueue<Predictor<PairBatch, float[][]>> pool;
  private final List<Predictor<PairBatch, float[][]>> all = new ArrayList<>();

  /**
   * @param poolSize  predictors, i.e. requests scored concurrently, at least 1
   * @param batchSize pairs per forward pass, at least 1
   * @param nanoClock time source for the budget ({@code System::nanoTime} in production)
   */
  public Reranker(RerankModel model, int poolSize, int batchSize, LongSupplier nanoClock) {
    if (poolSize < 1 || batchSize < 1) {
      throw new IllegalArgumentException("poolSize and batchSize must be at least 1");
    }
    this.model = model;
    this.batchSize = batchSize;
    this.nanoClock = nanoClock;
    this.pool = new ArrayBlockingQueue<>(poolSize);
    Translator translator = new Translator(model.architecture());
    for (int i = 0; i < poolSize; i++) {
      Predictor<PairBatch, float[][]> p = model.djlModel().newPredictor(translator);
      all.add(p);
      pool.add(p);
    }
  }

  public Reranker(RerankModel model, int poolSize, int batchSize) {
    this(model, poolSize, batchSize, System::nanoTime);
  }

  /**
   * Reranks one query's candidates.
   *
   * @param texts  the text of a document id (title and body); a missing text is an error
   * @param budget time allowed for this request
   */
  public RerankResult rerank(Query query, RankedList candidates, Function<String, String> texts, Duration budget) {
    long start = nanoClock.getAsLong();
    long deadline = start + budget.toNanos();
    int n = candidates.size();
    List<EncodedPair> pairs = new ArrayList<>(n);
    float[][] feats = new float[n][];
    for (int i = 0; i < n; i++) {
      Candidate c = candidates.atRank(i + 1);
      String text = texts.apply(c.docId());
      if (text == null) {
        throw new IllegalArgumentException("no text for candidate " + c.docId() + " of query " + query.id());
      }
      pairs.add(model.encode(query.text(), text));
      feats[i] = c.features();
    }
    double[] scores = new double[n];
    Predictor<PairBatch, float[][]> predictor = borrow();
    try {
      for (int from = 0; from < n; from += batchSize) {
        long now = nanoClock.getAsLong();
        if (now - deadline >= 0) {
          return new RerankResult(candidates, true, "time budget of " + budget.toMillis() + " ms ran out after "
              + from + " of " + n + " candidates", from, now - start);
        }
        int to = Math.min(n, from + batchSize);
        float[][] p = predictor.predict(new PairBatch(pairs.subList(from, to), java.util.Arrays.copyOfRange(feats, from, to)));
        for (int i = from; i < to; i++) {
          scores[i] = model.architecture().head().rankingScore(p[i - from]);
        }
      }
    } catch (ai.djl.translate.TranslateException e) {
      throw new IllegalStateException("reranker inference failed: " + e.getMessage(), e);
    } finally {
      pool.add(predictor);
    }
    return new RerankResult(reorder(candidates, scores), false, "", n, nanoClock.getAsLong() - start);
  }

  /**
   * The candidates rescored with {@code scores} and sorted by descending score; equal scores keep
   * their input (first-stage) order. Ties matter here: s × P(s) is 0 for every document whose most
   * likely score is 0, often most of a top-100 list, and ordering those by document id would
   * shuffle the first stage's ranking of them.
   */
  public static RankedList reorder(RankedList candidates, double[] scores) {
    int n = candidates.size();
    if (scores.length != n) {
      throw new IllegalArgumentException(scores.length + " scores for " + n + " candidates");
    }
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    java.util.Arrays.sort(idx, (a, b) -> Double.compare(scores[b], scores[a])); // stable: ties keep input order
    List<Candidate> out = new ArrayList<>(n);
    for (int i : idx) {
      out.add(candidates.atRank(i + 1).withScore(scores[i]));
    }
    return new RankedList(candidates.queryId(), out);
  }

  private Predictor<PairBatch, float[][]> borrow() {
    try {
      return pool.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a predictor", e);
    }
  }

  @Override
  public void close() {
    all.forEach(Predictor::close);
  }

  /** Batch → block inputs in the predictor's own NDManager; logits → softmax probabilities. */
  private static final class Translator implements NoBatchifyTranslator<PairBatch, float[][]> {
    private final ArchitectureConfig arch;

    Translator(ArchitectureConfig arch) {
      this.arch = arch;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, PairBatch input) {
      return input.toNDList(ctx.getNDManager(), arch.featureCount());
    }

    @Override
    public float[][] processOutput(TranslatorContext ctx, NDList list) {
      return RerankModel.rows(list.singletonOrThrow().softmax(1).toFloatArray(), arch.head().classes());
    }
  }
}
