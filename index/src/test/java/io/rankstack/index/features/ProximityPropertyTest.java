package io.rankstack.index.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;

/** The sliding-window minimum span equals a brute-force search over all windows. */
class ProximityPropertyTest {
  @Property(tries = 300, seed = "20261129")
  void minSpanMatchesBruteForce(@ForAll @Size(min = 1, max = 4) List<@Size(max = 5) @UniqueElements List<@IntRange(max = 40) Integer>> terms) {
    int[][] pos = new int[terms.size()][];
    for (int j = 0; j < pos.length; j++) {
      pos[j] = terms.get(j).isEmpty() ? null : terms.get(j).stream().mapToInt(Integer::intValue).sorted().toArray();
    }
    assertEquals(bruteForce(pos), Proximity.minSpan(pos), Arrays.deepToString(pos));
  }

  /** Smallest end − start + 1 over windows [start, end] that contain a position of every present term. */
  static int bruteForce(int[][] pos) {
    TreeSet<Integer> all = new TreeSet<>();
    int present = 0;
    for (int[] p : pos) {
      if (p != null) {
        present++;
        for (int v : p) {
          all.add(v);
        }
      }
    }
    if (present == 0) {
      return 0;
    }
    int best = Integer.MAX_VALUE;
    for (int s : all) {
      for (int e : all.tailSet(s)) {
        boolean ok = true;
        for (int[] p : pos) {
          if (p != null && Arrays.stream(p).noneMatch(v -> v >= s && v <= e)) {
            ok = false;
            break;
          }
        }
        if (ok) {
          best = Math.min(best, e - s + 1);
          break;
        }
      }
    }
    return best;
  }
}
