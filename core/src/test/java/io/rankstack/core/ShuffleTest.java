package io.rankstack.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ShuffleTest {
  /** The draws, by hand: for n = 3 the swaps are (2, nextInt(3)) then (1, nextInt(2)). */
  @Test
  void drawsFromTheLastPositionDown() {
    SplittableRandom draws = new SplittableRandom(7);
    int j2 = draws.nextInt(3);
    int j1 = draws.nextInt(2);
    int[] expected = {0, 1, 2};
    int t = expected[2];
    expected[2] = expected[j2];
    expected[j2] = t;
    t = expected[1];
    expected[1] = expected[j1];
    expected[j1] = t;
    assertArrayEquals(expected, Shuffle.permutation(3, new SplittableRandom(7)));
  }

  @Property(seed = "20261129")
  void listsAndArraysGetTheSamePermutationOfTheSameItems(@ForAll @IntRange(min = 0, max = 50) int n,
      @ForAll long seed) {
    int[] a = Shuffle.permutation(n, new SplittableRandom(seed));
    List<Integer> l = new ArrayList<>(IntStream.range(0, n).boxed().toList());
    Shuffle.inPlace(l, new SplittableRandom(seed));
    assertEquals(Arrays.stream(a).boxed().toList(), l);
    int[] sorted = a.clone();
    Arrays.sort(sorted);
    assertArrayEquals(IntStream.range(0, n).toArray(), sorted, "a permutation");
  }
}
