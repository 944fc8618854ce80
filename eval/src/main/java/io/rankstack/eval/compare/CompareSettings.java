package io.rankstack.eval.compare;

import java.util.Objects;

/**
 * What a comparison computes: the measure and the randomisation test's size and seed. The
 * {@code compare} command only binds its flags to this.
 *
 * @param measure      measure name passed to the {@link PerQueryScores} engine, e.g. {@code ndcg_cut.10}
 * @param permutations random sign assignments of the randomisation test, at least
 *                     {@link PairedComparison#MIN_PERMUTATIONS} (default
 *                     {@link PairedComparison#DEFAULT_PERMUTATIONS})
 * @param seed         seed of the randomisation test (default {@link PairedComparison#DEFAULT_SEED})
 */
public record CompareSettings(String measure, int permutations, long seed) {
  /** The measure compared when none is named: nDCG@10, the headline measure of BEIR and TREC DL. */
  public static final String DEFAULT_MEASURE = "ndcg_cut.10";

  public CompareSettings {
    Objects.requireNonNull(measure, "measure");
    if (measure.isBlank()) {
      throw new IllegalArgumentException("measure must not be blank");
    }
    PairedComparison.checkPermutations(permutations);
  }

  /** The defaults for a measure: {@link PairedComparison#DEFAULT_PERMUTATIONS} draws, seed {@link PairedComparison#DEFAULT_SEED}. */
  public static CompareSettings defaults(String measure) {
    return new CompareSettings(measure, PairedComparison.DEFAULT_PERMUTATIONS, PairedComparison.DEFAULT_SEED);
  }
}
