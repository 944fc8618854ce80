package io.rankstack.eval.rerank;

import io.rankstack.core.Query;
import io.rankstack.core.RankedList;
import java.util.List;

/**
 * The first-stage features a reranker's head reads for (query, document): none, the two BM25 list
 * features ({@link Bm25Features}) or the 60 LTR features ({@link LtrHeadFeatures}). Computed here
 * in eval, so that the {@code rerank} module sees only float arrays and their names.
 */
interface HeadFeatures {
  HeadFeatures NONE = new HeadFeatures() {
    @Override
    public List<String> names() {
      return List.of();
    }

    @Override
    public float[][] rows(Query query, RankedList firstStage, List<String> docIds) {
      return new float[docIds.size()][0];
    }
  };

  /** BM25's {@code [z, 1/rank]} from the query's first-stage list. */
  HeadFeatures BM25 = new HeadFeatures() {
    @Override
    public List<String> names() {
      return List.of("bm25_list_z", "bm25_reciprocal_rank");
    }

    @Override
    public float[][] rows(Query query, RankedList firstStage, List<String> docIds) {
      Bm25Features f = Bm25Features.of(firstStage);
      float[][] out = new float[docIds.size()][];
      for (int i = 0; i < out.length; i++) {
        out[i] = f.features(docIds.get(i));
      }
      return out;
    }
  };

  /** Feature names in input order (recorded in the model's model.json); empty for none. */
  List<String> names();

  /**
   * One feature row per document of {@code docIds}, in that order. {@code firstStage} is the query's
   * first-stage list (may be null); documents outside it are allowed (relevant training documents
   * the first stage missed).
   */
  float[][] rows(Query query, RankedList firstStage, List<String> docIds);

  default int count() {
    return names().size();
  }
}
