package io.rankstack.eval.bandit;

import io.rankstack.bandits.CascadeKlUcb;
import io.rankstack.bandits.CascadeLinUcb;
import io.rankstack.bandits.CascadeThompson;
import io.rankstack.bandits.CascadeUcb1;
import io.rankstack.bandits.CascadingBandit;

/** The cascading bandit learners the CLI can run, with their documented defaults. */
enum Learners {
  UCB1("CascadeUCB1"),
  KL_UCB("CascadeKL-UCB"),
  TS("CascadeTS"),
  LINUCB("CascadeLinUCB");

  final String label;

  Learners(String label) {
    this.label = label;
  }

  /**
   * A fresh learner. CascadeLinUCB gets {@code features} (one-hot when null: d = L, λ = 1, α = 0.5
   * unless given).
   */
  CascadingBandit create(int items, int k, long seed, double[][] features, double linAlpha) {
    return switch (this) {
      case UCB1 -> new CascadeUcb1(items, k);
      case KL_UCB -> new CascadeKlUcb(items, k);
      case TS -> new CascadeThompson(items, k, seed);
      case LINUCB -> new CascadeLinUcb(features != null ? features : oneHot(items), k, 1.0, linAlpha);
    };
  }

  static double[][] oneHot(int n) {
    double[][] x = new double[n][n];
    for (int i = 0; i < n; i++) {
      x[i][i] = 1;
    }
    return x;
  }
}
