package io.rankstack.bandits;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The cascade click model with independent item attraction probabilities w(e) (Craswell et al.,
 * WSDM 2008; the environment of Kveton et al., "Cascading Bandits", ICML 2015).
 *
 * <p>A list A = (a_1, ..., a_K) is examined from the top; the user clicks the first attractive item
 * and stops. The probability of a click is the reward
 * {@code f(A, w) = 1 - prod_k (1 - w(a_k))}; it is maximised by the K items with the largest w, in
 * any order. Items above the click are observed as unattractive, the clicked item as attractive,
 * items below are not observed.
 *
 * <p>Immutable; the simulator's randomness is passed to {@link #click} by the caller.
 */
public final class CascadeModel {
  /** Click position returned when no item in the list is clicked. */
  public static final int NO_CLICK = -1;

  private final double[] attraction;
  private final int listSize;
  private final double optimalReward;
  private final int[] optimalList;

  /**
   * @param attraction w(e) for items e = 0..L-1, each in [0, 1]
   * @param listSize K, in [1, L]
   */
  public CascadeModel(double[] attraction, int listSize) {
    Objects.requireNonNull(attraction, "attraction");
    if (attraction.length == 0) {
      throw new IllegalArgumentException("illegal number of items 0, must be at least 1");
    }
    for (int e = 0; e < attraction.length; e++) {
      double w = attraction[e];
      if (!(w >= 0.0 && w <= 1.0)) {
        throw new IllegalArgumentException("illegal attraction w(" + e + ") = " + w + ", must be in [0, 1]");
      }
    }
    if (listSize < 1 || listSize > attraction.length) {
      throw new IllegalArgumentException("illegal list size " + listSize + ", must be in [1, " + attraction.length + "]");
    }
    this.attraction = attraction.clone();
    this.listSize = listSize;
    this.optimalList = TopK.indicesOfLargest(this.attraction, listSize);
    this.optimalReward = reward(optimalList);
  }

  /**
   * BLB(L, K, p, Δ), the benchmark of Kveton et al. (2015, Section 5.1): the first K items have
   * attraction p and the other L - K items p - Δ.
   */
  public static CascadeModel blb(int numItems, int listSize, double p, double delta) {
    if (!(p >= 0 && p <= 1) || !(delta >= 0 && delta <= p)) {
      throw new IllegalArgumentException("illegal BLB p = " + p + ", Δ = " + delta + ", need 0 <= Δ <= p <= 1");
    }
    if (listSize < 1 || listSize > numItems) {
      throw new IllegalArgumentException("illegal BLB K = " + listSize + " for L = " + numItems);
    }
    double[] w = new double[numItems];
    Arrays.fill(w, p - delta);
    Arrays.fill(w, 0, listSize, p);
    return new CascadeModel(w, listSize);
  }

  /** {@code f(w_1..w_K) = 1 - prod_k (1 - w_k)}: the click probability of a list with these attractions. */
  public static double reward(double... attractions) {
    double none = 1.0;
    for (double w : attractions) {
      none *= 1.0 - w;
    }
    return 1.0 - none;
  }

  /** {@code f(A, w)}: the click probability of list {@code list} (item ids) under this model. */
  public double reward(int[] list) {
    double none = 1.0;
    for (int e : list) {
      none *= 1.0 - attraction[e];
    }
    return 1.0 - none;
  }

  /**
   * Simulates one user on {@code list}: returns the 0-based position of the click, or
   * {@link #NO_CLICK}. Draws one uniform per examined position.
   */
  public int click(int[] list, SplittableRandom rng) {
    for (int k = 0; k < list.length; k++) {
      if (rng.nextDouble() < attraction[list[k]]) {
        return k;
      }
    }
    return NO_CLICK;
  }

  /** {@code f(A*, w)}, the reward of the best list. */
  public double optimalReward() {
    return optimalReward;
  }

  /** One optimal list (the K most attractive items, most attractive first). */
  public int[] optimalList() {
    return optimalList.clone();
  }

  public int numItems() {
    return attraction.length;
  }

  public int listSize() {
    return listSize;
  }

  public double attraction(int item) {
    return attraction[item];
  }

  public double[] attractions() {
    return attraction.clone();
  }
}
