package io.rankstack.eval.compare;

import io.rankstack.core.metrics.RankingMetrics;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A measure named as trec_eval names it, with its cut-off: {@code ndcg_cut.10}, {@code map},
 * {@code map_cut.100}, {@code P.5}, {@code recall.1000}, {@code recip_rank}. The cut-off may also be
 * written with an underscore as in trec_eval's output ({@code ndcg_cut_10}, {@code P_5}).
 *
 * @param family the measure family
 * @param cutoff the cut-off k for families that take one; 0 for those that do not
 */
public record Measure(Family family, int cutoff) {

  /** The supported measure families, each computed by one function of {@link RankingMetrics}. */
  public enum Family {
    /** nDCG at k, {@link RankingMetrics#ndcg}. */
    NDCG_CUT("ndcg_cut", true),
    /** Average precision over the whole ranking, {@link RankingMetrics#averagePrecision(List, Map)}. */
    MAP("map", false),
    /** Average precision counting ranks 1..k, {@link RankingMetrics#averagePrecision(List, Map, int)}. */
    MAP_CUT("map_cut", true),
    /** Precision at k, {@link RankingMetrics#precision}. */
    P("P", true),
    /** Recall at k, {@link RankingMetrics#recall}. */
    RECALL("recall", true),
    /** Reciprocal rank of the first relevant document, {@link RankingMetrics#reciprocalRank}. */
    RECIP_RANK("recip_rank", false);

    private final String trecName;
    private final boolean takesCutoff;

    Family(String trecName, boolean takesCutoff) {
      this.trecName = trecName;
      this.takesCutoff = takesCutoff;
    }

    /** The family's name in trec_eval ({@code ndcg_cut}, {@code P}, ...). */
    public String trecName() {
      return trecName;
    }

    /** Whether the family needs a cut-off k. */
    public boolean takesCutoff() {
      return takesCutoff;
    }
  }

  private static final Pattern NAME = Pattern.compile("(.+?)(?:[._](\\d+))?");

  public Measure {
    if (family.takesCutoff() && cutoff < 1) {
      throw new IllegalArgumentException(family.trecName() + " needs a cut-off of at least 1: " + cutoff);
    }
    if (!family.takesCutoff() && cutoff != 0) {
      throw new IllegalArgumentException(family.trecName() + " takes no cut-off: " + cutoff);
    }
  }

  /**
   * Parses a trec_eval measure name.
   *
   * @throws IllegalArgumentException naming the supported measures when {@code name} is not one
   */
  public static Measure parse(String name) {
    Matcher m = NAME.matcher(name.trim());
    if (m.matches()) {
      for (Family f : Family.values()) {
        if (f.trecName().equals(m.group(1))) {
          String k = m.group(2);
          if (f.takesCutoff() && k == null) {
            throw new IllegalArgumentException("measure " + name + " needs a cut-off, e.g. " + f.trecName() + ".10");
          }
          if (!f.takesCutoff() && k != null) {
            throw new IllegalArgumentException("measure " + f.trecName() + " takes no cut-off: " + name);
          }
          try {
            return new Measure(f, k == null ? 0 : Integer.parseInt(k));
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cut-off of measure " + name + " is too large");
          }
        }
      }
    }
    throw new IllegalArgumentException("unknown measure '" + name + "'; supported: " + supported());
  }

  /** The supported forms, for messages and help: {@code ndcg_cut.K, map, ...}. */
  public static String supported() {
    return Arrays.stream(Family.values())
        .map(f -> f.takesCutoff() ? f.trecName() + ".K" : f.trecName())
        .collect(Collectors.joining(", "));
  }

  /** The measure's score for one ranking (rank 1 first) against one query's grades. */
  public double score(List<String> ranking, Map<String, Integer> grades) {
    return switch (family) {
      case NDCG_CUT -> RankingMetrics.ndcg(ranking, grades, cutoff);
      // averagePrecision(ranking, grades) cuts at ranking.size(), which core rejects for an empty
      // ranking (k = 0); any k >= 1 gives the same AP, 0, for an empty ranking.
      case MAP -> RankingMetrics.averagePrecision(ranking, grades);
      case MAP_CUT -> RankingMetrics.averagePrecision(ranking, grades, cutoff);
      case P -> RankingMetrics.precision(ranking, grades, cutoff);
      case RECALL -> RankingMetrics.recall(ranking, grades, cutoff);
      case RECIP_RANK -> RankingMetrics.reciprocalRank(ranking, grades);
    };
  }

  /** The name as trec_eval prints it in its output: {@code ndcg_cut_10}, {@code P_5}, {@code map}. */
  @Override
  public String toString() {
    return family.takesCutoff() ? family.trecName() + "_" + cutoff : family.trecName();
  }
}
