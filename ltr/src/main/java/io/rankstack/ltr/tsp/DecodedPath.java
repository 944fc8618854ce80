package io.rankstack.ltr.tsp;

import java.util.Arrays;

/**
 * An open Hamiltonian path over the items 0..n-1 of one list, as returned by a {@link PathDecoder}.
 *
 * <p>{@code order[0]} is rank 1, {@code order[1]} rank 2 and so on. {@code weight} is the path's
 * weight under the matrix it was decoded from, {@code W = sum_{k=0..n-2} A[order[k]][order[k+1]]}
 * (see {@link PathWeights#weight}). {@code exact} is true only when the decoder has proved that no
 * other path has a larger weight; a heuristic result is always {@code exact == false}.
 *
 * @param order a permutation of 0..n-1 (defensively copied)
 * @param weight the path's weight
 * @param exact whether optimality is proved
 */
public record DecodedPath(int[] order, double weight, boolean exact) {
  public DecodedPath {
    order = order.clone();
    PathWeights.checkPermutation(order);
    if (Double.isNaN(weight)) {
      throw new IllegalArgumentException("path weight is NaN");
    }
  }

  @Override
  public int[] order() {
    return order.clone();
  }

  /** Number of items on the path. */
  public int size() {
    return order.length;
  }

  /** The item at 0-based position {@code k} (rank k + 1). */
  public int at(int k) {
    return order[k];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DecodedPath p
        && Arrays.equals(order, p.order)
        && Double.compare(weight, p.weight) == 0
        && exact == p.exact;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(order) + Double.hashCode(weight)) + Boolean.hashCode(exact);
  }

  @Override
  public String toString() {
    return "DecodedPath" + Arrays.toString(order) + " weight=" + weight + (exact ? " (exact)" : " (heuristic)");
  }
}
