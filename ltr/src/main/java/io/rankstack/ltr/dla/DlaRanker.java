package io.rankstack.ltr.dla;

import java.util.ArrayList;
import java.util.List;

/**
 * The ranker f that DLA (and the IPW baselines) learn, evaluated in plain Java: features are
 * standardised with the training lists' mean and standard deviation, then passed through the
 * feed-forward network {@code h_{l+1} = ELU(h_l W_l + b_l)} (ELU with α = 1) and a final linear
 * layer to one score. With no hidden layer it is linear. Immutable; thread-safe.
 */
public final class DlaRanker {
  /** Kind written in {@code model.json}. */
  public static final String KIND = "dla-ranker";

  private final float[] mean;
  private final float[] scale;
  private final List<float[]> weights; // layer l: [in * out], row-major (in, out)
  private final List<float[]> biases;
  private final int[] widths; // input width, hidden widths..., 1

  /**
   * @param mean    per-feature mean subtracted before scoring
   * @param scale   per-feature divisor (positive)
   * @param weights layer weights, row-major (in, out), the last layer's out = 1
   * @param biases  layer biases
   */
  public DlaRanker(float[] mean, float[] scale, List<float[]> weights, List<float[]> biases) {
    if (mean.length != scale.length || weights.isEmpty() || weights.size() != biases.size()) {
      throw new IllegalArgumentException("inconsistent ranker: " + mean.length + " means, " + scale.length + " scales, "
          + weights.size() + " weight and " + biases.size() + " bias layers");
    }
    this.mean = mean.clone();
    this.scale = scale.clone();
    this.weights = new ArrayList<>();
    this.biases = new ArrayList<>();
    widths = new int[weights.size() + 1];
    widths[0] = mean.length;
    for (int l = 0; l < weights.size(); l++) {
      int out = biases.get(l).length;
      if (weights.get(l).length != widths[l] * out) {
        throw new IllegalArgumentException("layer " + l + " has " + weights.get(l).length + " weights, expected " + widths[l] + " x " + out);
      }
      widths[l + 1] = out;
      this.weights.add(weights.get(l).clone());
      this.biases.add(biases.get(l).clone());
    }
    if (widths[widths.length - 1] != 1) {
      throw new IllegalArgumentException("the last layer must have one output, has " + widths[widths.length - 1]);
    }
    for (float s : scale) {
      if (!(s > 0)) {
        throw new IllegalArgumentException("scales must be positive: " + s);
      }
    }
  }

  /** Input width. */
  public int featureCount() {
    return mean.length;
  }

  /** Hidden widths (empty for a linear ranker). */
  public List<Integer> hidden() {
    List<Integer> h = new ArrayList<>();
    for (int l = 1; l < widths.length - 1; l++) {
      h.add(widths[l]);
    }
    return h;
  }

  /** The score of one feature vector (higher ranks first). */
  public double score(float[] x) {
    if (x.length != mean.length) {
      throw new IllegalArgumentException("expected " + mean.length + " features, got " + x.length);
    }
    double[] h = new double[x.length];
    for (int j = 0; j < x.length; j++) {
      h[j] = (x[j] - mean[j]) / scale[j];
    }
    for (int l = 0; l < weights.size(); l++) {
      float[] w = weights.get(l);
      float[] b = biases.get(l);
      int out = b.length;
      double[] next = new double[out];
      for (int o = 0; o < out; o++) {
        next[o] = b[o];
      }
      for (int i = 0; i < h.length; i++) {
        double hi = h[i];
        if (hi != 0) {
          int row = i * out;
          for (int o = 0; o < out; o++) {
            next[o] += hi * w[row + o];
          }
        }
      }
      if (l + 1 < weights.size()) {
        for (int o = 0; o < out; o++) {
          next[o] = next[o] > 0 ? next[o] : Math.expm1(next[o]);
        }
      }
      h = next;
    }
    return h[0];
  }

  /** Scores of several vectors. */
  public double[] scores(float[][] xs) {
    double[] s = new double[xs.length];
    for (int i = 0; i < xs.length; i++) {
      s[i] = score(xs[i]);
    }
    return s;
  }

  float[] mean() {
    return mean.clone();
  }

  float[] scale() {
    return scale.clone();
  }

  List<float[]> weights() {
    return weights.stream().map(float[]::clone).toList();
  }

  List<float[]> biases() {
    return biases.stream().map(float[]::clone).toList();
  }
}
