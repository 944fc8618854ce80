package io.rankstack.eval.rerank;

import io.rankstack.core.Candidate;
import io.rankstack.core.Query;
import io.rankstack.core.RankedList;
import io.rankstack.index.features.FeatureExtractor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The full first-stage LTR feature vector (the {@link FeatureExtractor} features that {@code ltr
 * scifact} gives LambdaMART: 9 query/list features + 17 per field) for the reranker's head,
 * <b>standardised per query</b>: each feature's mean and population standard deviation are taken
 * over the query's first-stage list (BM25 top 100), every row is mapped to (x − mean) / std (0 when
 * the list has no spread in that feature) and clipped to [−{@value #CLIP}, {@value #CLIP}].
 *
 * <p>Why per query: LambdaMART's trees are invariant to monotone rescaling and use the raw values;
 * the neural head needs inputs on one scale, and per-query statistics need no fitted state shared
 * between train and test (constant per-query features, e.g. the query length, become 0: they
 * cannot reorder a list anyway). A document outside the list (a relevant training document BM25
 * missed) gets its real field features and the list features of a document just below the list
 * (score = the list's lowest, rank = list size + 1, 2, ...), normalised with the list's statistics.
 */
final class LtrHeadFeatures implements HeadFeatures {
  static final float CLIP = 5f;

  private final FeatureExtractor extractor;

  LtrHeadFeatures(FeatureExtractor extractor) {
    this.extractor = extractor;
  }

  @Override
  public List<String> names() {
    return extractor.names();
  }

  @Override
  public float[][] rows(Query query, RankedList firstStage, List<String> docIds) {
    List<Candidate> cands = new ArrayList<>();
    Set<String> inList = new HashSet<>();
    double lowest = 0;
    if (firstStage != null) {
      for (int i = 1; i <= firstStage.size(); i++) {
        Candidate c = firstStage.atRank(i);
        cands.add(new Candidate(c.docId(), c.score()));
        inList.add(c.docId());
        lowest = c.score();
      }
    }
    int listSize = cands.size();
    for (String d : docIds) {
      if (inList.add(d)) {
        cands.add(new Candidate(d, lowest));
      }
    }
    float[][] x = extractor.extract(query, new RankedList(query.id(), cands));
    float[][] z = standardise(x, listSize == 0 ? x.length : listSize);
    Map<String, Integer> row = new HashMap<>();
    for (int i = 0; i < cands.size(); i++) {
      row.put(cands.get(i).docId(), i);
    }
    float[][] out = new float[docIds.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = z[row.get(docIds.get(i))];
    }
    return out;
  }

  /**
   * Every row standardised with the mean and population std of the first {@code statRows} rows,
   * per column; a column without spread maps to 0; results clipped to [−CLIP, CLIP].
   */
  static float[][] standardise(float[][] x, int statRows) {
    int n = x.length;
    int f = n == 0 ? 0 : x[0].length;
    float[][] out = new float[n][f];
    for (int j = 0; j < f; j++) {
      double mean = 0;
      for (int i = 0; i < statRows; i++) {
        mean += x[i][j];
      }
      mean /= Math.max(1, statRows);
      double ss = 0;
      for (int i = 0; i < statRows; i++) {
        ss += (x[i][j] - mean) * (x[i][j] - mean);
      }
      double std = Math.sqrt(ss / Math.max(1, statRows));
      for (int i = 0; i < n; i++) {
        double v = std > 1e-12 ? (x[i][j] - mean) / std : 0;
        out[i][j] = (float) Math.max(-CLIP, Math.min(CLIP, v));
      }
    }
    return out;
  }
}
