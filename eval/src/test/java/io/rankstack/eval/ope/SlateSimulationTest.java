package io.rankstack.eval.ope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The slate estimators' assumptions, checked on a simulated cascade. Slates of K = 2 positions,
 * each filled uniformly at random from three items with attraction θ = (0.1, 0.5, 0.9); the user
 * clicks position 1 with probability θ(a1) and, only if not, position 2 with probability θ(a2).
 * Target π(·|k) = (0.1, 0.1, 0.8) at both positions, so E_π[θ] = 0.01 + 0.05 + 0.72 = 0.78 and
 * E_p[θ] = 0.5 under the uniform logging policy.
 * <ul>
 *   <li>True value (expected clicks per slate): V = E_π[θ1] + E_π[1 − θ1] E_π[θ2] = 0.78 + 0.22 · 0.78
 *       = 0.9516.</li>
 *   <li>Independent IPS assumes no interaction and converges to
 *       E_π[θ1] + E_π[θ2] E_p[1 − θ1] = 0.78 + 0.78 · 0.5 = 1.17 instead: bias 0.2184.</li>
 * </ul>
 * Tolerances by Hoeffding's inequality, which needs only the range of one impression's term:
 * {@code P(|mean − E| ≥ t) ≤ 2 exp(−2 n t² / range²)}; with n = 20,000 and failure probability
 * 1e-4, {@code t = range · sqrt(ln(2e4) / 40,000) = 0.01573 · range}. The largest weight is
 * 0.8 / (1/3) = 2.4, so the ranges are: RIPS 2.4 + 2.4² = 8.16 (t = 0.128), standard IPS
 * 2 · 2.4² = 11.52 (t = 0.181), IIPS 2.4 + 2.4 = 4.8 (t = 0.0755).
 */
class SlateSimulationTest {
  private static final double[] THETA = {0.1, 0.5, 0.9};
  private static final String[] ITEMS = {"x", "y", "z"};
  private static final int N = 20_000;
  private static final double HOEFFDING = Math.sqrt(Math.log(2e4) / (2.0 * N));

  @Test
  void cascadeLogSeparatesTheAssumptions() {
    PolicyTable.Builder b = new PolicyTable.Builder();
    double[] pi = {0.1, 0.1, 0.8};
    for (int k = 1; k <= 2; k++) {
      for (int a = 0; a < 3; a++) {
        b.put("*", k, ITEMS[a], pi[a]);
      }
    }
    TargetPolicy target = b.build();
    SplittableRandom rng = new SplittableRandom(20261129L);
    List<LoggedImpression> log = new ArrayList<>(N);
    for (int i = 0; i < N; i++) {
      int a1 = rng.nextInt(3);
      int a2 = rng.nextInt(3);
      boolean c1 = rng.nextDouble() < THETA[a1];
      boolean c2 = !c1 && rng.nextDouble() < THETA[a2];
      log.add(new LoggedImpression("", List.of(new LoggedSlot(ITEMS[a1], 1, 1.0 / 3, c1 ? 1 : 0),
          new LoggedSlot(ITEMS[a2], 2, 1.0 / 3, c2 ? 1 : 0))));
    }
    double truth = 0.78 + 0.22 * 0.78;
    double rips = new SlateIps(target, SlateIps.Kind.REWARD_INTERACTION).estimate(log);
    double sips = new SlateIps(target, SlateIps.Kind.STANDARD).estimate(log);
    double iips = new SlateIps(target, SlateIps.Kind.INDEPENDENT).estimate(log);
    assertEquals(truth, rips, 8.16 * HOEFFDING, "RIPS is unbiased under the cascade");
    assertEquals(truth, sips, 11.52 * HOEFFDING, "standard IPS is unbiased under any behaviour");
    assertEquals(1.17, iips, 4.8 * HOEFFDING, "IIPS converges to its position-independent value");
    assertTrue(Math.abs(iips - truth) > 0.2184 - 4.8 * HOEFFDING, "IIPS is biased here: " + iips);
  }
}
