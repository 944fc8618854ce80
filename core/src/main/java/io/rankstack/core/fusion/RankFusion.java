package io.rankstack.core.fusion;

import io.rankstack.core.Candidate;
import io.rankstack.core.RankedList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Combines several ranked lists for one query into one. Three methods:
 * <ul>
 *   <li>{@link Method#RRF}, reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009):
 *       {@code score(d) = Σ_lists 1 / (k + rank(d))}, ranks from 1, a list without d adding
 *       nothing; scores are ignored, so no normalisation is needed. k = 60 in the paper.</li>
 *   <li>{@link Method#COMB_SUM} (Fox and Shaw, TREC-2 1994): {@code score(d) = Σ_lists norm(s(d))}.</li>
 *   <li>{@link Method#COMB_MNZ}: CombSUM times the number of lists that retrieved d.</li>
 * </ul>
 * The fused list is ordered by {@link RankedList#BY_SCORE_THEN_ID} and cut at {@code depth}.
 * Immutable and thread-safe.
 */
public final class RankFusion {
  /** Fusion methods. */
  public enum Method {
    RRF, COMB_SUM, COMB_MNZ
  }

  /** The RRF constant of Cormack et al. */
  public static final int DEFAULT_RRF_K = 60;

  private final Method method;
  private final ScoreNormalization normalization;
  private final int rrfK;
  private final int depth;

  /**
   * @param method        how scores combine
   * @param normalization per-list normalisation for CombSUM/CombMNZ (ignored by RRF)
   * @param rrfK          RRF's k, at least 0
   * @param depth         documents kept in the fused list, at least 1
   */
  public RankFusion(Method method, ScoreNormalization normalization, int rrfK, int depth) {
    this.method = Objects.requireNonNull(method, "method");
    this.normalization = Objects.requireNonNull(normalization, "normalization");
    if (rrfK < 0) {
      throw new IllegalArgumentException("illegal RRF k " + rrfK + ", must be >= 0");
    }
    if (depth < 1) {
      throw new IllegalArgumentException("illegal depth " + depth + ", must be >= 1");
    }
    this.rrfK = rrfK;
    this.depth = depth;
  }

  /** Fuses {@code lists}, which must all answer {@code queryId}; an empty input gives an empty list. */
  public RankedList fuse(String queryId, List<RankedList> lists) {
    Map<String, Double> score = new LinkedHashMap<>();
    Map<String, Integer> hits = new HashMap<>();
    for (RankedList list : lists) {
      if (!list.queryId().equals(queryId)) {
        throw new IllegalArgumentException("list for query " + list.queryId() + " fused into query " + queryId);
      }
      List<Candidate> cs = list.candidates();
      double[] raw = new double[cs.size()];
      for (int i = 0; i < raw.length; i++) {
        raw[i] = cs.get(i).score();
      }
      double[] norm = method == Method.RRF ? raw : normalization.apply(raw);
      for (int i = 0; i < cs.size(); i++) {
        double contribution = method == Method.RRF ? 1.0 / (rrfK + i + 1) : norm[i];
        score.merge(cs.get(i).docId(), contribution, Double::sum);
        hits.merge(cs.get(i).docId(), 1, Integer::sum);
      }
    }
    List<Candidate> fused = new ArrayList<>(score.size());
    for (Map.Entry<String, Double> e : score.entrySet()) {
      double s = method == Method.COMB_MNZ ? e.getValue() * hits.get(e.getKey()) : e.getValue();
      fused.add(new Candidate(e.getKey(), s));
    }
    return RankedList.sortedByScore(queryId, fused).top(depth);
  }
}
