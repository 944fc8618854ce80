package io.rankstack.bandits.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class CascadingRlTest {
  /** A random MDP with S states and N items. */
  static CascadingMdp randomMdp(long seed, int states, int items, int horizon, int m) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] q = new double[states][items];
    double[][] r = new double[states][items];
    double[][][] p = new double[states][items][];
    double[][] pb = new double[states][];
    for (int s = 0; s < states; s++) {
      for (int a = 0; a < items; a++) {
        q[s][a] = rng.nextDouble() * 0.8;
        r[s][a] = rng.nextDouble();
        p[s][a] = dist(rng, states);
      }
      pb[s] = dist(rng, states);
    }
    return new CascadingMdp(q, r, p, pb, dist(rng, states), horizon, m);
  }

  static double[] dist(SplittableRandom rng, int n) {
    double[] d = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      d[i] = rng.nextDouble() + 0.01;
      sum += d[i];
    }
    for (int i = 0; i < n; i++) {
      d[i] /= sum;
    }
    return d;
  }

  static double[][] rewards(CascadingMdp mdp) {
    double[][] r = new double[mdp.states()][mdp.items()];
    for (int s = 0; s < mdp.states(); s++) {
      for (int a = 0; a < mdp.items(); a++) {
        r[s][a] = mdp.reward(s, a);
      }
    }
    return r;
  }

  /** Backward induction with BestPerm beats every random policy and equals its own evaluation. */
  @Property(seed = "20261129", tries = 40)
  void optimalPolicyIsOptimal(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int states,
                              @ForAll @IntRange(min = 1, max = 5) int items) {
    CascadingMdp mdp = randomMdp(seed, states, items, 3, 2);
    CascadingMdp.Solution opt = mdp.optimalPolicy();
    assertEquals(opt.value(), mdp.value(opt.policy()), 1e-12);
    SplittableRandom rng = new SplittableRandom(seed ^ 1);
    for (int trial = 0; trial < 20; trial++) {
      int[][][] lists = new int[3][states][];
      for (int h = 0; h < 3; h++) {
        for (int s = 0; s < states; s++) {
          int a = rng.nextInt(items);
          int b = rng.nextInt(items);
          lists[h][s] = a == b || rng.nextBoolean() ? new int[] {a} : new int[] {a, b};
        }
      }
      assertTrue(mdp.value(new CascadingMdp.Policy(lists)) <= opt.value() + 1e-12);
    }
  }

  @Test
  void oneStepValueByHand() {
    // S = 1, H = 1: V* = BestPerm(q, r, 0); q = [0.5, 0.4], r = [1, 0.5], m = 2:
    // (0, 1): 0.5·1 + 0.5·0.4·0.5 = 0.6
    double[][][] p = {{{1}, {1}}};
    CascadingMdp mdp = new CascadingMdp(new double[][] {{0.5, 0.4}}, new double[][] {{1, 0.5}}, p,
        new double[][] {{1}}, new double[] {1}, 1, 2);
    assertEquals(0.6, mdp.optimalPolicy().value(), 1e-15);
  }

  @Test
  void plannersAgreeInValue() {
    CascadingMdp mdp = randomMdp(3, 2, 5, 2, 3);
    double[][] r = rewards(mdp);
    CascadingVi fast = new CascadingVi(r, 2, 3, CascadingVi.Bonus.BERNSTEIN, CascadingVi.Planner.BEST_PERM, 0.1, 0.3);
    CascadingVi slow = new CascadingVi(r, 2, 3, CascadingVi.Bonus.BERNSTEIN, CascadingVi.Planner.BRUTE_FORCE, 0.1, 0.3);
    SplittableRandom rng = new SplittableRandom(9);
    for (int k = 0; k < 50; k++) {
      CascadingMdp.Policy pf = fast.plan();
      slow.plan();
      double[] uf = fast.lastUpperValues();
      double[] us = slow.lastUpperValues();
      for (int s = 0; s < uf.length; s++) {
        assertEquals(uf[s], us[s], 1e-9);
      }
      // feed both the same data
      int s = mdp.initialState(rng);
      for (int h = 0; h < 2; h++) {
        int[] list = pf.lists()[h][s];
        CascadingMdp.Step step = mdp.step(s, list, rng);
        fast.observe(h, s, list, step);
        slow.observe(h, s, list, step);
        s = step.nextState();
      }
      fast.endEpisode();
      slow.endEpisode();
    }
  }

  @Test
  void cascadingViLearnsAndBoundsHold() {
    CascadingMdp mdp = randomMdp(5, 2, 4, 2, 2);
    CascadingVi vi = new CascadingVi(rewards(mdp), 2, 2, CascadingVi.Bonus.BERNSTEIN, CascadingVi.Planner.BEST_PERM, 0.1, 0.1);
    CascadingRlSimulator.Trace tr = CascadingRlSimulator.run(vi, mdp, 3000, new SplittableRandom(1));
    double[] c = tr.cumulativeRegret();
    double first = c[299];
    double last = c[2999] - c[2699];
    assertTrue(last < 0.5 * first, "last tenth " + last + " vs first " + first);
    // optimism: the upper values bound V* from above (state by state, after plenty of data)
    vi.plan();
    double[] upper = vi.lastUpperValues();
    CascadingMdp.Solution opt = mdp.optimalPolicy();
    double muUpper = 0;
    double[] mu = mdp.initial();
    for (int s = 0; s < upper.length; s++) {
      muUpper += mu[s] * upper[s];
    }
    assertTrue(muUpper >= opt.value() - 1e-9);
    // pessimism: the lower values of the optimal policy are below its true value
    double[] lower = vi.lowerValues(opt.policy());
    double muLower = 0;
    for (int s = 0; s < lower.length; s++) {
      muLower += mu[s] * lower[s];
    }
    assertTrue(muLower <= opt.value() + 1e-9);
  }

  @Test
  void bpiStopsWithAnEpsilonOptimalPolicy() {
    CascadingMdp mdp = randomMdp(8, 2, 3, 2, 2);
    CascadingVi vi = new CascadingVi(rewards(mdp), 2, 2, CascadingVi.Bonus.BERNSTEIN, CascadingVi.Planner.BEST_PERM, 0.1, 0.1);
    CascadingBpi.Outcome o = new CascadingBpi(0.2, 50_000).identify(vi, mdp, new SplittableRandom(2));
    assertTrue(o.stopped(), "did not stop, gap " + o.gap());
    assertTrue(mdp.optimalPolicy().value() - mdp.value(o.policy()) <= 0.2);
  }

  @Test
  void naiveAgentCountsActions() {
    NaiveListAgent naive = new NaiveListAgent(2, 25, 3, 3, 0.1, 1);
    assertEquals(25 + 25 * 24 + 25 * 24 * 23, naive.actionCount());
    assertThrows(IllegalArgumentException.class, () -> new NaiveListAgent(2, 3, 0, 1, 0.1, 1));
  }

  @Test
  void naiveAgentLearnsTinyMdp() {
    CascadingMdp mdp = randomMdp(4, 1, 3, 1, 2);
    NaiveListAgent naive = new NaiveListAgent(1, 3, 1, 2, 0.1, 0.2);
    CascadingRlSimulator.Trace tr = CascadingRlSimulator.run(naive, mdp, 3000, new SplittableRandom(1));
    double[] c = tr.cumulativeRegret();
    assertTrue(c[2999] - c[2699] < c[299], "naive agent did not learn");
  }
}
