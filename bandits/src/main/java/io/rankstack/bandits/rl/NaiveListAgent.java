package io.rankstack.bandits.rl;

import java.util.ArrayList;
import java.util.List;

/**
 * The naive baseline of Du et al. (2024): tabular optimistic value iteration (UCBVI with a
 * Hoeffding bonus, Azar et al. 2017) that treats every ordered list of 1..m distinct items as one
 * atomic action, ignoring the cascade structure. There are Σ_{k=1..m} N!/(N-k)! actions (14,425 for
 * N = 25, m = 3), each of whose reward and transition must be learnt separately.
 *
 * <p>Untried actions are optimistic with value H - h + 1, so in each state the agent tries actions
 * in enumeration order until all have been tried once; only then does it compare
 * {@code R̂(s, A) + p̂(·|s, A)ᵀV̄_{h+1} + scale·(H - h + 1)·sqrt(ℓ / n)} with ℓ = log(S·|A|·H·k/δ).
 */
public final class NaiveListAgent implements CascadingRlAgent {
  private final int states;
  private final int horizon;
  private final double delta;
  private final double scale;
  private final int[][] actions;
  private final long[][] count;
  private final double[][] rewardSum;
  private final long[][][] next;
  private final int[] tried;
  private final int[] firstUntried;
  private long episodes;

  public NaiveListAgent(int states, int items, int horizon, int maxLength, double delta, double scale) {
    if (states < 1 || items < 1 || horizon < 1 || maxLength < 1) {
      throw new IllegalArgumentException("S, N, H and m must be >= 1");
    }
    if (!(delta > 0 && delta < 1) || !(scale >= 0)) {
      throw new IllegalArgumentException("illegal δ " + delta + " or scale " + scale);
    }
    this.states = states;
    this.horizon = horizon;
    this.delta = delta;
    this.scale = scale;
    List<int[]> all = new ArrayList<>();
    enumerate(items, Math.min(maxLength, items), new int[0], all);
    this.actions = all.toArray(new int[0][]);
    this.count = new long[states][actions.length];
    this.rewardSum = new double[states][actions.length];
    this.next = new long[states][actions.length][];
    this.tried = new int[states];
    this.firstUntried = new int[states];
  }

  private static void enumerate(int n, int m, int[] prefix, List<int[]> out) {
    if (prefix.length == m) {
      return;
    }
    for (int a = 0; a < n; a++) {
      boolean used = false;
      for (int x : prefix) {
        used |= x == a;
      }
      if (used) {
        continue;
      }
      int[] list = java.util.Arrays.copyOf(prefix, prefix.length + 1);
      list[prefix.length] = a;
      out.add(list);
      enumerate(n, m, list, out);
    }
  }

  /** |A|, the number of atomic actions. */
  public int actionCount() {
    return actions.length;
  }

  @Override
  public CascadingMdp.Policy plan() {
    double l = Math.log(states * (double) actions.length * horizon * Math.max(2, episodes + 1) / delta);
    int[][][] lists = new int[horizon][states][];
    double[] v = new double[states];
    for (int h = horizon - 1; h >= 0; h--) {
      double cap = horizon - h;
      double[] cur = new double[states];
      for (int s = 0; s < states; s++) {
        if (tried[s] < actions.length) {
          // some action is untried: its optimistic value is the cap; take the next untried one
          while (count[s][firstUntried[s]] > 0) {
            firstUntried[s]++;
          }
          lists[h][s] = actions[firstUntried[s]];
          cur[s] = cap;
          continue;
        }
        double best = Double.NEGATIVE_INFINITY;
        int arg = 0;
        for (int i = 0; i < actions.length; i++) {
          long n = count[s][i];
          double ev = 0;
          for (int t = 0; t < states; t++) {
            ev += next[s][i][t] * v[t];
          }
          double qv = Math.min(cap, (rewardSum[s][i] + ev) / n + scale * cap * Math.sqrt(l / n));
          if (qv > best) {
            best = qv;
            arg = i;
          }
        }
        lists[h][s] = actions[arg];
        cur[s] = best;
      }
      v = cur;
    }
    return new CascadingMdp.Policy(lists);
  }

  @Override
  public void observe(int h, int s, int[] list, CascadingMdp.Step step) {
    int idx = indexOf(list);
    if (count[s][idx] == 0) {
      next[s][idx] = new long[states];
      tried[s]++;
    }
    count[s][idx]++;
    rewardSum[s][idx] += step.reward();
    next[s][idx][step.nextState()]++;
  }

  private int indexOf(int[] list) {
    Integer i = index().get(java.util.Arrays.toString(list));
    if (i == null) {
      throw new IllegalArgumentException("unknown list " + java.util.Arrays.toString(list));
    }
    return i;
  }

  private java.util.Map<String, Integer> indexMap;

  private java.util.Map<String, Integer> index() {
    if (indexMap == null) {
      indexMap = new java.util.HashMap<>();
      for (int i = 0; i < actions.length; i++) {
        indexMap.put(java.util.Arrays.toString(actions[i]), i);
      }
    }
    return indexMap;
  }

  @Override
  public void endEpisode() {
    episodes++;
  }
}
