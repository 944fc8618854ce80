package io.rankstack.eval.interleaving;

import io.rankstack.core.Judgments;
import io.rankstack.core.Run;
import io.rankstack.core.clicks.ClickModel;
import io.rankstack.core.interleaving.InterleavedList;
import io.rankstack.core.interleaving.Interleaving;
import io.rankstack.core.interleaving.Interleaving.Outcome;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.inference.AlternativeHypothesis;
import org.apache.commons.math3.stat.inference.BinomialTest;

/**
 * Simulated interleaving experiments on a judged collection: each impression draws a query uniformly
 * from {@code queries}, interleaves the two runs' top {@code depth}, lets a {@link ClickModel} click on
 * the grades the qrels give (unjudged documents grade 0), and credits the clicks. An experiment's
 * verdict after N impressions is the ranker with more wins (a tie of wins is no verdict), and its
 * significance the two-sided binomial sign test over the non-tied impressions. Per-query outcomes
 * are kept too: a query prefers the ranker that won more of its impressions, and the sign test over
 * the queries with a preference tests whether one ranker is preferred on more queries (the unit a
 * query-level analysis, like {@code compare}, counts).
 */
public final class InterleavingSimulation {
  /**
   * Counts after a number of impressions.
   *
   * @param queriesA queries (among those shown so far) whose impressions A won more often than B
   * @param queriesB queries whose impressions B won more often
   */
  public record Tally(int impressions, int winsA, int winsB, int queriesA, int queriesB) {
    /** +1 when A has more wins, −1 when B has, 0 on a tie. */
    public int verdict() {
      return Integer.compare(winsA, winsB);
    }

    /** Two-sided sign-test p-value of wins A vs wins B (1 when no impression had a winner). */
    public double pValue() {
      int n = winsA + winsB;
      return n == 0 ? 1.0 : new BinomialTest().binomialTest(n, winsA, 0.5, AlternativeHypothesis.TWO_SIDED);
    }

    /** Two-sided sign-test p-value of the per-query preferences, queriesA vs queriesB (1 when none). */
    public double queryPValue() {
      int n = queriesA + queriesB;
      return n == 0 ? 1.0 : new BinomialTest().binomialTest(n, queriesA, 0.5, AlternativeHypothesis.TWO_SIDED);
    }
  }

  private final Judgments qrels;
  private final Run a;
  private final Run b;
  private final List<String> queries;
  private final Interleaving method;
  private final ClickModel clicks;
  private final int depth;

  public InterleavingSimulation(Judgments qrels, Run a, Run b, List<String> queries, Interleaving method, ClickModel clicks, int depth) {
    this.qrels = Objects.requireNonNull(qrels, "qrels");
    this.a = Objects.requireNonNull(a, "a");
    this.b = Objects.requireNonNull(b, "b");
    this.queries = List.copyOf(queries);
    this.method = Objects.requireNonNull(method, "method");
    this.clicks = Objects.requireNonNull(clicks, "clicks");
    if (this.queries.isEmpty()) {
      throw new IllegalArgumentException("simulation needs at least one query");
    }
    if (depth < 1) {
      throw new IllegalArgumentException("illegal depth " + depth + ", must be >= 1");
    }
    this.depth = depth;
  }

  /**
   * Runs one experiment of {@code checkpoints[last]} impressions and returns the tally at each
   * checkpoint (ascending impression counts).
   */
  public Tally[] experiment(int[] checkpoints, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Tally[] out = new Tally[checkpoints.length];
    int winsA = 0;
    int winsB = 0;
    int[] perQuery = new int[queries.size()]; // wins of A minus wins of B, per query
    int next = 0;
    int max = checkpoints[checkpoints.length - 1];
    for (int i = 1; i <= max; i++) {
      int qi = random.nextInt(queries.size());
      String q = queries.get(qi);
      InterleavedList shown = method.interleave(a.of(q).top(depth).docIds(), b.of(q).top(depth).docIds(), depth, random);
      Map<String, Integer> grades = qrels.of(q);
      int[] g = new int[shown.size()];
      for (int k = 0; k < g.length; k++) {
        g[k] = grades.getOrDefault(shown.docs().get(k), 0);
      }
      Outcome o = method.credit(shown, clicks.sample(g, random));
      if (o == Outcome.A_WINS) {
        winsA++;
        perQuery[qi]++;
      } else if (o == Outcome.B_WINS) {
        winsB++;
        perQuery[qi]--;
      }
      while (next < checkpoints.length && checkpoints[next] == i) {
        int qa = 0;
        int qb = 0;
        for (int d : perQuery) {
          qa += d > 0 ? 1 : 0;
          qb += d < 0 ? 1 : 0;
        }
        out[next++] = new Tally(i, winsA, winsB, qa, qb);
      }
    }
    return out;
  }
}
