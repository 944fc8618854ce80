package io.rankstack.ltr.grank;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * One peer of G-Rank (Gold and Pouwelse, arXiv 2301.12530): it holds part of the catalogue, a click
 * log that gossip fills, and ranks results for a query from the clicks of peers weighted by how
 * similar they are.
 *
 * <p>Ranking for query Q: every item clicked for Q in the log scores
 * {@code Σ_rows (S(node of row) + F)}, i.e. {@code Σ_j clicks_j(item, Q)·(S(j) + F)}, with S the
 * peer similarity normalised by its maximum over known peers and S = 1 for the node itself; F is the
 * isolation constant (F = 1 keeps the clicks of dissimilar peers, F = 0 drops them). Clicked items
 * come first, by score (ties by id); local items whose metadata matches Q follow (by id): they are the
 * only results for a query the network has never clicked on, as in the reference notebook. With
 * exploration on, a seeded coin (p = 0.5) swaps two random positions of the list.
 *
 * <p>Gossip is pull-based: {@link #pullFrom} asks a peer for the rows it has not sent this node yet.
 * A node id seen in received rows becomes a known peer (that is how peers are discovered).
 * Not thread-safe: a simulation drives each node from one thread.
 */
public final class GRankNode {
  private final int id;
  private final Map<String, Item> library;
  private final Map<String, Item> seenItems = new HashMap<>();
  private final ClickLog log = new ClickLog();
  private final Set<Integer> knownPeers = new TreeSet<>();
  private final Map<Integer, Double> rawSimilarity = new HashMap<>();
  private final Map<Integer, List<ClickLogRow>> rowsByNode = new HashMap<>();
  private final Map<String, List<ClickLogRow>> rowsByQuery = new HashMap<>();
  private final Map<Integer, PeerSimilarity.Profile> profiles = new HashMap<>();
  private final Set<Integer> stalePeers = new TreeSet<>();
  private boolean allStale;
  private final PeerSimilarity similarity;
  private final double isolation;
  private final boolean explore;
  private final SplittableRandom random;
  private long queries;

  /**
   * @param id         this node's id, non-negative
   * @param library    the items this node holds
   * @param similarity the peer-similarity formula
   * @param isolation  F ≥ 0, added to every peer's similarity when weighting its clicks
   * @param explore    whether to swap two results with probability 0.5
   * @param seed       seed of the exploration coin
   */
  public GRankNode(int id, List<Item> library, PeerSimilarity similarity, double isolation, boolean explore, long seed) {
    if (id < 0) {
      throw new IllegalArgumentException("node id must be non-negative: " + id);
    }
    if (!(isolation >= 0) || Double.isInfinite(isolation)) {
      throw new IllegalArgumentException("illegal isolation constant " + isolation + ", must be finite and >= 0");
    }
    this.id = id;
    Map<String, Item> lib = new HashMap<>();
    for (Item item : library) {
      lib.put(item.id(), item);
    }
    this.library = Collections.unmodifiableMap(lib);
    this.similarity = Objects.requireNonNull(similarity, "similarity");
    this.isolation = isolation;
    this.explore = explore;
    this.random = new SplittableRandom(seed);
  }

  /** This node's id. */
  public int id() {
    return id;
  }

  /** The click log (own rows and gossiped ones). */
  public ClickLog log() {
    return log;
  }

  /** Peers discovered so far. */
  public Set<Integer> knownPeers() {
    return Collections.unmodifiableSet(knownPeers);
  }

  /** The items this node holds. */
  public Map<String, Item> library() {
    return library;
  }

  /** Similarity of {@code peer} normalised by the maximum over known peers (1 for this node itself). */
  public double similarityOf(int peer) {
    refreshStaleSimilarities();
    return normalised(peer, maxRawSimilarity());
  }

  private double normalised(int peer, double max) {
    if (peer == id) {
      return 1.0;
    }
    return max == 0 ? 0 : rawSimilarity.getOrDefault(peer, 0.0) / max;
  }

  private double maxRawSimilarity() {
    double max = 0;
    for (double s : rawSimilarity.values()) {
      max = Math.max(max, s);
    }
    return max;
  }

  /** The ranked results for {@code query} (at most {@code k}). */
  public List<String> search(String query, int k) {
    Map<String, Double> score = new HashMap<>();
    Map<Integer, Double> weight = new HashMap<>();
    refreshStaleSimilarities();
    double max = maxRawSimilarity();
    for (ClickLogRow r : rowsByQuery.getOrDefault(query, List.of())) {
      double w = weight.computeIfAbsent(r.nodeId(), n -> normalised(n, max) + isolation);
      score.merge(r.clicked(), w, Double::sum);
    }
    List<String> clicked = new ArrayList<>(score.keySet());
    clicked.removeIf(item -> score.get(item) <= 0);
    clicked.sort((a, b) -> {
      int c = Double.compare(score.get(b), score.get(a));
      return c != 0 ? c : a.compareTo(b);
    });
    LinkedHashSet<String> out = new LinkedHashSet<>(clicked);
    new TreeSet<>(library.keySet()).stream()
        .filter(itemId -> library.get(itemId).tags().contains(query))
        .forEach(out::add);
    List<String> list = new ArrayList<>(out);
    if (explore && list.size() > 1 && random.nextDouble() < 0.5) {
      int i = random.nextInt(list.size());
      int j = random.nextInt(list.size() - 1);
      if (j >= i) {
        j++;
      }
      Collections.swap(list, i, j);
    }
    return list.size() > k ? List.copyOf(list.subList(0, k)) : List.copyOf(list);
  }

  /** Records this node's user clicking {@code item} on {@code shown} for {@code query}; returns the row. */
  public ClickLogRow recordClick(String query, List<String> shown, String item) {
    Item known = library.containsKey(item) ? library.get(item) : seenItems.get(item);
    String title = known == null ? item : known.title();
    Set<String> tags = known == null ? Set.of() : known.tags();
    ClickLogRow row = new ClickLogRow(id, queries++, query, shown, item, title, tags);
    if (log.append(row)) {
      index(row);
      allStale = true;
    }
    return row;
  }

  /** Adds gossiped rows (duplicates are dropped), discovers their nodes, updates similarities. */
  public int receive(List<ClickLogRow> rows) {
    int added = 0;
    Set<Integer> touched = new TreeSet<>();
    for (ClickLogRow r : rows) {
      if (log.append(r)) {
        added++;
        index(r);
        touched.add(r.nodeId());
        seenItems.putIfAbsent(r.clicked(), new Item(r.clicked(), r.clickedTitle(), r.clickedTags()));
        if (r.nodeId() != id) {
          knownPeers.add(r.nodeId());
        }
      }
    }
    if (touched.contains(id)) {
      allStale = true;
    }
    stalePeers.addAll(touched);
    return added;
  }

  /** Pull gossip: takes from {@code peer} the rows it has not sent this node yet; returns how many were new. */
  public int pullFrom(GRankNode peer) {
    if (peer.id != id && knownPeers.add(peer.id)) {
      stalePeers.add(peer.id);
    }
    return receive(peer.log.unsentTo(id));
  }

  private void index(ClickLogRow r) {
    rowsByNode.computeIfAbsent(r.nodeId(), n -> new ArrayList<>()).add(r);
    rowsByQuery.computeIfAbsent(r.query(), q -> new ArrayList<>()).add(r);
    profiles.remove(r.nodeId());
  }

  private PeerSimilarity.Profile profileOf(int node) {
    return profiles.computeIfAbsent(node, n -> PeerSimilarity.profile(rowsByNode.getOrDefault(n, List.of())));
  }

  /**
   * Brings raw similarities up to date, lazily: rows only mark peers stale (all of them when this
   * node's own rows changed), and the work happens once, when a ranking or a similarity is asked for.
   */
  private void refreshStaleSimilarities() {
    if (!allStale && stalePeers.isEmpty()) {
      return;
    }
    PeerSimilarity.Profile mine = profileOf(id);
    for (int peer : allStale ? knownPeers : stalePeers) {
      if (peer != id && knownPeers.contains(peer)) {
        rawSimilarity.put(peer, similarity.similarity(mine, profileOf(peer)));
      }
    }
    allStale = false;
    stalePeers.clear();
  }
}
