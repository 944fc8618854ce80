package io.rankstack.bandits;

/**
 * CascadeLinUCB (Zong, Ni, Sung, Ke, Wen and Kveton, "Cascading Bandits for Large-Scale
 * Recommendation Problems", UAI 2016, Algorithm 1 with σ = 1): attraction is linear in item features,
 * w(e) ≈ x_eᵀθ, so a large or new catalogue is learnt through d parameters instead of L. Round t:
 * <pre>
 *   θ̂ = M⁻¹ b,   U(e) = min(1, x_eᵀθ̂ + α · sqrt(x_eᵀ M⁻¹ x_e)),   show the K largest U,
 *   for each observed item e with weight w ∈ {0, 1}:  M ← M + x_e x_eᵀ,  b ← b + w · x_e,
 * </pre>
 * with {@code M = λI} and {@code b = 0} at the start. M⁻¹ is kept by the Sherman–Morrison update
 * {@code M⁻¹ ← M⁻¹ - (M⁻¹x)(M⁻¹x)ᵀ / (1 + xᵀM⁻¹x)}. Defaults λ = 1, α = 1 (the paper's
 * theoretical α is far more conservative; α is a tuning parameter). No warm-up is needed: the ridge
 * term makes the first index α·sqrt(x_eᵀx_e/λ). Ties go to the lower id.
 *
 * <p>Cost: O(d²) per round for θ̂, O(L·d²) for selection, O(K·d²) for an update. With one-hot
 * features (d = L) it is CascadeUCB with a ridge estimate and width {@code α / sqrt(λ + T(e))}.
 */
public final class CascadeLinUcb implements CascadingBandit {
  private final int numItems;
  private final int listSize;
  private final int dim;
  private final double lambda;
  private final double alpha;
  private final double[] features;
  private final double[] gramInverse;
  private final double[] b;
  private long round;
  private final double[] theta;
  private final double[] tmp;
  private final double[] scores;
  private final int[] ids;
  private final double[] vals;

  /**
   * @param features item features x_e (L rows of equal length d >= 1), copied
   * @param listSize K in [1, L]
   * @param lambda ridge λ > 0
   * @param alpha exploration α >= 0
   */
  public CascadeLinUcb(double[][] features, int listSize, double lambda, double alpha) {
    this(features, listSize, lambda, alpha, null);
  }

  /** Restores a learner from its state; {@code features} must be the ones it was trained with. */
  public static CascadeLinUcb restore(BanditState.Linear state, double[][] features) {
    return new CascadeLinUcb(features, state.listSize(), state.lambda(), state.alpha(), state);
  }

  private CascadeLinUcb(double[][] features, int listSize, double lambda, double alpha, BanditState.Linear state) {
    if (features.length == 0 || features[0].length == 0) {
      throw new IllegalArgumentException("features must have at least one item and one dimension");
    }
    if (listSize < 1 || listSize > features.length) {
      throw new IllegalArgumentException("illegal list size " + listSize + ", must be in [1, " + features.length + "]");
    }
    if (!(lambda > 0) || !Double.isFinite(lambda)) {
      throw new IllegalArgumentException("illegal lambda " + lambda + ", must be a positive finite value");
    }
    if (!(alpha >= 0) || !Double.isFinite(alpha)) {
      throw new IllegalArgumentException("illegal alpha " + alpha + ", must be a non-negative finite value");
    }
    this.numItems = features.length;
    this.listSize = listSize;
    this.dim = features[0].length;
    this.lambda = lambda;
    this.alpha = alpha;
    this.features = new double[numItems * dim];
    for (int e = 0; e < numItems; e++) {
      if (features[e].length != dim) {
        throw new IllegalArgumentException("item " + e + " has " + features[e].length + " features, expected " + dim);
      }
      System.arraycopy(features[e], 0, this.features, e * dim, dim);
    }
    if (state == null) {
      gramInverse = new double[dim * dim];
      for (int i = 0; i < dim; i++) {
        gramInverse[i * dim + i] = 1.0 / lambda;
      }
      b = new double[dim];
    } else {
      if (state.numItems() != numItems || state.dim() != dim) {
        throw new IllegalArgumentException("state is for L = " + state.numItems() + ", d = " + state.dim()
            + " but features have L = " + numItems + ", d = " + dim);
      }
      gramInverse = state.gramInverse();
      b = state.b();
      round = state.round();
    }
    theta = new double[dim];
    tmp = new double[dim];
    scores = new double[numItems];
    ids = new int[listSize];
    vals = new double[listSize];
  }

  @Override
  public int[] select() {
    int d = dim;
    double[] m = gramInverse;
    for (int i = 0; i < d; i++) {
      double s = 0;
      for (int j = 0; j < d; j++) {
        s += m[i * d + j] * b[j];
      }
      theta[i] = s;
    }
    for (int e = 0; e < numItems; e++) {
      int off = e * d;
      double mean = 0;
      double quad = 0;
      for (int i = 0; i < d; i++) {
        double xi = features[off + i];
        if (xi == 0) {
          continue;
        }
        mean += xi * theta[i];
        double row = 0;
        for (int j = 0; j < d; j++) {
          row += m[i * d + j] * features[off + j];
        }
        quad += xi * row;
      }
      scores[e] = Math.min(1.0, mean + alpha * Math.sqrt(Math.max(0.0, quad)));
    }
    TopK.select(scores, numItems, listSize, ids, vals);
    return ids.clone();
  }

  @Override
  public void update(int[] list, int clickPosition) {
    if (list.length != listSize) {
      throw new IllegalArgumentException("illegal list length " + list.length + ", must be " + listSize);
    }
    ItemStats.checkList(list, numItems);
    int observed = CascadingBandit.observedCount(list.length, clickPosition);
    int d = dim;
    double[] m = gramInverse;
    for (int k = 0; k < observed; k++) {
      int off = list[k] * d;
      double denom = 1.0;
      for (int i = 0; i < d; i++) {
        double s = 0;
        for (int j = 0; j < d; j++) {
          s += m[i * d + j] * features[off + j];
        }
        tmp[i] = s;
        denom += features[off + i] * s;
      }
      for (int i = 0; i < d; i++) {
        double ti = tmp[i] / denom;
        if (ti == 0) {
          continue;
        }
        for (int j = 0; j < d; j++) {
          m[i * d + j] -= ti * tmp[j];
        }
      }
      if (k == clickPosition) {
        for (int i = 0; i < d; i++) {
          b[i] += features[off + i];
        }
      }
    }
    round++;
  }

  @Override
  public int numItems() {
    return numItems;
  }

  @Override
  public int listSize() {
    return listSize;
  }

  @Override
  public long round() {
    return round;
  }

  public int dim() {
    return dim;
  }

  @Override
  public BanditState.Linear state() {
    return new BanditState.Linear(numItems, listSize, round, lambda, alpha, dim, gramInverse, b);
  }
}
