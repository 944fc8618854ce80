package io.rankstack.ltr.grank;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The evaluation of the G-Rank paper, simulated: {@code nodes} peers each hold a random share of a
 * catalogue; at each step a random peer's user issues a single-term query (drawn with the given
 * weights), clicks the top result, and the peer then pulls gossip from one random known peer (a
 * random node while it knows none, standing in for a bootstrap tracker). The metric is the positional
 * distance of the result list to the global optimum for the query, the items ordered by the honest
 * clicks all peers have made for it so far (ties by id): the sum, over items in both lists, of the
 * difference of their positions.
 *
 * <p>Attacks, both aimed at pushing one target item up for the five most frequent query terms:
 * <ul>
 *   <li>{@link Attack#SYBIL}: {@code attackers} extra identities that each step click the target for an
 *       attacked term and also echo the most popular honest (term, item) clicks, to look similar;
 *       honest peers can pull from them like from anyone.</li>
 *   <li>{@link Attack#CLICK_INFLATION}: one existing peer that, besides its honest searches, records
 *       {@code attackers} clicks on the target per step.</li>
 * </ul>
 * Fake clicks never enter the global optimum. Deterministic for a seed.
 */
public final class GRankSimulation {
  /** The attack simulated. */
  public enum Attack {
    NONE, SYBIL, CLICK_INFLATION
  }

  /**
   * @param nodes           honest peers, at least 2
   * @param libraryFraction share of the catalogue each peer holds, in (0, 1]
   * @param queries         simulated queries, at least 1
   * @param isolation       F
   * @param explore         whether results get the random swap
   * @param variant         similarity formula
   * @param attack          the attack
   * @param attackers       sybil identities, or fake clicks per step for inflation
   * @param k               result list length
   * @param seed            seed of everything random
   */
  public record Config(int nodes, double libraryFraction, int queries, double isolation, boolean explore,
                       PeerSimilarity.Variant variant, Attack attack, int attackers, int k, long seed) {
    public Config {
      if (nodes < 2 || queries < 1 || k < 1 || attackers < 0) {
        throw new IllegalArgumentException("need nodes >= 2, queries >= 1, k >= 1, attackers >= 0");
      }
      if (!(libraryFraction > 0 && libraryFraction <= 1)) {
        throw new IllegalArgumentException("illegal library fraction " + libraryFraction + ", must be in (0, 1]");
      }
      Objects.requireNonNull(variant, "variant");
      Objects.requireNonNull(attack, "attack");
    }
  }

  /**
   * @param distance       positional distance to the global optimum at each query
   * @param targetInTop3   for queries on an attacked term, the share whose top 3 held the target
   * @param attackedQueries how many queries were on an attacked term
   */
  public record Result(double[] distance, double targetInTop3, int attackedQueries) {}

  private final Config config;

  public GRankSimulation(Config config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** Runs the simulation over {@code catalogue} with query terms drawn by {@code termWeights}. */
  public Result run(List<Item> catalogue, List<String> terms, double[] termWeights) {
    if (terms.size() != termWeights.length || terms.isEmpty()) {
      throw new IllegalArgumentException("need one weight per query term, and at least one term");
    }
    SplittableRandom random = new SplittableRandom(config.seed());
    PeerSimilarity similarity = new PeerSimilarity(config.variant());
    int librarySize = Math.max(1, (int) (config.libraryFraction() * catalogue.size()));
    List<GRankNode> honest = new ArrayList<>();
    for (int n = 0; n < config.nodes(); n++) {
      List<Item> shuffled = new ArrayList<>(catalogue);
      Collections.shuffle(shuffled, new java.util.Random(random.nextLong()));
      honest.add(new GRankNode(n, shuffled.subList(0, librarySize), similarity, config.isolation(), config.explore(), random.nextLong()));
    }
    List<GRankNode> all = new ArrayList<>(honest);
    List<GRankNode> sybils = new ArrayList<>();
    if (config.attack() == Attack.SYBIL) {
      for (int s = 0; s < config.attackers(); s++) {
        GRankNode sybil = new GRankNode(config.nodes() + s, List.of(), similarity, config.isolation(), false, random.nextLong());
        sybils.add(sybil);
        all.add(sybil);
      }
    }
    double[] cumulative = cumulative(termWeights);
    List<String> attackedTerms = topTerms(terms, termWeights, 5);
    String target = catalogue.get(random.nextInt(catalogue.size())).id();

    Map<String, Map<String, Integer>> honestClicks = new HashMap<>();
    Map<String, String> bestEchoItem = new HashMap<>();
    double[] distance = new double[config.queries()];
    int attacked = 0;
    int targetTop3 = 0;
    for (int t = 0; t < config.queries(); t++) {
      GRankNode node = honest.get(random.nextInt(honest.size()));
      String query = terms.get(draw(cumulative, random));
      List<String> results = node.search(query, config.k());
      distance[t] = distance(results, optimum(honestClicks.get(query)));
      if (attackedTerms.contains(query) && config.attack() != Attack.NONE) {
        attacked++;
        if (results.subList(0, Math.min(3, results.size())).contains(target)) {
          targetTop3++;
        }
      }
      if (!results.isEmpty()) {
        String clicked = results.get(0);
        node.recordClick(query, results, clicked);
        honestClicks.computeIfAbsent(query, q -> new HashMap<>()).merge(clicked, 1, Integer::sum);
        bestEchoItem.put(query, clicked);
      }
      switch (config.attack()) {
        case SYBIL -> {
          if (!sybils.isEmpty()) {
            GRankNode sybil = sybils.get(random.nextInt(sybils.size()));
            String term = attackedTerms.get(random.nextInt(attackedTerms.size()));
            sybil.recordClick(term, List.of(target), target);
            // echo an honest click to look like a similar peer
            String echoTerm = attackedTerms.get(random.nextInt(attackedTerms.size()));
            String echo = bestEchoItem.get(echoTerm);
            if (echo != null) {
              sybil.recordClick(echoTerm, List.of(echo), echo);
            }
          }
        }
        case CLICK_INFLATION -> {
          GRankNode inflater = honest.get(0);
          for (int i = 0; i < config.attackers(); i++) {
            inflater.recordClick(attackedTerms.get(random.nextInt(attackedTerms.size())), List.of(target), target);
          }
        }
        case NONE -> { }
      }
      GRankNode peer = pickPeer(node, all, random);
      node.pullFrom(peer);
    }
    return new Result(distance, attacked == 0 ? 0 : (double) targetTop3 / attacked, attacked);
  }

  private static GRankNode pickPeer(GRankNode node, List<GRankNode> all, SplittableRandom random) {
    List<Integer> known = new ArrayList<>(node.knownPeers());
    if (known.isEmpty()) {
      int other = random.nextInt(all.size() - 1);
      return all.get(other >= node.id() ? other + 1 : other);
    }
    return all.get(known.get(random.nextInt(known.size())));
  }

  /** Items by descending honest clicks, ties by id. */
  static List<String> optimum(Map<String, Integer> clicks) {
    if (clicks == null) {
      return List.of();
    }
    List<String> items = new ArrayList<>(clicks.keySet());
    items.sort((a, b) -> {
      int c = Integer.compare(clicks.get(b), clicks.get(a));
      return c != 0 ? c : a.compareTo(b);
    });
    return items;
  }

  /** Σ over items in both lists of |position in {@code list} − position in {@code optimum}|. */
  static double distance(List<String> list, List<String> optimum) {
    Map<String, Integer> pos = new HashMap<>();
    for (int i = 0; i < optimum.size(); i++) {
      pos.put(optimum.get(i), i);
    }
    double d = 0;
    for (int i = 0; i < list.size(); i++) {
      Integer j = pos.get(list.get(i));
      if (j != null) {
        d += Math.abs(i - j);
      }
    }
    return d;
  }

  private static double[] cumulative(double[] w) {
    double[] c = new double[w.length];
    double sum = 0;
    for (int i = 0; i < w.length; i++) {
      if (!(w[i] >= 0)) {
        throw new IllegalArgumentException("term weight " + i + " is negative or NaN");
      }
      sum += w[i];
      c[i] = sum;
    }
    if (sum <= 0) {
      throw new IllegalArgumentException("term weights sum to zero");
    }
    return c;
  }

  private static int draw(double[] cumulative, SplittableRandom random) {
    double u = random.nextDouble() * cumulative[cumulative.length - 1];
    int i = java.util.Arrays.binarySearch(cumulative, u);
    i = i >= 0 ? i + 1 : -i - 1;
    return Math.min(i, cumulative.length - 1);
  }

  private static List<String> topTerms(List<String> terms, double[] weights, int n) {
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < terms.size(); i++) {
      idx.add(i);
    }
    idx.sort((a, b) -> {
      int c = Double.compare(weights[b], weights[a]);
      return c != 0 ? c : terms.get(a).compareTo(terms.get(b));
    });
    List<String> out = new ArrayList<>();
    for (int i = 0; i < Math.min(n, idx.size()); i++) {
      out.add(terms.get(idx.get(i)));
    }
    return out;
  }
}
