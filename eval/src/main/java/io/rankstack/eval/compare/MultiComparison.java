package io.rankstack.eval.compare;

import io.rankstack.core.Judgments;
import io.rankstack.core.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Several runs against a baseline on several measures: every run's mean per measure and, for each
 * (run, measure) pair other than the baseline's, the {@link PairedComparison} against the baseline
 * with p-values adjusted by {@link HolmBonferroni} over all {@code (runs − 1) × measures}
 * comparisons, separately for the paired t-test and for the randomisation test. Pure: files are
 * read by the command.
 *
 * @param measures    the measures, in column order
 * @param runs        the runs, baseline first
 * @param means       {@code means.get(r)[m]}: run r's mean of measure m over the evaluated queries
 * @param comparisons one per (non-baseline run, measure), run-major
 * @param queries     the number of evaluated queries
 */
public record MultiComparison(List<String> measures, List<ComparisonReport.RunInfo> runs, List<double[]> means,
                              List<Cell> comparisons, int queries) {

  /**
   * One comparison of run {@code run} (index into {@link #runs}, ≥ 1) with the baseline on measure
   * {@code measure} (index into {@link #measures}).
   */
  public record Cell(int run, int measure, PairedComparison stats, double tTestHolm, double randomisationHolm) {}

  /** Which test decides the significance markers. */
  public enum Test { T, RANDOMISATION }

  /**
   * Scores every run on every measure over {@link PerQueryScores#evaluatedQueries} and compares
   * runs 1.. with run 0.
   *
   * @param runs    the runs with their sources, baseline first, at least two
   * @param sources the runs' sources (file names), aligned with {@code runs}
   */
  public static MultiComparison build(Judgments qrels, List<Run> runs, List<String> sources, List<String> measures,
                                      int permutations, long seed, PerQueryScores engine) {
    if (runs.size() < 2) {
      throw new IllegalArgumentException("compare needs a baseline and at least one other run");
    }
    if (measures.isEmpty()) {
      throw new IllegalArgumentException("compare needs at least one measure");
    }
    List<String> queries = PerQueryScores.evaluatedQueries(qrels);
    if (queries.isEmpty()) {
      throw new IllegalArgumentException("no query in the qrels has a relevant document: nothing to compare");
    }
    double[][][] scores = new double[runs.size()][measures.size()][];
    List<double[]> means = new ArrayList<>();
    for (int r = 0; r < runs.size(); r++) {
      double[] m = new double[measures.size()];
      for (int k = 0; k < measures.size(); k++) {
        Map<String, Double> s = engine.scores(qrels, runs.get(r), measures.get(k));
        double[] v = new double[queries.size()];
        for (int q = 0; q < v.length; q++) {
          Double x = s.get(queries.get(q));
          if (x == null) {
            throw new IllegalStateException(engine.getClass().getName() + " returned no score for query " + queries.get(q));
          }
          v[q] = x;
        }
        scores[r][k] = v;
        m[k] = PairedTests.mean(v);
      }
      means.add(m);
    }
    List<PairedComparison> stats = new ArrayList<>();
    for (int r = 1; r < runs.size(); r++) {
      for (int k = 0; k < measures.size(); k++) {
        stats.add(PairedComparison.of(scores[0][k], scores[r][k], permutations, seed));
      }
    }
    double[] tP = stats.stream().mapToDouble(s -> s.tTest().p()).toArray();
    double[] randP = stats.stream().mapToDouble(PairedComparison::randomisationP).toArray();
    double[] tHolm = HolmBonferroni.adjust(tP);
    double[] randHolm = HolmBonferroni.adjust(randP);
    List<Cell> cells = new ArrayList<>();
    int i = 0;
    for (int r = 1; r < runs.size(); r++) {
      for (int k = 0; k < measures.size(); k++, i++) {
        cells.add(new Cell(r, k, stats.get(i), tHolm[i], randHolm[i]));
      }
    }
    List<ComparisonReport.RunInfo> infos = new ArrayList<>();
    for (int r = 0; r < runs.size(); r++) {
      infos.add(new ComparisonReport.RunInfo(sources.get(r), runs.get(r).tag()));
    }
    return new MultiComparison(List.copyOf(measures), infos, means, cells, queries.size());
  }

  /** The comparison of run r (≥ 1) on measure k. */
  public Cell cell(int r, int k) {
    return comparisons.get((r - 1) * measures.size() + k);
  }
}
