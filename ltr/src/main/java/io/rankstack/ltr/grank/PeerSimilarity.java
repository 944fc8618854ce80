package io.rankstack.ltr.grank;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * G-Rank's similarity of a peer j to node i (Gold and Pouwelse, arXiv 2301.12530), from the rows of
 * i's click log that i and j made:
 * <ul>
 *   <li>κ_t: the number of query terms in both nodes' top 10 (most frequent first, ties by term);</li>
 *   <li>κ_m: the number of (query, item) pairs that both nodes clicked, over the queries both issued;</li>
 *   <li>κ_u: the number of distinct items either node clicked;</li>
 * </ul>
 * {@code S = (κ_t + κ_m²) / κ_u} as the paper writes it ({@link Variant#PAPER}), or
 * {@code (κ_t² + κ_m) / κ_u} as the reference code computes it ({@link Variant#REFERENCE_CODE});
 * 0 when κ_u = 0. Node-level normalisation by the maximum over known peers is the caller's
 * ({@link GRankNode}).
 */
public final class PeerSimilarity {
  /** Which of the two published formulas. */
  public enum Variant {
    PAPER, REFERENCE_CODE
  }

  /** The three counts, for explanation and tests. */
  public record Counts(int topTerms, int matchedClicks, int clickUnion) {}

  private static final int TOP = 10;
  private final Variant variant;

  public PeerSimilarity(Variant variant) {
    this.variant = java.util.Objects.requireNonNull(variant, "variant");
  }

  /**
   * What similarity needs from one node's rows, computed once: its top-10 query terms, the items it
   * clicked per query, and all items it clicked. Immutable.
   */
  public static final class Profile {
    private final Set<String> topTerms;
    private final Map<String, Set<String>> clicksByQuery;
    private final Set<String> clicked;

    private Profile(List<ClickLogRow> rows) {
      this.topTerms = Set.copyOf(topTerms(rows));
      this.clicksByQuery = clicksByQuery(rows);
      Set<String> c = new HashSet<>();
      rows.forEach(r -> c.add(r.clicked()));
      this.clicked = c;
    }
  }

  /** The profile of one node's rows. */
  public static Profile profile(List<ClickLogRow> rows) {
    return new Profile(rows);
  }

  /** κ_t, κ_m and κ_u of two nodes' rows. */
  public static Counts counts(List<ClickLogRow> mine, List<ClickLogRow> theirs) {
    return counts(profile(mine), profile(theirs));
  }

  /** κ_t, κ_m and κ_u of two profiles. */
  public static Counts counts(Profile mine, Profile theirs) {
    int top = 0;
    for (String t : mine.topTerms) {
      if (theirs.topTerms.contains(t)) {
        top++;
      }
    }
    int matched = 0;
    for (Map.Entry<String, Set<String>> e : mine.clicksByQuery.entrySet()) {
      Set<String> other = theirs.clicksByQuery.get(e.getKey());
      if (other != null) {
        for (String item : e.getValue()) {
          if (other.contains(item)) {
            matched++;
          }
        }
      }
    }
    int union = mine.clicked.size();
    for (String item : theirs.clicked) {
      if (!mine.clicked.contains(item)) {
        union++;
      }
    }
    return new Counts(top, matched, union);
  }

  /** S for two nodes' rows, before normalisation. */
  public double similarity(List<ClickLogRow> mine, List<ClickLogRow> theirs) {
    return similarity(profile(mine), profile(theirs));
  }

  /** S for two profiles, before normalisation. */
  public double similarity(Profile mine, Profile theirs) {
    Counts c = counts(mine, theirs);
    if (c.clickUnion() == 0) {
      return 0;
    }
    double t = c.topTerms();
    double m = c.matchedClicks();
    return (variant == Variant.PAPER ? t + m * m : t * t + m) / c.clickUnion();
  }

  private static Set<String> topTerms(List<ClickLogRow> rows) {
    Map<String, Long> counts = rows.stream().collect(Collectors.groupingBy(ClickLogRow::query, Collectors.counting()));
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
        .limit(TOP)
        .map(Map.Entry::getKey)
        .collect(Collectors.toCollection(HashSet::new));
  }

  private static Map<String, Set<String>> clicksByQuery(List<ClickLogRow> rows) {
    Map<String, Set<String>> m = new HashMap<>();
    for (ClickLogRow r : rows) {
      m.computeIfAbsent(r.query(), q -> new HashSet<>()).add(r.clicked());
    }
    return m;
  }
}
