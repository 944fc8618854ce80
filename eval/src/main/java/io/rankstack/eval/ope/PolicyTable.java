package io.rankstack.eval.ope;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link TargetPolicy} given as a table of {@code (context, position) → action → probability}.
 * The context {@link #ANY_CONTEXT} holds the distribution used for every context without rows of
 * its own (a context-free policy has only those rows). Each distribution must sum to 1 within
 * {@link #SUM_TOLERANCE}.
 */
public final class PolicyTable implements TargetPolicy {
  /** The context of the rows that apply to every context without rows of its own. */
  public static final String ANY_CONTEXT = "*";

  /** Allowed deviation of a distribution's sum from 1 (rounding in files written with 6 decimals). */
  public static final double SUM_TOLERANCE = 1e-4;

  private final Map<String, Map<Integer, Map<String, Double>>> table;

  private PolicyTable(Map<String, Map<Integer, Map<String, Double>>> table) {
    this.table = table;
  }

  @Override
  public double probability(String context, int position, String action) {
    Double p = distribution(context, position).get(action);
    return p == null ? 0.0 : p;
  }

  @Override
  public Map<String, Double> distribution(String context, int position) {
    Map<Integer, Map<String, Double>> byPosition = table.get(context);
    if (byPosition == null || !byPosition.containsKey(position)) {
      byPosition = table.get(ANY_CONTEXT);
    }
    Map<String, Double> d = byPosition == null ? null : byPosition.get(position);
    if (d == null) {
      throw new IllegalArgumentException("the target policy has no distribution for context '" + context
          + "' at position " + position);
    }
    return d;
  }

  /** Builds a table row by row; {@link #build()} checks that every distribution sums to 1. */
  public static final class Builder {
    private final Map<String, Map<Integer, Map<String, Double>>> table = new LinkedHashMap<>();

    /** Adds {@code π(action | context, position) = probability}; a repeated row is an error. */
    public Builder put(String context, int position, String action, double probability) {
      if (!(probability >= 0 && probability <= 1)) {
        throw new IllegalArgumentException("probability must be in [0, 1]: " + probability);
      }
      if (position < 1) {
        throw new IllegalArgumentException("position must be at least 1: " + position);
      }
      Map<String, Double> d = table.computeIfAbsent(context, c -> new HashMap<>())
          .computeIfAbsent(position, k -> new LinkedHashMap<>());
      if (d.putIfAbsent(action, probability) != null) {
        throw new IllegalArgumentException("repeated row for context '" + context + "', position " + position
            + ", action '" + action + "'");
      }
      return this;
    }

    public PolicyTable build() {
      for (var byContext : table.entrySet()) {
        for (var byPosition : byContext.getValue().entrySet()) {
          double sum = byPosition.getValue().values().stream().mapToDouble(Double::doubleValue).sum();
          if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            throw new IllegalArgumentException("probabilities of context '" + byContext.getKey() + "' at position "
                + byPosition.getKey() + " sum to " + sum + ", not 1");
          }
        }
      }
      Map<String, Map<Integer, Map<String, Double>>> copy = new HashMap<>();
      table.forEach((c, m) -> {
        Map<Integer, Map<String, Double>> inner = new HashMap<>();
        m.forEach((k, d) -> inner.put(k, Map.copyOf(d)));
        copy.put(c, inner);
      });
      return new PolicyTable(copy);
    }
  }
}
