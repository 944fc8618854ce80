package io.rankstack.eval.ope;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code q̂(x, k, π) = Σ_a π(a | x, k) q̂(x, k, a)}: the reward model's expected reward under the
 * target policy, cached per (context, position) for one estimate (many rounds share a context).
 */
final class ModelValue {
  private final TargetPolicy policy;
  private final RewardModel model;
  private final Map<String, Map<Integer, Double>> cache = new HashMap<>();

  ModelValue(TargetPolicy policy, RewardModel model) {
    this.policy = policy;
    this.model = model;
  }

  double at(String context, int position) {
    return cache.computeIfAbsent(context, c -> new HashMap<>()).computeIfAbsent(position, k -> {
      double v = 0;
      for (Map.Entry<String, Double> e : policy.distribution(context, k).entrySet()) {
        if (e.getValue() > 0) {
          v += e.getValue() * model.predict(context, k, e.getKey());
        }
      }
      return v;
    });
  }
}
