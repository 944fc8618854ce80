package io.rankstack.core.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ranking metrics as pure functions of one query's ranking and its judgments.
 *
 * <p>Conventions shared by every function, chosen to agree with trec_eval 10.0 so that numbers from
 * here and from {@code rankstack-eval trec} match:
 * <ul>
 *   <li>{@code ranking} is the list in rank order (rank 1 first), exactly as given: ties are the
 *       caller's business (see {@code RankedList.BY_SCORE_THEN_ID}).</li>
 *   <li>{@code grades} maps judged document ids to integer grades. A document is <em>relevant</em>
 *       when its grade is at least 1; unjudged documents count as not relevant.</li>
 *   <li>A cut-off {@code k} counts ranks 1..k; a ranking shorter than {@code k} is not padded except
 *       where a definition divides by {@code k} (precision).</li>
 *   <li>A query with no relevant documents scores 0 on every metric (trec_eval's convention;
 *       callers that prefer to drop such queries must do so before averaging).</li>
 * </ul>
 */
public final class RankingMetrics {
  private RankingMetrics() {}

  /** The lowest grade that counts as relevant. */
  public static final int RELEVANT = 1;

  /**
   * Precision at k: (relevant documents in ranks 1..k) / k. Like trec_eval's {@code P_k}, the
   * denominator is k even when fewer than k documents were retrieved.
   */
  public static double precision(List<String> ranking, Map<String, Integer> grades, int k) {
    checkK(k);
    return (double) relevantIn(ranking, grades, k) / k;
  }

  /** Recall at k: (relevant documents in ranks 1..k) / (all relevant documents). */
  public static double recall(List<String> ranking, Map<String, Integer> grades, int k) {
    checkK(k);
    int rel = relevantCount(grades);
    return rel == 0 ? 0.0 : (double) relevantIn(ranking, grades, k) / rel;
  }

  /**
   * Average precision: the mean, over all relevant documents R, of precision at the rank of each
   * relevant document retrieved (a relevant document not retrieved contributes 0):
   * {@code AP = (1/|R|) * sum over relevant ranks r of (relevant in 1..r)/r}.
   */
  public static double averagePrecision(List<String> ranking, Map<String, Integer> grades) {
    return averagePrecision(ranking, grades, Math.max(1, ranking.size()));
  }

  /** Average precision counting only ranks 1..k (trec_eval's {@code map_cut_k}); divides by |R|. */
  public static double averagePrecision(List<String> ranking, Map<String, Integer> grades, int k) {
    checkK(k);
    int rel = relevantCount(grades);
    if (rel == 0) {
      return 0.0;
    }
    double sum = 0;
    int found = 0;
    int n = Math.min(k, ranking.size());
    for (int i = 0; i < n; i++) {
      if (isRelevant(grades, ranking.get(i))) {
        found++;
        sum += (double) found / (i + 1);
      }
    }
    return sum / rel;
  }

  /** Reciprocal rank: 1 / (rank of the first relevant document), 0 when none is retrieved. */
  public static double reciprocalRank(List<String> ranking, Map<String, Integer> grades) {
    for (int i = 0; i < ranking.size(); i++) {
      if (isRelevant(grades, ranking.get(i))) {
        return 1.0 / (i + 1);
      }
    }
    return 0.0;
  }

  /**
   * Discounted cumulative gain at k with linear gain (gain = grade, negative grades count as 0) and
   * discount log2(rank + 1): {@code DCG@k = sum_{r=1..k} g(r) / log2(r + 1)}. This is trec_eval's
   * {@code ndcg_cut} form (Järvelin and Kekäläinen 2002 with the log2 discount from rank 1).
   */
  public static double dcg(List<String> ranking, Map<String, Integer> grades, int k) {
    checkK(k);
    double dcg = 0;
    int n = Math.min(k, ranking.size());
    for (int i = 0; i < n; i++) {
      int g = gain(grades.get(ranking.get(i)));
      if (g > 0) {
        dcg += g / log2(i + 2);
      }
    }
    return dcg;
  }

  /**
   * Normalised DCG at k: {@link #dcg} divided by the DCG of the ideal ranking at k, the judged
   * documents sorted by descending grade. 0 when no document has a positive grade.
   */
  public static double ndcg(List<String> ranking, Map<String, Integer> grades, int k) {
    checkK(k);
    List<Integer> ideal = new ArrayList<>();
    for (int g : grades.values()) {
      if (g > 0) {
        ideal.add(g);
      }
    }
    ideal.sort((a, b) -> Integer.compare(b, a));
    double idcg = 0;
    for (int i = 0; i < Math.min(k, ideal.size()); i++) {
      idcg += ideal.get(i) / log2(i + 2);
    }
    return idcg == 0 ? 0.0 : dcg(ranking, grades, k) / idcg;
  }

  /**
   * Expected reciprocal rank at k (Chapelle et al., CIKM 2009), the cascade model's expected
   * 1/(rank where the user stops): {@code ERR@k = sum_{r=1..k} (1/r) R_r prod_{i<r} (1 - R_i)} with
   * stopping probability {@code R = (2^g - 1) / 2^maxGrade} for grade g (negative grades as 0).
   *
   * @param maxGrade the highest grade of the collection's scale; grades above it are an error
   */
  public static double err(List<String> ranking, Map<String, Integer> grades, int k, int maxGrade) {
    checkK(k);
    if (maxGrade < 1) {
      throw new IllegalArgumentException("maxGrade must be at least 1: " + maxGrade);
    }
    double norm = Math.pow(2, maxGrade);
    double notStopped = 1.0;
    double err = 0;
    int n = Math.min(k, ranking.size());
    for (int i = 0; i < n; i++) {
      int g = gain(grades.get(ranking.get(i)));
      if (g > maxGrade) {
        throw new IllegalArgumentException("grade " + g + " of " + ranking.get(i) + " exceeds maxGrade " + maxGrade);
      }
      double stop = (Math.pow(2, g) - 1) / norm;
      err += notStopped * stop / (i + 1);
      notStopped *= 1 - stop;
    }
    return err;
  }

  /** Number of judged documents with grade at least {@link #RELEVANT}. */
  public static int relevantCount(Map<String, Integer> grades) {
    int n = 0;
    for (int g : grades.values()) {
      if (g >= RELEVANT) {
        n++;
      }
    }
    return n;
  }

  private static int relevantIn(List<String> ranking, Map<String, Integer> grades, int k) {
    int n = Math.min(k, ranking.size());
    int rel = 0;
    for (int i = 0; i < n; i++) {
      if (isRelevant(grades, ranking.get(i))) {
        rel++;
      }
    }
    return rel;
  }

  private static boolean isRelevant(Map<String, Integer> grades, String docId) {
    Integer g = grades.get(docId);
    return g != null && g >= RELEVANT;
  }

  private static int gain(Integer grade) {
    return grade == null || grade < 0 ? 0 : grade;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  private static void checkK(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("cut-off k must be at least 1: " + k);
    }
  }
}
