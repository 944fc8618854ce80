package io.rankstack.server.search;

import io.rankstack.server.pipeline.StageTrace;
import java.util.List;
import java.util.Map;

/**
 * The answer to {@code /v1/search} and {@code /v1/recommend}.
 *
 * @param impressionId   send it back with clicks
 * @param contextKey     the learner's context of this list
 * @param ranker         the ranker that produced it ({@code bm25}, {@code ltr}, {@code full}) or the experiment
 * @param totalHits      documents matching the query (lower bound when {@code totalHitsExact} is false)
 * @param items          the results, rank 1 first
 * @param stages         what each stage did
 * @param modelVersions  model name to version
 * @param experiment     the interleaving experiment id, or null
 */
public record SearchResponse(String impressionId, String contextKey, String ranker, long totalHits,
                             boolean totalHitsExact, List<Item> items, List<StageTrace> stages,
                             Map<String, String> modelVersions, String experiment) {

  /**
   * @param position 1-based rank
   * @param docId    document id
   * @param score    the last stage's score
   * @param title    stored title, or empty
   * @param snippet  HTML-safe text with {@code <mark>}ed query terms
   * @param team     the experiment team that contributed it, or null
   * @param source   for recommendations, where the candidate came from; else null
   * @param explain  with {@code explain=true}: feature values and per-stage scores; else null
   */
  public record Item(int position, String docId, double score, String title, String snippet, String team,
                     String source, Explain explain) {}

  /**
   * @param features     feature name to value (what LambdaMART saw)
   * @param stageScores  stage name to this document's score after that stage (absent: cut before it)
   */
  public record Explain(Map<String, Float> features, Map<String, Double> stageScores) {}
}
