package io.rankstack.eval.tsp;

import io.rankstack.core.Shuffle;
import io.rankstack.ltr.tsp.DecodedPath;
import io.rankstack.ltr.tsp.ExactPathDecoder;
import io.rankstack.ltr.tsp.PathDecoder;
import io.rankstack.ltr.tsp.TspList;
import io.rankstack.ltr.tsp.TspRankConfig;
import io.rankstack.ltr.tsp.TspRankModel;
import io.rankstack.ltr.tsp.TspRankTrainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * TSPRank reranking a first stage's top k (experiment 1 of issue 3). Data-source neutral: it takes
 * queries as feature matrices with grades plus first-stage scores, so the shared LETOR reader and a
 * LambdaMART first stage can be plugged in later.
 *
 * <p>Pipeline: per query, sort documents by first-stage score (ties by input order) and keep the
 * top k; z-score every feature with the mean and standard deviation over the training queries' top-k
 * documents (constant features become 0); optionally append the first-stage score, z-scored the
 * same way; train TSPRank on the training lists; on each test query decode the top k exactly and
 * keep the first-stage order below k. nDCG uses every judged document of the query for the ideal.
 */
final class TspRankExperiment {
  static final int[] CUTOFFS = {1, 3, 5, 10};

  /** One query: documents, features, grades, first-stage scores (all aligned). */
  record QueryData(String id, String[] docIds, float[][] features, int[] grades, double[] firstStage) {}

  /** A method's mean metrics over the test queries: linear then exponential gain at {@link #CUTOFFS}. */
  record Row(String method, String seed, double[] linear, double[] exponential, double trainSeconds, String note) {}

  private final List<QueryData> train;
  private final List<QueryData> test;
  private final int topK;
  private final boolean firstStageFeature;
  private final PathDecoder decoder;
  private final List<TspList> trainLists;
  private final List<TspList> testLists;

  TspRankExperiment(List<QueryData> train, List<QueryData> test, int topK, boolean firstStageFeature) {
    if (topK < 2 || topK > 30) {
      throw new IllegalArgumentException("illegal top-k " + topK + ", must be in 2..30 (exact decoding)");
    }
    this.train = train;
    this.test = test;
    this.topK = topK;
    this.firstStageFeature = firstStageFeature;
    this.decoder = new ExactPathDecoder();
    float[][] stats = standardisation();
    this.trainLists = lists(train, stats);
    this.testLists = lists(test, stats);
  }

  List<TspList> trainLists() {
    return trainLists;
  }

  /** First-stage order of a query: indices by descending score, ties by index. */
  static int[] firstStageOrder(double[] scores) {
    return IntStream.range(0, scores.length).boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt(i -> i))
        .mapToInt(Integer::intValue).toArray();
  }

  /** Mean and sd (rows 0 and 1) of each feature (and the first-stage score last) over train top-k docs. */
  private float[][] standardisation() {
    int d = train.get(0).features()[0].length + (firstStageFeature ? 1 : 0);
    double[] sum = new double[d];
    double[] sq = new double[d];
    long count = 0;
    for (QueryData q : train) {
      int[] order = firstStageOrder(q.firstStage());
      for (int r = 0; r < Math.min(topK, order.length); r++) {
        double[] v = raw(q, order[r]);
        for (int f = 0; f < d; f++) {
          sum[f] += v[f];
          sq[f] += v[f] * v[f];
        }
        count++;
      }
    }
    float[][] out = new float[2][d];
    for (int f = 0; f < d; f++) {
      double mean = sum[f] / count;
      double var = Math.max(0, sq[f] / count - mean * mean);
      out[0][f] = (float) mean;
      out[1][f] = var < 1e-12 ? 0f : (float) Math.sqrt(var);
    }
    return out;
  }

  private double[] raw(QueryData q, int doc) {
    float[] x = q.features()[doc];
    double[] v = new double[x.length + (firstStageFeature ? 1 : 0)];
    for (int f = 0; f < x.length; f++) {
      v[f] = x[f];
    }
    if (firstStageFeature) {
      v[x.length] = q.firstStage()[doc];
    }
    return v;
  }

  private List<TspList> lists(List<QueryData> qs, float[][] stats) {
    List<TspList> out = new ArrayList<>();
    for (QueryData q : qs) {
      int[] order = firstStageOrder(q.firstStage());
      int n = Math.min(topK, order.length);
      String[] ids = new String[n];
      float[][] x = new float[n][];
      int[] g = new int[n];
      for (int r = 0; r < n; r++) {
        double[] v = raw(q, order[r]);
        x[r] = new float[v.length];
        for (int f = 0; f < v.length; f++) {
          x[r][f] = stats[1][f] == 0 ? 0f : (float) ((v[f] - stats[0][f]) / stats[1][f]);
        }
        ids[r] = q.docIds()[order[r]];
        g[r] = q.grades()[order[r]];
      }
      out.add(new TspList(q.id(), ids, x, g));
    }
    return out;
  }

  /** Evaluates full rankings, one per test query. */
  Row evaluate(String method, String seed, List<List<String>> rankings, double trainSeconds, String note) {
    double[] lin = new double[CUTOFFS.length];
    double[] exp = new double[CUTOFFS.length];
    for (int q = 0; q < test.size(); q++) {
      Map<String, Integer> grades = grades(test.get(q));
      for (int c = 0; c < CUTOFFS.length; c++) {
        lin[c] += GradedNdcg.LINEAR.at(rankings.get(q), grades, CUTOFFS[c]) / test.size();
        exp[c] += GradedNdcg.EXPONENTIAL.at(rankings.get(q), grades, CUTOFFS[c]) / test.size();
      }
    }
    return new Row(method, seed, lin, exp, trainSeconds, note);
  }

  private static Map<String, Integer> grades(QueryData q) {
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i < q.docIds().length; i++) {
      m.put(q.docIds()[i], q.grades()[i]);
    }
    return m;
  }

  /** The full ranking of test query q when its top k are put in {@code topOrder} (indices into the top-k list). */
  List<String> withTop(int q, int[] topOrder) {
    QueryData data = test.get(q);
    int[] order = firstStageOrder(data.firstStage());
    List<String> out = new ArrayList<>();
    String[] top = testLists.get(q).docIds();
    for (int i : topOrder) {
      out.add(top[i]);
    }
    for (int r = top.length; r < order.length; r++) {
      out.add(data.docIds()[order[r]]);
    }
    return out;
  }

  Row firstStage(String name) {
    List<List<String>> rankings = new ArrayList<>();
    for (int q = 0; q < test.size(); q++) {
      rankings.add(withTop(q, IntStream.range(0, testLists.get(q).size()).toArray()));
    }
    return evaluate(name, "-", rankings, 0, "first-stage order");
  }

  Row idealTop() {
    List<List<String>> rankings = new ArrayList<>();
    for (int q = 0; q < test.size(); q++) {
      rankings.add(withTop(q, testLists.get(q).goldOrder()));
    }
    return evaluate("ideal top-" + topK + " rerank (upper bound)", "-", rankings, 0, "oracle: grades known");
  }

  Row randomTop(int seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<List<String>> rankings = new ArrayList<>();
    for (int q = 0; q < test.size(); q++) {
      int[] p = Shuffle.permutation(testLists.get(q).size(), r);
      rankings.add(withTop(q, p));
    }
    return evaluate("random top-" + topK + " shuffle", Integer.toString(seed), rankings, 0, "floor");
  }

  /**
   * Trains TSPRank and evaluates its exact reranking of the test top k. With a validation fraction
   * f &gt; 0 the number of epochs is chosen on the training data only: a seeded f of the training
   * queries is held out, a model is trained on the rest for up to {@code config.epochs()} epochs,
   * the epoch with the best mean validation nDCG@10 (linear gain, within the top-k lists, earliest
   * on ties) is kept, and the final model is retrained on all training queries for that many epochs.
   */
  Row tspRank(TspRankConfig config, double validationFraction, Consumer<String> log) {
    long t0 = System.nanoTime();
    int epochs = config.epochs();
    String chosen = "fixed " + epochs + " epochs";
    if (validationFraction > 0) {
      List<TspList> shuffled = new ArrayList<>(trainLists);
      SplittableRandom r = new SplittableRandom(config.seed() + 7919L);
      Shuffle.inPlace(shuffled, r);
      int nVal = (int) Math.round(validationFraction * shuffled.size());
      List<TspList> val = new ArrayList<>(shuffled.subList(0, nVal));
      List<TspList> fit = new ArrayList<>(shuffled.subList(nVal, shuffled.size()));
      double[] score = new double[config.epochs() + 1];
      new TspRankTrainer(config).train(fit, (stats, view) -> {
        score[stats.epoch()] = listNdcg10(view, val);
        log.accept(String.format(java.util.Locale.ROOT, "epoch %d local %.4f global %.4f validation nDCG@10 %.4f",
            stats.epoch(), stats.localLoss(), stats.globalLoss(), score[stats.epoch()]));
      }).close();
      int best = 1;
      for (int e = 2; e <= config.epochs(); e++) {
        if (score[e] > score[best]) {
          best = e;
        }
      }
      epochs = best;
      chosen = String.format(java.util.Locale.ROOT,
          "%d epochs chosen on %d validation queries (top-k nDCG@10 %.4f; first-stage order %.4f)",
          best, nVal, score[best], identityNdcg10(val));
    }
    TspRankConfig finalConfig = config.withEpochs(epochs);
    try (TspRankModel model = new TspRankTrainer(finalConfig).train(new ArrayList<>(trainLists), (TspRankTrainer.EpochStats e) -> { })) {
      double seconds = (System.nanoTime() - t0) / 1e9;
      List<List<String>> rankings = new ArrayList<>();
      int exact = 0;
      for (int q = 0; q < test.size(); q++) {
        TspList l = testLists.get(q);
        DecodedPath p = model.rank(l.features(), decoder);
        exact += p.exact() ? 1 : 0;
        rankings.add(withTop(q, p.order()));
      }
      String method = "TSPRank " + config.mode().name().toLowerCase(java.util.Locale.ROOT)
          + (config.encoderLayers() > 0 ? " +enc" + config.encoderLayers() : "");
      return evaluate(method, Integer.toString(config.seed()), rankings, seconds,
          chosen + "; " + exact + "/" + test.size() + " test lists decoded exactly");
    }
  }

  /** Mean nDCG@10 (linear gain) of the first-stage order within each top-k list. */
  private static double identityNdcg10(List<TspList> lists) {
    double sum = 0;
    for (TspList l : lists) {
      Map<String, Integer> g = new HashMap<>();
      for (int i = 0; i < l.size(); i++) {
        g.put(l.docIds()[i], l.grades()[i]);
      }
      sum += GradedNdcg.LINEAR.at(List.of(l.docIds()), g, 10);
    }
    return sum / lists.size();
  }

  /** Mean nDCG@10 (linear gain) of the model's exact decoding within each top-k list. */
  private double listNdcg10(TspRankModel model, List<TspList> lists) {
    double sum = 0;
    for (TspList l : lists) {
      int[] order = model.rank(l.features(), decoder).order();
      String[] ids = l.docIds();
      List<String> ranking = new ArrayList<>();
      Map<String, Integer> g = new HashMap<>();
      for (int i = 0; i < ids.length; i++) {
        ranking.add(ids[order[i]]);
        g.put(ids[i], l.grades()[i]);
      }
      sum += GradedNdcg.LINEAR.at(ranking, g, 10);
    }
    return sum / lists.size();
  }

  static double[] mean(List<double[]> v) {
    double[] m = new double[v.get(0).length];
    for (double[] x : v) {
      for (int i = 0; i < m.length; i++) {
        m[i] += x[i] / v.size();
      }
    }
    return m;
  }

  static double[] sd(List<double[]> v) {
    double[] m = mean(v);
    double[] s = new double[m.length];
    if (v.size() < 2) {
      return s;
    }
    for (double[] x : v) {
      for (int i = 0; i < m.length; i++) {
        s[i] += (x[i] - m[i]) * (x[i] - m[i]) / (v.size() - 1);
      }
    }
    return Arrays.stream(s).map(Math::sqrt).toArray();
  }
}
