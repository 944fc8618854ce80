package io.rankstack.eval.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class HolmBonferroniTest {

  @Test
  void adjustedPValuesByHand() {
    // m = 4; sorted: 0.005 (#4), 0.01 (#1), 0.03 (#3), 0.04 (#2)
    //   #4: 4 · 0.005 = 0.02
    //   #1: 3 · 0.01  = 0.03, max(0.02, 0.03) = 0.03
    //   #3: 2 · 0.03  = 0.06, max(0.03, 0.06) = 0.06
    //   #2: 1 · 0.04  = 0.04, max(0.06, 0.04) = 0.06 (step-down monotonicity)
    assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02}, HolmBonferroni.adjust(new double[] {0.01, 0.04, 0.03, 0.005}), 1e-12);
    // capped at 1: 2 · 0.5 = 1, then max(1, 0.6) = 1
    assertArrayEquals(new double[] {1, 1}, HolmBonferroni.adjust(new double[] {0.5, 0.6}), 1e-12);
    // at α = 0.05 Holm rejects #4 and #1 (adjusted 0.02 and 0.03) and keeps #3 and #2 (0.06)
  }

  @Test
  void nanIsLeftOutOfTheFamily() {
    // m = 2 (the NaN does not count): 2 · 0.01 = 0.02; max(0.02, 1 · 0.2) = 0.2
    double[] a = HolmBonferroni.adjust(new double[] {0.2, Double.NaN, 0.01});
    assertEquals(0.2, a[0], 1e-12);
    assertEquals(Double.NaN, a[1]);
    assertEquals(0.02, a[2], 1e-12);
  }

  @Test
  void rejectsImpossiblePValues() {
    assertThrows(IllegalArgumentException.class, () -> HolmBonferroni.adjust(new double[] {1.5}));
  }

  @Property(seed = "20261129")
  void adjustedIsBetweenRawAndBonferroniAndKeepsTheOrder(@ForAll @Size(min = 1, max = 12) double[] raw) {
    double[] p = new double[raw.length];
    for (int i = 0; i < raw.length; i++) {
      p[i] = Double.isFinite(raw[i]) ? Math.abs(raw[i]) % 1.0 : 0.5;
    }
    double[] a = HolmBonferroni.adjust(p);
    for (int i = 0; i < p.length; i++) {
      assertEquals(true, a[i] >= p[i] - 1e-15 && a[i] <= Math.min(1, p.length * p[i]) + 1e-15, "p " + p[i] + " adj " + a[i]);
      for (int j = 0; j < p.length; j++) {
        if (p[i] < p[j]) {
          assertEquals(true, a[i] <= a[j], "order");
        }
      }
    }
  }

  @Property(seed = "20261129")
  void oneTestIsUnchanged(@ForAll @DoubleRange(min = 0, max = 1) double p) {
    assertEquals(p, HolmBonferroni.adjust(new double[] {p})[0], 0);
  }
}
