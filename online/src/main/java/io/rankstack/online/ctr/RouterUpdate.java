package io.rankstack.online.ctr;

import java.util.Locale;

/**
 * How the {@link DistributionRouter} treats x and updates its centres. The update
 * ({@link #SPECIFIED}) routes on raw x and adds the unnormalised batch sum ĉ_j = Σ_i r_ij x_i; on
 * MovieLens it collapses every example into cluster 0 (docs/experiments/ctr.md): ĉ_j, a sum over a
 * batch, outweighs the unit-norm β c_j by orders of magnitude, and x has a strong common direction,
 * so all centres converge to that direction. Each switch removes one cause:
 *
 * @param centred    route on z = x − μ, with μ a running mean of x (updated in training mode only,
 *                   before the batch is routed: μ ← μ + α (x̄ − μ), α = max(1/t, {@link #MEAN_RATE})
 *                   for the t-th training batch, so the first batch sets μ to its mean and later ones
 *                   follow the drift of the embeddings); removes the common direction every x shares
 * @param normalised route on z / ‖z‖ (a zero row stays zero), so only the direction of x matters and
 *                   s_ij = cos(z_i, c_j) lies in [−1, 1] whatever the scale of the embeddings
 * @param meanUpdate ĉ_j = Σ_i r_ij z_i / Σ_i r_ij (a weighted mean instead of a sum), so ĉ_j has the
 *                   scale of one example and β = 0.9 keeps 90 % of the old centre, as β is meant to
 */
public record RouterUpdate(boolean centred, boolean normalised, boolean meanUpdate) {
  /** The update exactly as issue 8 specifies it: raw x, ĉ_j a sum. */
  public static final RouterUpdate SPECIFIED = new RouterUpdate(false, false, false);
  /** The fixed default: centred, normalised x and a mean update. */
  public static final RouterUpdate DEFAULT = new RouterUpdate(true, true, true);
  /** Smallest step of the running mean of x (after 100 training batches it is an exponential average). */
  public static final double MEAN_RATE = 0.01;

  /**
   * Parses {@code specified}, {@code default}, or a comma-separated subset of {@code centred},
   * {@code normalised}, {@code mean} (e.g. {@code mean} or {@code centred,mean}).
   */
  public static RouterUpdate parse(String s) {
    String t = s.trim().toLowerCase(Locale.ROOT);
    if (t.equals("specified")) {
      return SPECIFIED;
    }
    if (t.equals("default")) {
      return DEFAULT;
    }
    boolean c = false;
    boolean n = false;
    boolean m = false;
    for (String part : t.split(",")) {
      switch (part.trim()) {
        case "centred" -> c = true;
        case "normalised" -> n = true;
        case "mean" -> m = true;
        default -> throw new IllegalArgumentException("router update '" + s
            + "': expected specified, default or a comma list of centred, normalised, mean; got '" + part + "'");
      }
    }
    return new RouterUpdate(c, n, m);
  }

  /** The form {@link #parse} reads back. */
  public String label() {
    if (equals(SPECIFIED)) {
      return "specified";
    }
    StringBuilder sb = new StringBuilder();
    if (centred) {
      sb.append("centred,");
    }
    if (normalised) {
      sb.append("normalised,");
    }
    if (meanUpdate) {
      sb.append("mean,");
    }
    return sb.substring(0, sb.length() - 1);
  }

  /** Flags as bits (centred 1, normalised 2, mean 4), for the codec. */
  int bits() {
    return (centred ? 1 : 0) | (normalised ? 2 : 0) | (meanUpdate ? 4 : 0);
  }

  static RouterUpdate ofBits(int b) {
    if ((b & ~7) != 0) {
      throw new IllegalArgumentException("unknown router update bits " + b);
    }
    return new RouterUpdate((b & 1) != 0, (b & 2) != 0, (b & 4) != 0);
  }
}
