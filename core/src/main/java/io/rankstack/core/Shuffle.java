package io.rankstack.core;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded Fisher–Yates shuffles on a {@link SplittableRandom}, which {@code Collections.shuffle}
 * does not take. Every randomised step of the project draws from a seeded {@code SplittableRandom},
 * and all its shuffles go through here, so they draw the same way: from the last position down,
 * position {@code i} swapped with a uniform {@code j ≤ i} ({@code nextInt(i + 1)}). The same
 * generator state gives the same permutation.
 */
public final class Shuffle {
  private Shuffle() {}

  /** Shuffles {@code list} in place. */
  public static <T> void inPlace(List<T> list, SplittableRandom rng) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      T t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }

  /** Shuffles {@code a} in place. */
  public static void inPlace(int[] a, SplittableRandom rng) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /** A uniformly random order of {@code 0 … n-1}. */
  public static int[] permutation(int n, SplittableRandom rng) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    inPlace(a, rng);
    return a;
  }
}
