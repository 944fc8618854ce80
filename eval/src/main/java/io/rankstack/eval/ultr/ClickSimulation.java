package io.rankstack.eval.ultr;

import io.rankstack.core.clicks.PositionBasedModel;
import io.rankstack.ltr.dla.ClickedList;
import io.rankstack.ltr.dla.RandomizationPropensities;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Simulated traffic on the shown lists: sessions pick a list uniformly at random and click by a
 * {@link PositionBasedModel}. The clicks of a list's sessions are summed (every session of a query
 * sees the same list, and DLA's loss is linear in the clicks, see {@code DlaLoss}). A separate
 * randomised slice shows each list's top k in a uniformly random order; its clicks only estimate
 * the propensities for the randomisation-IPW baseline.
 */
final class ClickSimulation {
  /** The logged clicks and the randomised slice's propensity estimate. */
  record Log(List<ClickedList> lists, long sessions, long clicks, RandomizationPropensities randomised) {}

  private ClickSimulation() {}

  static Log simulate(List<TopLists.Shown> shown, PositionBasedModel pbm, long sessions, long randomisedSessions,
      int positions, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] perList = TopLists.sessionsPerList(shown.size(), sessions, random);
    List<ClickedList> lists = new ArrayList<>();
    long clicks = 0;
    for (int i = 0; i < shown.size(); i++) {
      TopLists.Shown s = shown.get(i);
      double[] c = new double[s.grades().length];
      for (int n = 0; n < perList[i]; n++) {
        boolean[] k = pbm.sample(s.grades(), random);
        for (int r = 0; r < k.length; r++) {
          if (k[r]) {
            c[r]++;
            clicks++;
          }
        }
      }
      lists.add(new ClickedList(s.queryId(), s.features(), c));
    }
    RandomizationPropensities rand = new RandomizationPropensities(positions);
    List<TopLists.Shown> full = shown.stream().filter(s -> s.grades().length >= positions).toList();
    for (long n = 0; n < randomisedSessions && !full.isEmpty(); n++) {
      TopLists.Shown s = full.get(random.nextInt(full.size()));
      int[] order = RandomizationPropensities.randomOrder(positions, random);
      int[] g = new int[positions];
      for (int r = 0; r < positions; r++) {
        g[r] = s.grades()[order[r]];
      }
      rand.add(pbm.sample(g, random));
    }
    return new Log(lists, sessions, clicks, rand);
  }

  /** The shown lists with graded gains {@code 2^y − 1} as their "clicks": the true-grade upper bound's data. */
  static List<ClickedList> gains(List<TopLists.Shown> shown) {
    List<ClickedList> out = new ArrayList<>();
    for (TopLists.Shown s : shown) {
      double[] g = new double[s.grades().length];
      for (int r = 0; r < g.length; r++) {
        g[r] = Math.pow(2, s.grades()[r]) - 1;
      }
      out.add(new ClickedList(s.queryId(), s.features(), g));
    }
    return out;
  }
}
