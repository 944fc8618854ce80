package io.rankstack.core.interleaving;

import io.rankstack.core.interleaving.InterleavedList.Team;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Team-draft interleaving (Radlinski, Kurup and Joachims, CIKM 2008). Like picking teams: while the
 * list is short of {@code length}, the team with fewer picks so far picks next (a fair coin decides
 * when both have picked equally often), taking its highest-ranked document not yet in the list; the
 * document is labelled with the team. A team whose ranking is used up stops picking. Credit: each
 * click counts for the team of the clicked document; the team with more clicks wins, equal counts
 * (no clicks included) are a tie.
 */
public final class TeamDraftInterleaving implements Interleaving {
  @Override
  public InterleavedList interleave(List<String> a, List<String> b, int length, SplittableRandom random) {
    checkLength(length);
    List<String> docs = new ArrayList<>();
    List<Team> teams = new ArrayList<>();
    Set<String> shown = new HashSet<>();
    int picksA = 0;
    int picksB = 0;
    int ia = 0;
    int ib = 0;
    while (docs.size() < length) {
      while (ia < a.size() && shown.contains(a.get(ia))) {
        ia++;
      }
      while (ib < b.size() && shown.contains(b.get(ib))) {
        ib++;
      }
      boolean canA = ia < a.size();
      boolean canB = ib < b.size();
      if (!canA && !canB) {
        break;
      }
      boolean pickA;
      if (!canB) {
        pickA = true;
      } else if (!canA) {
        pickA = false;
      } else if (picksA != picksB) {
        pickA = picksA < picksB;
      } else {
        pickA = random.nextBoolean();
      }
      String d = pickA ? a.get(ia) : b.get(ib);
      docs.add(d);
      shown.add(d);
      teams.add(pickA ? Team.A : Team.B);
      if (pickA) {
        picksA++;
      } else {
        picksB++;
      }
    }
    return new InterleavedList(docs, teams, a, b);
  }

  @Override
  public Outcome credit(InterleavedList shown, boolean[] clicks) {
    int a = 0;
    int b = 0;
    for (int k = 0; k < Math.min(clicks.length, shown.size()); k++) {
      if (clicks[k]) {
        if (shown.teams().get(k) == Team.A) {
          a++;
        } else {
          b++;
        }
      }
    }
    return a > b ? Outcome.A_WINS : b > a ? Outcome.B_WINS : Outcome.TIE;
  }

  @Override
  public String name() {
    return "team-draft";
  }

  static void checkLength(int length) {
    if (length < 1) {
      throw new IllegalArgumentException("illegal length " + length + ", must be >= 1");
    }
  }
}
