package io.rankstack.core.interleaving;

import io.rankstack.core.interleaving.InterleavedList.Team;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Balanced interleaving (Joachims, KDD 2002/2003). A coin decides which ranking leads; two pointers
 * k_A, k_B walk down A and B; while the list is short, if k_A < k_B, or they are equal and A leads, A's
 * document at k_A is appended (when not already shown) and k_A advances, otherwise the same for B.
 * Credit: let d be the lowest clicked document of the list and k the smallest depth at which d is in
 * the top k of A or of B; A wins when more clicked documents are in A's top k than in B's, B wins in
 * the opposite case, otherwise (and without clicks) a tie.
 */
public final class BalancedInterleaving implements Interleaving {
  @Override
  public InterleavedList interleave(List<String> a, List<String> b, int length, SplittableRandom random) {
    TeamDraftInterleaving.checkLength(length);
    boolean aLeads = random.nextBoolean();
    List<String> docs = new ArrayList<>();
    Set<String> shown = new HashSet<>();
    int ka = 0;
    int kb = 0;
    while (docs.size() < length && (ka < a.size() || kb < b.size())) {
      boolean takeA = kb >= b.size() || (ka < a.size() && (ka < kb || (ka == kb && aLeads)));
      String d = takeA ? a.get(ka++) : b.get(kb++);
      if (shown.add(d)) {
        docs.add(d);
      }
    }
    return new InterleavedList(docs, Collections.nCopies(docs.size(), Team.NONE), a, b);
  }

  @Override
  public Outcome credit(InterleavedList shown, boolean[] clicks) {
    int lowest = -1;
    for (int r = Math.min(clicks.length, shown.size()) - 1; r >= 0; r--) {
      if (clicks[r]) {
        lowest = r;
        break;
      }
    }
    if (lowest < 0) {
      return Outcome.TIE;
    }
    String d = shown.docs().get(lowest);
    int ra = shown.a().indexOf(d);
    int rb = shown.b().indexOf(d);
    int k = Math.min(ra < 0 ? Integer.MAX_VALUE : ra, rb < 0 ? Integer.MAX_VALUE : rb) + 1;
    Set<String> topA = new HashSet<>(shown.a().subList(0, Math.min(k, shown.a().size())));
    Set<String> topB = new HashSet<>(shown.b().subList(0, Math.min(k, shown.b().size())));
    int ha = 0;
    int hb = 0;
    for (int r = 0; r <= lowest; r++) {
      if (clicks[r]) {
        String c = shown.docs().get(r);
        if (topA.contains(c)) {
          ha++;
        }
        if (topB.contains(c)) {
          hb++;
        }
      }
    }
    return ha > hb ? Outcome.A_WINS : hb > ha ? Outcome.B_WINS : Outcome.TIE;
  }

  @Override
  public String name() {
    return "balanced";
  }
}
