package io.rankstack.bandits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** Format version 1, byte for byte, so a stored state stays readable; and KL-UCB root properties. */
class BanditStateCodecGoldenTest {
  /**
   * CascadeUCB1, L = 3, K = 2, after list [0, 1] with a click at position 1:
   * T = [1, 1, 0], S = [0, 1, 0], round 1.
   * magic 52 53 42, version 01, kind 01 (counts), algorithm 00 (UCB1), K 02, round 01,
   * exploration 1.5 = 3ff8000000000000, seed 0000000000000000, L 03,
   * items (T, T - S): (01, 01), (01, 00), (00, 00).
   */
  static final String GOLDEN_UCB1 = "52534201" + "01" + "00" + "02" + "01" + "3ff8000000000000" + "0000000000000000" + "03" + "010101000000";

  @Test
  void version1CountsLayout() {
    CascadeUcb1 u = new CascadeUcb1(3, 2);
    u.update(new int[] {0, 1}, 1);
    byte[] bytes = BanditStateCodec.encode(u.state());
    assertEquals(GOLDEN_UCB1, HexFormat.of().formatHex(bytes));
    BanditState decoded = BanditStateCodec.decode(HexFormat.of().parseHex(GOLDEN_UCB1));
    assertEquals(u.state(), decoded);
  }

  /**
   * CascadeLinUCB, L = 2 one-hot items, d = 2, K = 1, λ = 1, α = 0.5, after list [1] clicked:
   * M = I + e1 e1ᵀ, so M⁻¹ = diag(1, 0.5); b = (0, 1).
   */
  @Test
  void version1LinearLayout() {
    CascadeLinUcb lin = new CascadeLinUcb(new double[][] {{1, 0}, {0, 1}}, 1, 1.0, 0.5);
    lin.update(new int[] {1}, 0);
    String expected = "52534201" + "02" + "02" + "01" + "01" + "3ff0000000000000" + "3fe0000000000000" + "02"
        + "3ff0000000000000" + "0000000000000000" + "0000000000000000" + "3fe0000000000000"
        + "0000000000000000" + "3ff0000000000000";
    assertEquals(expected, HexFormat.of().formatHex(BanditStateCodec.encode(lin.state())));
  }

  @Test
  void largeCountsUseMultiByteVarints() {
    long[] pulls = {300, 1L << 40};
    long[] clicks = {0, 1};
    BanditState.Counts s = new BanditState.Counts(BanditState.Algorithm.THOMPSON, 1, 5, 0, -7, pulls, clicks);
    BanditState back = BanditStateCodec.decode(BanditStateCodec.encode(s));
    assertEquals(s, back);
    assertArrayEquals(pulls, ((BanditState.Counts) back).pulls());
  }

  /**
   * U is within 1e-12 of the root of KL(p‖q) = d on [p, 1] (the tolerance is on q: near q = 1 the
   * divergence is so steep that its residual says little), and U is monotone in d.
   */
  @Property(seed = "20261129", tries = 500)
  void klUpperBoundSolvesTheEquation(@ForAll @DoubleRange(min = 0, max = 1) double p,
                                     @ForAll @DoubleRange(min = 0, max = 20) double d) {
    double u = KlUcb.upperBound(p, d);
    assertTrue(u >= p && u <= 1, "u = " + u);
    if (d > 0 && p < 1) {
      double below = Math.max(p, u - 1e-12);
      assertTrue(KlUcb.kl(p, below) <= d, "KL(p, U - eps) = " + KlUcb.kl(p, below) + " > d = " + d);
      if (u + 1e-12 < 1) {
        assertTrue(KlUcb.kl(p, u + 1e-12) >= d, "KL(p, U + eps) = " + KlUcb.kl(p, u + 1e-12) + " < d = " + d);
      }
    }
    // monotone in d
    assertTrue(KlUcb.upperBound(p, d * 1.1 + 1e-6) >= u - 1e-12);
  }
}
