package io.rankstack.ltr.dla;

/**
 * The loss math of DLA (Ai et al., SIGIR 2018) in plain Java, the reference that the DJL training
 * graph is tested against.
 *
 * <p>Weighted softmax cross-entropy over a batch of lists, with {@code c} the clicks (or click
 * counts), {@code w} the weights and {@code s} the scores of list i:
 * <pre>  L = − Σ_i Σ_k c_ik w_ik log softmax(s_i)_k  /  Σ_i Σ_k c_ik w_ik </pre>
 * (ULTRA's {@code softmax_loss}: per-list cross-entropy against the normalised label distribution,
 * scaled by the list's label mass, summed and normalised by the batch's label mass). The ranker's
 * loss uses inverse propensity weights, the propensity model's loss inverse relevance weights;
 * both come from {@link #normalizedInverseWeights}. Because the loss is linear in c, summing the
 * clicks of identical lists gives exactly the loss of the sessions listed one by one.
 */
public final class DlaLoss {
  private DlaLoss() {}

  /** Softmax of one vector (max-shifted, so large logits do not overflow). */
  public static double[] softmax(double[] logits) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : logits) {
      max = Math.max(max, v);
    }
    double sum = 0;
    double[] p = new double[logits.length];
    for (int k = 0; k < p.length; k++) {
      p[k] = Math.exp(logits[k] - max);
      sum += p[k];
    }
    for (int k = 0; k < p.length; k++) {
      p[k] /= sum;
    }
    return p;
  }

  /**
   * DLA's normalised inverse weights from a probability vector p over the positions of a list:
   * {@code w_k = p_0 / p_k}, then {@code min(w_k, maxWeight)} when {@code maxWeight > 0}.
   * From the propensity softmax these are the IPW weights, from the ranker's softmax the IRW.
   */
  public static double[] normalizedInverseWeights(double[] p, double maxWeight) {
    double[] w = new double[p.length];
    for (int k = 0; k < p.length; k++) {
      w[k] = p[0] / p[k];
      if (maxWeight > 0) {
        w[k] = Math.min(w[k], maxWeight);
      }
    }
    return w;
  }

  /** The loss of one list (a batch of one). */
  public static double softmaxCrossEntropy(double[] scores, double[] clicks, double[] weights) {
    return softmaxCrossEntropy(new double[][] {scores}, new double[][] {clicks}, new double[][] {weights});
  }

  /**
   * The batch loss L above; lists may differ in length (each row of the three arrays is one list).
   *
   * @throws IllegalArgumentException when rows disagree in length, or the batch has no weighted click
   */
  public static double softmaxCrossEntropy(double[][] scores, double[][] clicks, double[][] weights) {
    if (scores.length != clicks.length || scores.length != weights.length) {
      throw new IllegalArgumentException("batch sizes differ: " + scores.length + " scores, " + clicks.length + " clicks, " + weights.length + " weights");
    }
    double num = 0;
    double mass = 0;
    for (int i = 0; i < scores.length; i++) {
      double[] s = scores[i];
      if (clicks[i].length != s.length || weights[i].length != s.length) {
        throw new IllegalArgumentException("list " + i + ": " + s.length + " scores, " + clicks[i].length + " clicks, " + weights[i].length + " weights");
      }
      double max = Double.NEGATIVE_INFINITY;
      for (double v : s) {
        max = Math.max(max, v);
      }
      double z = 0;
      for (double v : s) {
        z += Math.exp(v - max);
      }
      double logZ = max + Math.log(z);
      for (int k = 0; k < s.length; k++) {
        double cw = clicks[i][k] * weights[i][k];
        if (cw != 0) {
          num -= cw * (s[k] - logZ);
          mass += cw;
        }
      }
    }
    if (!(mass > 0)) {
      throw new IllegalArgumentException("the batch has no weighted click (sum of click * weight is " + mass + ")");
    }
    return num / mass;
  }
}
