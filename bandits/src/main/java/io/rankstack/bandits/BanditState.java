package io.rankstack.bandits;

import java.util.Arrays;
import java.util.Objects;

/**
 * The whole learning state of a {@link CascadingBandit}, as a plain immutable value (arrays are
 * copied in and out). Encoded by {@link BanditStateCodec}; turned back into a learner by
 * {@link BanditStates#restore}.
 */
public sealed interface BanditState permits BanditState.Counts, BanditState.Linear {
  /** The number of completed rounds. */
  long round();

  /** K. */
  int listSize();

  /** Which algorithm a {@link Counts} state belongs to. */
  enum Algorithm {
    UCB1, KL_UCB, THOMPSON
  }

  /**
   * Per-item Bernoulli statistics: {@code pulls[e]} = T(e), the number of times item e was observed,
   * and {@code clicks[e]} the number of those observations that were attractive, so ŵ(e) =
   * clicks[e] / pulls[e]. {@code exploration} is the algorithm's constant (1.5 for CascadeUCB1's
   * {@code sqrt(1.5 log t / T)}, c = 3 for KL-UCB's {@code log t + c log log t}, unused (0) for
   * Thompson sampling); {@code seed} is Thompson sampling's seed (0 otherwise).
   */
  record Counts(Algorithm algorithm, int listSize, long round, double exploration, long seed,
                long[] pulls, long[] clicks) implements BanditState {
    public Counts {
      Objects.requireNonNull(algorithm, "algorithm");
      Objects.requireNonNull(pulls, "pulls");
      Objects.requireNonNull(clicks, "clicks");
      if (pulls.length != clicks.length || pulls.length == 0) {
        throw new IllegalArgumentException("pulls and clicks must have the same non-zero length, got "
            + pulls.length + " and " + clicks.length);
      }
      if (listSize < 1 || listSize > pulls.length) {
        throw new IllegalArgumentException("illegal list size " + listSize + " for " + pulls.length + " items");
      }
      if (round < 0) {
        throw new IllegalArgumentException("illegal round " + round + ", must be >= 0");
      }
      if (!Double.isFinite(exploration) || exploration < 0) {
        throw new IllegalArgumentException("illegal exploration " + exploration + ", must be finite and >= 0");
      }
      pulls = pulls.clone();
      clicks = clicks.clone();
      for (int e = 0; e < pulls.length; e++) {
        if (pulls[e] < 0 || clicks[e] < 0 || clicks[e] > pulls[e]) {
          throw new IllegalArgumentException("illegal counts for item " + e + ": clicks " + clicks[e] + ", pulls " + pulls[e]);
        }
      }
    }

    @Override
    public long[] pulls() {
      return pulls.clone();
    }

    @Override
    public long[] clicks() {
      return clicks.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Counts c && algorithm == c.algorithm && listSize == c.listSize && round == c.round
          && Double.compare(exploration, c.exploration) == 0 && seed == c.seed
          && Arrays.equals(pulls, c.pulls) && Arrays.equals(clicks, c.clicks);
    }

    @Override
    public int hashCode() {
      return Objects.hash(algorithm, listSize, round, exploration, seed, Arrays.hashCode(pulls), Arrays.hashCode(clicks));
    }

    @Override
    public String toString() {
      return "Counts[" + algorithm + ", K=" + listSize + ", round=" + round + ", L=" + pulls.length + "]";
    }
  }

  /**
   * CascadeLinUCB's state: ridge parameter λ, exploration α, the inverse Gram matrix
   * {@code M^-1} (d×d, row-major), where {@code M = λI + Σ x xᵀ} over observed items, and
   * {@code b = Σ x·w} over observed items. Item features are configuration, not state.
   */
  record Linear(int numItems, int listSize, long round, double lambda, double alpha, int dim,
                double[] gramInverse, double[] b) implements BanditState {
    public Linear {
      Objects.requireNonNull(gramInverse, "gramInverse");
      Objects.requireNonNull(b, "b");
      if (dim < 1 || gramInverse.length != dim * dim || b.length != dim) {
        throw new IllegalArgumentException("illegal dimensions: d = " + dim + ", |M^-1| = " + gramInverse.length + ", |b| = " + b.length);
      }
      if (listSize < 1 || listSize > numItems) {
        throw new IllegalArgumentException("illegal list size " + listSize + " for " + numItems + " items");
      }
      if (round < 0 || !(lambda > 0) || !Double.isFinite(lambda) || !(alpha >= 0) || !Double.isFinite(alpha)) {
        throw new IllegalArgumentException("illegal round/lambda/alpha: " + round + ", " + lambda + ", " + alpha);
      }
      gramInverse = gramInverse.clone();
      b = b.clone();
    }

    @Override
    public double[] gramInverse() {
      return gramInverse.clone();
    }

    @Override
    public double[] b() {
      return b.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Linear l && numItems == l.numItems && listSize == l.listSize && round == l.round
          && Double.compare(lambda, l.lambda) == 0 && Double.compare(alpha, l.alpha) == 0 && dim == l.dim
          && Arrays.equals(gramInverse, l.gramInverse) && Arrays.equals(b, l.b);
    }

    @Override
    public int hashCode() {
      return Objects.hash(numItems, listSize, round, lambda, alpha, dim, Arrays.hashCode(gramInverse), Arrays.hashCode(b));
    }

    @Override
    public String toString() {
      return "Linear[L=" + numItems + ", K=" + listSize + ", round=" + round + ", d=" + dim + "]";
    }
  }
}
