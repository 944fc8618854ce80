package io.rankstack.eval.trec;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The merge sort behind glibc's {@code qsort}, step for step: split at {@code n / 2}, sort both
 * halves, merge taking from the left run while {@code cmp(left, right) <= 0}.
 *
 * <p>trec_eval sorts with comparators that are not consistent orders (gains are compared by the
 * difference truncated to {@code int}, so 4.0 and 4.5 compare equal but 4.0 and 5.0 do not). The
 * result of such a sort depends on the algorithm, and Java's TimSort may even reject the comparator,
 * so matching trec_eval's output byte for byte needs the same algorithm.
 */
final class CMergeSort {
  private CMergeSort() {}

  /** Sorts {@code a} in place exactly as glibc's {@code qsort} (merge sort path) would. */
  static <T> void sort(T[] a, Comparator<? super T> cmp) {
    if (a.length > 1) {
      T[] tmp = Arrays.copyOf(a, a.length);
      sort(a, 0, a.length, cmp, tmp);
    }
  }

  private static <T> void sort(T[] a, int from, int n, Comparator<? super T> cmp, T[] tmp) {
    if (n <= 1) {
      return;
    }
    int n1 = n / 2;
    int n2 = n - n1;
    sort(a, from, n1, cmp, tmp);
    sort(a, from + n1, n2, cmp, tmp);
    int i = from;
    int j = from + n1;
    int k = 0;
    while (n1 > 0 && n2 > 0) {
      if (cmp.compare(a[i], a[j]) <= 0) {
        tmp[k++] = a[i++];
        n1--;
      } else {
        tmp[k++] = a[j++];
        n2--;
      }
    }
    while (n1 > 0) {
      tmp[k++] = a[i++];
      n1--;
    }
    // What remains of the right run is already in place.
    System.arraycopy(tmp, 0, a, from, k);
  }
}
