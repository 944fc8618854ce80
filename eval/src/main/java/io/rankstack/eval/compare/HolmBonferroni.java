package io.rankstack.eval.compare;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Holm's step-down correction for multiple comparisons (Holm, "A simple sequentially rejective
 * multiple test procedure", Scand. J. Statistics 1979). It controls the family-wise error rate (the
 * chance of any false rejection among the m tests) at α, like Bonferroni, but rejects at least as
 * often.
 *
 * <p>Adjusted p-values: with the m p-values sorted ascending, {@code p_(1) ≤ … ≤ p_(m)},
 * <pre>
 *   p̃_(i) = max_{j ≤ i} min(1, (m − j + 1) · p_(j))
 * </pre>
 * and hypothesis i is rejected at level α when {@code p̃_i ≤ α}, which is exactly Holm's procedure.
 * NaN p-values (a test that could not be run) stay NaN and do not count towards m. Ties get the
 * same adjusted value whatever their order.
 */
public final class HolmBonferroni {
  private HolmBonferroni() {}

  /** The adjusted p-values, in the order of {@code p}. */
  public static double[] adjust(double[] p) {
    Integer[] order = new Integer[p.length];
    int m = 0;
    for (int i = 0; i < p.length; i++) {
      order[i] = i;
      if (!Double.isNaN(p[i])) {
        if (p[i] < 0 || p[i] > 1) {
          throw new IllegalArgumentException("p-value outside [0, 1]: " + p[i]);
        }
        m++;
      }
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> Double.isNaN(p[i]) ? 2.0 : p[i]));
    double[] adjusted = new double[p.length];
    Arrays.fill(adjusted, Double.NaN);
    double running = 0;
    for (int rank = 0; rank < m; rank++) {
      int i = order[rank];
      running = Math.max(running, Math.min(1.0, (m - rank) * p[i]));
      adjusted[i] = running;
    }
    return adjusted;
  }
}
