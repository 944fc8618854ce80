package io.rankstack.rerank;

/**
 * The group-relative pieces of ERank's reinforcement-learning stage (GRPO, Shao et al. 2024, as
 * used in ERank, arXiv 2509.00520, section 3.3): global ranks of sampled scores, the listwise
 * reward r_RR per rollout, and group-normalised advantages. Pure functions on arrays; the
 * differentiable objective lives in {@link RerankTrainer}.
 */
public final class Grpo {
  /** Added to the group's standard deviation so that a group of equal rewards gets advantage 0. */
  public static final double STD_EPSILON = 1e-6;

  private Grpo() {}

  /**
   * Competition ranks ("1224"): rank = 1 + the number of strictly larger scores, so tied scores
   * share the minimum rank. Example: [8, 8, 5, 3] → [1, 1, 3, 4].
   */
  public static int[] minRanks(int[] scores) {
    int[] ranks = new int[scores.length];
    for (int i = 0; i < scores.length; i++) {
      int above = 0;
      for (int s : scores) {
        if (s > scores[i]) {
          above++;
        }
      }
      ranks[i] = above + 1;
    }
    return ranks;
  }

  /**
   * Advantages within one document's group of G rollouts: {@code (r − mean) / (std + 1e-6)} with
   * the sample standard deviation (divisor G − 1). Example: [1, 0, 0.5, 0.5, 1] → [0.956, −1.434,
   * −0.239, −0.239, 0.956].
   *
   * @throws IllegalArgumentException for fewer than two rewards (the sample std is undefined)
   */
  public static double[] advantages(double[] rewards) {
    int g = rewards.length;
    if (g < 2) {
      throw new IllegalArgumentException("a group needs at least 2 rollouts, got " + g);
    }
    double mean = 0;
    for (double r : rewards) {
      mean += r;
    }
    mean /= g;
    double ss = 0;
    for (double r : rewards) {
      ss += (r - mean) * (r - mean);
    }
    double std = Math.sqrt(ss / (g - 1));
    double[] a = new double[g];
    for (int i = 0; i < g; i++) {
      a[i] = (rewards[i] - mean) / (std + STD_EPSILON);
    }
    return a;
  }

  /**
   * The listwise reward r_RR of every rollout of one query. All N×G sampled scores are ranked
   * together by {@link #minRanks}; with r a rollout's rank, s its sampled score and the parameters p:
   * <ul>
   *   <li>relevant document: {@code p.relevantWeight / r} (reciprocal rank; with
   *       {@code p.tiesAgainstRelevant}, r also counts the non-relevant rollouts tied with it);</li>
   *   <li>non-relevant document ranked strictly above at least one relevant rollout:
   *       {@code −p.penalty / r} (the higher it intrudes, the larger the penalty; with
   *       {@code p.tiesAgainstRelevant}, a tie with the lowest relevant rollout counts as above it);</li>
   *   <li>non-relevant document with no relevant rollout below it (all relevant rollouts rank at or
   *       above it, or the list has none): {@code −p.anchorWeight × ((s − s_sft) / 10)²}, which keeps
   *       the score of a harmless non-relevant document near the SFT model's score {@code s_sft}.</li>
   * </ul>
   *
   * @param sampled   sampled integer scores, {@code sampled[doc][g]}
   * @param relevant  per document, whether it is relevant
   * @param sftScores per document, the SFT model's predicted score (its argmax)
   * @return rewards, {@code [doc][g]}
   */
  public static double[][] rewards(int[][] sampled, boolean[] relevant, int[] sftScores, RewardParameters p) {
    int n = sampled.length;
    if (relevant.length != n || sftScores.length != n) {
      throw new IllegalArgumentException("sampled, relevant and sftScores must have the same length");
    }
    if (n == 0) {
      return new double[0][];
    }
    int g = sampled[0].length;
    int[] flat = new int[n * g];
    for (int i = 0; i < n; i++) {
      if (sampled[i].length != g) {
        throw new IllegalArgumentException("document " + i + " has " + sampled[i].length + " rollouts, expected " + g);
      }
      System.arraycopy(sampled[i], 0, flat, i * g, g);
    }
    int[] ranks = minRanks(flat);
    boolean anyRelevant = false;
    int lowestRelevant = Integer.MAX_VALUE; // lowest sampled score of a relevant rollout
    int[] nonRelevantAt = new int[ScoreHead.MAX_SCORE + 2]; // non-relevant rollouts per sampled score
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < g; k++) {
        if (relevant[i]) {
          anyRelevant = true;
          lowestRelevant = Math.min(lowestRelevant, sampled[i][k]);
        } else if (sampled[i][k] >= 0 && sampled[i][k] < nonRelevantAt.length) {
          nonRelevantAt[sampled[i][k]]++;
        }
      }
    }
    double[][] out = new double[n][g];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < g; k++) {
        int r = ranks[i * g + k];
        int s = sampled[i][k];
        if (relevant[i]) {
          // pessimistic tie-break: tied non-relevant rollouts count as ranked above this one
          int tiedNonRelevant = p.tiesAgainstRelevant() && s >= 0 && s < nonRelevantAt.length ? nonRelevantAt[s] : 0;
          out[i][k] = p.relevantWeight() / (r + tiedNonRelevant);
        } else if (anyRelevant && (s > lowestRelevant || (p.tiesAgainstRelevant() && s == lowestRelevant))) {
          out[i][k] = -p.penalty() / r;
        } else {
          double d = (s - sftScores[i]) / (double) ScoreHead.MAX_SCORE;
          out[i][k] = -p.anchorWeight() * d * d;
        }
      }
    }
    return out;
  }
}
