package io.rankstack.index.features;

import java.util.Arrays;
import java.util.List;

/** Position-based features over one document field; positions arrays are sorted ascending (Lucene order). */
final class Proximity {
  private Proximity() {}

  /**
   * Occurrences of the whole query as a phrase: positions p such that every query token i occurs at
   * {@code p + (qpos_i − qpos_0)}.
   */
  static int phraseCount(List<FeatureExtractor.QueryToken> tokens, FeatureExtractor.QueryTerms q, int[][] pos) {
    if (tokens.isEmpty()) {
      return 0;
    }
    int[] first = pos[q.index.get(tokens.get(0).term())];
    if (first == null) {
      return 0;
    }
    int base = tokens.get(0).position();
    int count = 0;
    outer:
    for (int p : first) {
      for (int i = 1; i < tokens.size(); i++) {
        int[] pi = pos[q.index.get(tokens.get(i).term())];
        if (pi == null || Arrays.binarySearch(pi, p + tokens.get(i).position() - base) < 0) {
          continue outer;
        }
      }
      count++;
    }
    return count;
  }

  /** Σ over adjacent query tokens of the number of positions p with t_i at p and t_i+1 at p + Δ. */
  static int orderedPairs(List<FeatureExtractor.QueryToken> tokens, FeatureExtractor.QueryTerms q, int[][] pos) {
    int count = 0;
    for (int i = 0; i + 1 < tokens.size(); i++) {
      int[] a = pos[q.index.get(tokens.get(i).term())];
      int[] b = pos[q.index.get(tokens.get(i + 1).term())];
      if (a == null || b == null) {
        continue;
      }
      int delta = tokens.get(i + 1).position() - tokens.get(i).position();
      for (int p : a) {
        if (Arrays.binarySearch(b, p + delta) >= 0) {
          count++;
        }
      }
    }
    return count;
  }

  /**
   * Length of the shortest window of positions that holds at least one occurrence of every term
   * with positions (non-null, non-empty entries of {@code pos}): last − first + 1. A k-way merge with
   * a sliding window, O(P log m) for P positions of m terms.
   */
  static int minSpan(int[][] pos) {
    int m = 0;
    int total = 0;
    for (int[] p : pos) {
      if (p != null && p.length > 0) {
        m++;
        total += p.length;
      }
    }
    if (m == 0) {
      return 0;
    }
    long[] merged = new long[total]; // position << 20 | term
    int k = 0;
    for (int j = 0; j < pos.length; j++) {
      if (pos[j] != null) {
        for (int p : pos[j]) {
          merged[k++] = ((long) p << 20) | j;
        }
      }
    }
    Arrays.sort(merged);
    int[] have = new int[pos.length];
    int covered = 0;
    int best = Integer.MAX_VALUE;
    int left = 0;
    for (int right = 0; right < total; right++) {
      int tr = (int) (merged[right] & 0xFFFFF);
      if (have[tr]++ == 0) {
        covered++;
      }
      while (covered == m) {
        int span = (int) (merged[right] >>> 20) - (int) (merged[left] >>> 20) + 1;
        best = Math.min(best, span);
        int tl = (int) (merged[left] & 0xFFFFF);
        if (--have[tl] == 0) {
          covered--;
        }
        left++;
      }
    }
    return best;
  }
}
