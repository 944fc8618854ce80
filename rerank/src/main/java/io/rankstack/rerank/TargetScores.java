package io.rankstack.rerank;

/**
 * Fine-grained training targets, integers 0..10, for the documents of one query.
 *
 * <p><b>From a teacher</b> ({@link #fromTeacher}), as ERank does with an LLM's scores, here with
 * the best ranker we have (LambdaMART over the features, or BM25). Relevant documents are anchored
 * in the top band so that no teacher can rank a non-relevant document above a relevant one:
 * <pre>
 *   relevant:      7 + round(3 × q)   q = min-max normalised teacher score among the query's relevant documents
 *   non-relevant:      round(6 × q)   q = min-max normalised teacher score among the query's non-relevant documents
 * </pre>
 * so relevant documents get 7..10 and non-relevant ones 0..6. When a band's teacher scores are all
 * equal (or it has one document) q = 1: a lone relevant document gets 10, equally scored
 * non-relevant hard negatives get 6 (they are BM25's top hits, hence "close" misses).
 *
 * <p><b>From graded judgments</b> ({@link #fromGrade}, Cranfield's 0..4 and similar):
 * <pre>
 *   grade   ≤0   1   2   3   4+
 *   score    0   4   6   8   10
 * </pre>
 * grade 0 (judged non-relevant) and unjudged documents both map to 0.
 */
public final class TargetScores {
  private static final int[] GRADE_TABLE = {0, 4, 6, 8, 10};

  private TargetScores() {}

  /**
   * Targets from per-document teacher scores (higher = more relevant) and relevance flags.
   *
   * @throws IllegalArgumentException if the lengths differ or a teacher score is not finite
   */
  public static int[] fromTeacher(double[] teacher, boolean[] relevant) {
    if (teacher.length != relevant.length) {
      throw new IllegalArgumentException("teacher has " + teacher.length + " scores for " + relevant.length + " documents");
    }
    double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
    double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
    for (int i = 0; i < teacher.length; i++) {
      if (!Double.isFinite(teacher[i])) {
        throw new IllegalArgumentException("teacher score " + teacher[i] + " of document " + i + " is not finite");
      }
      int band = relevant[i] ? 1 : 0;
      lo[band] = Math.min(lo[band], teacher[i]);
      hi[band] = Math.max(hi[band], teacher[i]);
    }
    int[] out = new int[teacher.length];
    for (int i = 0; i < teacher.length; i++) {
      int band = relevant[i] ? 1 : 0;
      double range = hi[band] - lo[band];
      double q = range > 0 ? (teacher[i] - lo[band]) / range : 1.0;
      out[i] = relevant[i] ? 7 + (int) Math.round(3 * q) : (int) Math.round(6 * q);
    }
    return out;
  }

  /** The score of a graded judgment by the table in the class comment. */
  public static int fromGrade(int grade) {
    return grade <= 0 ? 0 : GRADE_TABLE[Math.min(grade, GRADE_TABLE.length - 1)];
  }
}
