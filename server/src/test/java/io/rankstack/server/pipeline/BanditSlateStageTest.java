package io.rankstack.server.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rankstack.bandits.BanditState;
import io.rankstack.core.Candidate;
import io.rankstack.core.RankedList;
import io.rankstack.online.bandit.ContextBandit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Known answers for the slate: hand-worked CascadeKL-UCB orders over a five-candidate pool. */
class BanditSlateStageTest {
  private static final RankedList INPUT = RankedList.sortedByScore("q", List.of(
      new Candidate("a", 5), new Candidate("b", 4), new Candidate("c", 3), new Candidate("d", 2), new Candidate("e", 1),
      new Candidate("f", 0.5)));

  private static List<String> ids(RankedList l) {
    List<String> out = new ArrayList<>();
    l.candidates().forEach(c -> out.add(c.docId()));
    return out;
  }

  @Test
  void noStateKeepsTheIncomingOrder() {
    BanditSlateStage s = new BanditSlateStage(k -> Optional.empty(), 5, 3);
    // every pool item is unobserved (index +inf); ties go to the lower item id = the higher incoming rank
    assertEquals(List.of("a", "b", "c", "d", "e", "f"), ids(s.slate(INPUT, null)));
    assertEquals(1.0, s.slate(INPUT, null).atRank(1).score(), 0);
    assertEquals(2.0, s.slate(INPUT, null).atRank(4).score(), 0, "items outside the slate keep their scores");
  }

  @Test
  void equallyObservedUnclickedItemsKeepTheIncomingOrder() {
    ContextBandit st = ContextBandit.empty(BanditState.Algorithm.KL_UCB, 5).observe(List.of("a", "b", "c", "d", "e"), -1);
    BanditSlateStage s = new BanditSlateStage(k -> Optional.of(st), 5, 5);
    assertEquals(List.of("a", "b", "c", "d", "e", "f"), ids(s.slate(INPUT, st)));
  }

  @Test
  void aClickedLowerItemRisesAboveObservedUnclickedOnes() {
    // Shown a..e, first click at position 4 (d): a, b, c observed unattractive (1 pull, 0 clicks), d attractive
    // (1 pull, 1 click), e not observed. Round 2: e is unobserved (+inf) and comes first; d's index is 1
    // (mean 1); a, b, c have mean 0 and, at t = 2, log 2 + 3 log log 2 < 0, so index 0. Slate of 3: e, d, a.
    ContextBandit st = ContextBandit.empty(BanditState.Algorithm.KL_UCB, 5).observe(List.of("a", "b", "c", "d", "e"), 3);
    BanditSlateStage s = new BanditSlateStage(k -> Optional.of(st), 5, 3);
    assertEquals(List.of("e", "d", "a", "b", "c", "f"), ids(s.slate(INPUT, st)));
    assertEquals(1.0, s.slate(INPUT, st).atRank(2).score(), 1e-12, "d's KL-UCB index is its mean 1");
  }

  @Test
  void rejectsASlateLargerThanThePool() {
    assertThrows(IllegalArgumentException.class, () -> new BanditSlateStage(k -> Optional.empty(), 2, 3));
  }
}
