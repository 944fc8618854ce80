package io.rankstack.bandits.rl;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A tabular episodic cascading MDP (Du, Srikant and Chen, "Cascading Reinforcement Learning",
 * ICLR 2024): S states, N items, horizon H, lists of at most m items. In state s the agent shows
 * a list A; the user examines it from the top and clicks item a with probability q(s, a) (the
 * first click ends the examination). A click yields reward r(s, a) ∈ [0, 1] and moves the state by
 * p(·|s, a); no click yields 0 and moves it by p(·|s, ⊥). The initial state is drawn from μ.
 *
 * <p>With {@code w(s, a) = r(s, a) + p(·|s, a)ᵀV_{h+1}} and {@code w(s, ⊥) = p(·|s, ⊥)ᵀV_{h+1}},
 * <pre>  Q_h(s, A) = Σ_i Π_{j<i} (1 - q(s, a_j)) q(s, a_i) w(s, a_i) + Π_j (1 - q(s, a_j)) w(s, ⊥), </pre>
 * so {@link #optimalPolicy} is backward induction with {@link BestPerm} in every state.
 * Immutable (arrays are copied).
 */
public final class CascadingMdp {
  private final int states;
  private final int items;
  private final int horizon;
  private final int maxLength;
  private final double[][] attraction;
  private final double[][] reward;
  private final double[][][] clickTransition;
  private final double[][] noClickTransition;
  private final double[] initial;

  /**
   * @param attraction q[s][a] in [0, 1]
   * @param reward r[s][a] in [0, 1]
   * @param clickTransition p[s][a][s'], each row a distribution
   * @param noClickTransition p[s][⊥][s'], each row a distribution
   * @param initial μ[s], a distribution
   * @param horizon H >= 1
   * @param maxLength m >= 1
   */
  public CascadingMdp(double[][] attraction, double[][] reward, double[][][] clickTransition,
                      double[][] noClickTransition, double[] initial, int horizon, int maxLength) {
    this.states = attraction.length;
    if (states == 0 || attraction[0].length == 0) {
      throw new IllegalArgumentException("need at least one state and one item");
    }
    this.items = attraction[0].length;
    if (horizon < 1 || maxLength < 1) {
      throw new IllegalArgumentException("illegal H = " + horizon + " or m = " + maxLength + ", both must be >= 1");
    }
    this.horizon = horizon;
    this.maxLength = maxLength;
    this.attraction = new double[states][];
    this.reward = new double[states][];
    this.clickTransition = new double[states][items][];
    this.noClickTransition = new double[states][];
    checkDistribution(initial, "μ");
    this.initial = initial.clone();
    for (int s = 0; s < states; s++) {
      this.attraction[s] = checkUnit(attraction[s], "q", s);
      this.reward[s] = checkUnit(reward[s], "r", s);
      for (int a = 0; a < items; a++) {
        checkDistribution(clickTransition[s][a], "p(·|" + s + "," + a + ")");
        this.clickTransition[s][a] = clickTransition[s][a].clone();
      }
      checkDistribution(noClickTransition[s], "p(·|" + s + ",⊥)");
      this.noClickTransition[s] = noClickTransition[s].clone();
    }
  }

  private double[] checkUnit(double[] v, String name, int s) {
    Objects.requireNonNull(v, name);
    if (v.length != items) {
      throw new IllegalArgumentException(name + "[" + s + "] has " + v.length + " items, expected " + items);
    }
    for (int a = 0; a < items; a++) {
      if (!(v[a] >= 0 && v[a] <= 1)) {
        throw new IllegalArgumentException("illegal " + name + "(" + s + ", " + a + ") = " + v[a] + ", must be in [0, 1]");
      }
    }
    return v.clone();
  }

  private void checkDistribution(double[] p, String name) {
    if (p == null || p.length != states) {
      throw new IllegalArgumentException(name + " must have " + states + " entries");
    }
    double sum = 0;
    for (double x : p) {
      if (!(x >= 0)) {
        throw new IllegalArgumentException(name + " has a negative or NaN entry");
      }
      sum += x;
    }
    if (Math.abs(sum - 1) > 1e-9) {
      throw new IllegalArgumentException(name + " sums to " + sum + ", not 1");
    }
  }

  public int states() {
    return states;
  }

  public int items() {
    return items;
  }

  public int horizon() {
    return horizon;
  }

  public int maxLength() {
    return maxLength;
  }

  public double attraction(int s, int a) {
    return attraction[s][a];
  }

  public double reward(int s, int a) {
    return reward[s][a];
  }

  public double[] initial() {
    return initial.clone();
  }

  /** A deterministic non-stationary policy: {@code lists[h][s]} is the list shown at step h (0-based) in state s. */
  public record Policy(int[][][] lists) {}

  /** The outcome of one step. */
  public record Step(int clickPosition, double reward, int nextState) {}

  /** Simulates one step from state s with list A. */
  public Step step(int s, int[] list, SplittableRandom rng) {
    for (int i = 0; i < list.length; i++) {
      int a = list[i];
      if (rng.nextDouble() < attraction[s][a]) {
        return new Step(i, reward[s][a], draw(clickTransition[s][a], rng));
      }
    }
    return new Step(-1, 0.0, draw(noClickTransition[s], rng));
  }

  /** Draws an initial state from μ. */
  public int initialState(SplittableRandom rng) {
    return draw(initial, rng);
  }

  private static int draw(double[] p, SplittableRandom rng) {
    double u = rng.nextDouble();
    double c = 0;
    for (int i = 0; i < p.length; i++) {
      c += p[i];
      if (u < c) {
        return i;
      }
    }
    for (int i = p.length - 1; i >= 0; i--) {
      if (p[i] > 0) {
        return i;
      }
    }
    return p.length - 1;
  }

  /** The expected next-state value {@code p(·|s, a)ᵀ v}. */
  double clickNext(int s, int a, double[] v) {
    return dot(clickTransition[s][a], v);
  }

  double noClickNext(int s, double[] v) {
    return dot(noClickTransition[s], v);
  }

  double[] clickTransition(int s, int a) {
    return clickTransition[s][a];
  }

  double[] noClickTransition(int s) {
    return noClickTransition[s];
  }

  static double dot(double[] p, double[] v) {
    double x = 0;
    for (int i = 0; i < p.length; i++) {
      x += p[i] * v[i];
    }
    return x;
  }

  /** An optimal policy and its value {@code μᵀV_1} (backward induction with {@link BestPerm}). */
  public record Solution(Policy policy, double value) {}

  /** Optimal policy by backward induction, BestPerm in every state and step. */
  public Solution optimalPolicy() {
    BestPerm bp = new BestPerm(maxLength);
    int[][][] lists = new int[horizon][states][];
    double[] next = new double[states];
    double[] w = new double[items];
    for (int h = horizon - 1; h >= 0; h--) {
      double[] cur = new double[states];
      for (int s = 0; s < states; s++) {
        for (int a = 0; a < items; a++) {
          w[a] = reward[s][a] + clickNext(s, a, next);
        }
        BestPerm.Result r = bp.solve(attraction[s], w, noClickNext(s, next));
        lists[h][s] = r.list();
        cur[s] = r.value();
      }
      next = cur;
    }
    return new Solution(new Policy(lists), dot(initial, next));
  }

  /** The exact value {@code μᵀV_1^π} of a policy. */
  public double value(Policy policy) {
    double[] next = new double[states];
    double[] w = new double[items];
    for (int h = horizon - 1; h >= 0; h--) {
      double[] cur = new double[states];
      for (int s = 0; s < states; s++) {
        int[] list = policy.lists()[h][s];
        for (int a : list) {
          w[a] = reward[s][a] + clickNext(s, a, next);
        }
        cur[s] = BestPerm.value(attraction[s], w, noClickNext(s, next), list);
      }
      next = cur;
    }
    return dot(initial, next);
  }
}
