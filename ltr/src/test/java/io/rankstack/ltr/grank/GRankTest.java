package io.rankstack.ltr.grank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GRankTest {
  private static ClickLogRow row(int node, long n, String query, String item) {
    return new ClickLogRow(node, n, query, List.of(item), item, "title " + item, Set.of(query));
  }

  @Test
  void similarityKnownAnswer() {
    List<ClickLogRow> i = List.of(row(0, 0, "jazz", "1"), row(0, 1, "jazz", "1"), row(0, 2, "rock", "2"), row(0, 3, "pop", "3"));
    List<ClickLogRow> j = List.of(row(1, 0, "jazz", "1"), row(1, 1, "rock", "5"), row(1, 2, "rock", "5"), row(1, 3, "blues", "7"));
    // top terms shared: jazz, rock -> 2; both clicked item 1 for jazz -> 1; clicked items {1,2,3,5,7} -> 5
    assertEquals(new PeerSimilarity.Counts(2, 1, 5), PeerSimilarity.counts(i, j));
    assertEquals(0.6, new PeerSimilarity(PeerSimilarity.Variant.PAPER).similarity(i, j), 1e-12); // (2 + 1^2) / 5
    assertEquals(1.0, new PeerSimilarity(PeerSimilarity.Variant.REFERENCE_CODE).similarity(i, j), 1e-12); // (2^2 + 1) / 5
    assertEquals(0.0, new PeerSimilarity(PeerSimilarity.Variant.PAPER).similarity(List.of(), List.of()), 0.0);
  }

  @Test
  void clickLogSuppressesDuplicatesAndServesEachRowOncePerPeer() {
    ClickLog log = new ClickLog();
    assertTrue(log.append(row(3, 0, "q", "a")));
    assertFalse(log.append(row(3, 0, "other", "b")), "same (node, local query) key");
    log.append(row(3, 1, "q", "b"));
    assertEquals(2, log.unsentTo(7).size());
    assertEquals(0, log.unsentTo(7).size());
    log.append(row(4, 0, "q", "c"));
    assertEquals(List.of(row(4, 0, "q", "c")), log.unsentTo(7));
    assertEquals(3, log.unsentTo(8).size(), "another peer gets everything");
  }

  @Test
  void gossipDiscoversPeersThroughTheirRows() {
    PeerSimilarity sim = new PeerSimilarity(PeerSimilarity.Variant.PAPER);
    GRankNode a = new GRankNode(0, List.of(), sim, 1, false, 1);
    GRankNode b = new GRankNode(1, List.of(), sim, 1, false, 2);
    GRankNode c = new GRankNode(2, List.of(), sim, 1, false, 3);
    c.recordClick("jazz", List.of("x"), "x");
    b.pullFrom(c);
    assertEquals(Set.of(2), b.knownPeers());
    assertEquals(1, a.pullFrom(b));
    assertEquals(Set.of(1, 2), a.knownPeers(), "node 2 discovered through a row node 1 relayed");
    assertEquals(0, a.pullFrom(b), "nothing new the second time");
  }

  @Test
  void rankingWeightsClicksBySimilarityPlusIsolation() {
    PeerSimilarity sim = new PeerSimilarity(PeerSimilarity.Variant.PAPER);
    for (double f : new double[] {0, 1}) {
      GRankNode me = new GRankNode(0, List.of(new Item("m", "local match", Set.of("jazz")), new Item("n", "no match", Set.of("rock"))),
          sim, f, false, 1);
      me.recordClick("jazz", List.of(), "a");
      me.recordClick("pop", List.of(), "p");
      // Peer 1 shares my taste (jazz -> a); peer 2 does not (jazz -> b, three times).
      me.receive(List.of(row(1, 0, "jazz", "a"), row(1, 1, "jazz", "b"),
          row(2, 0, "jazz", "b"), row(2, 1, "jazz", "b"), row(2, 2, "jazz", "b")));
      // S raw: peer 1: top {jazz} ∩ {jazz, pop} = 1, matched (jazz, a) = 1, union {a, p, b} = 3 -> (1 + 1)/3;
      //        peer 2: top 1, matched 0, union {a, p, b} = 3 -> 1/3. Normalised: S1 = 1, S2 = 0.5.
      assertEquals(1.0, me.similarityOf(1), 1e-12);
      assertEquals(0.5, me.similarityOf(2), 1e-12);
      List<String> r = me.search("jazz", 10);
      // a: me (1 + F) + peer 1 (1 + F); b: peer 1 (1 + F) + 3 x peer 2 (0.5 + F)
      // F = 0: a 2, b 2.5 -> b first; F = 1: a 4, b 6.5 -> b first; then the local metadata match m
      assertEquals(List.of("b", "a", "m"), r, "F = " + f);
    }
  }

  @Test
  void isolationZeroIgnoresDissimilarPeers() {
    PeerSimilarity sim = new PeerSimilarity(PeerSimilarity.Variant.PAPER);
    GRankNode me = new GRankNode(0, List.of(), sim, 0, false, 1);
    me.recordClick("jazz", List.of(), "a");
    me.receive(List.of(row(5, 0, "metal", "z"), row(5, 1, "jazz", "z")));
    // peer 5: top terms {jazz} ∩ {metal, jazz} = 1, matched 0, union {a, z} = 2 -> S = 0.5, normalised 1 (the only peer)
    assertEquals(List.of("a", "z"), me.search("jazz", 10));
    GRankNode stranger = new GRankNode(0, List.of(), sim, 0, false, 1);
    stranger.recordClick("pop", List.of(), "p");
    stranger.receive(List.of(row(6, 0, "jazz", "z")));
    // no shared terms, matched 0, union {p, z}: S = 0 -> with F = 0 its click counts for nothing
    assertEquals(List.of(), stranger.search("jazz", 10));
  }

  @Test
  void explorationSwapsAreSeeded() {
    PeerSimilarity sim = new PeerSimilarity(PeerSimilarity.Variant.PAPER);
    List<Item> lib = List.of(new Item("1", "", Set.of("q")), new Item("2", "", Set.of("q")), new Item("3", "", Set.of("q")));
    GRankNode x = new GRankNode(0, lib, sim, 1, true, 42);
    GRankNode y = new GRankNode(0, lib, sim, 1, true, 42);
    boolean swapped = false;
    for (int i = 0; i < 20; i++) {
      List<String> rx = x.search("q", 10);
      assertEquals(rx, y.search("q", 10));
      swapped |= !rx.equals(List.of("1", "2", "3"));
    }
    assertTrue(swapped, "a coin with p = 0.5 swaps within 20 searches");
  }
}
