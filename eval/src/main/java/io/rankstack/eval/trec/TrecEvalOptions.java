package io.rankstack.eval.trec;

import java.util.List;
import java.util.Objects;

/**
 * What to evaluate and how, with trec_eval's flags and defaults.
 *
 * @param measures             the {@code -m} arguments in command-line order: a measure name
 *                             ({@code map}), a name with parameters after the first dot
 *                             ({@code P.5,10}, {@code ndcg.1=3,2=9}) or a set ({@code official},
 *                             {@code all_trec}, {@code set}). Empty means {@code official}.
 * @param completeRelInfo      {@code -c}: evaluate every query of the qrels, scoring a query without
 *                             results as if it retrieved one unjudged document, and average over all
 *                             of them. Without it, trec_eval 10.0 stops with an error when a qrels
 *                             query has no results.
 * @param relevanceLevel       {@code -l}: the minimum grade for relevance (default 1)
 * @param maxRetrievedPerTopic {@code -M}: evaluate only this many top documents per query (default
 *                             {@link #UNLIMITED}, trec_eval's MAXLONG); at least 0
 * @param judgedDocsOnly       {@code -J}: drop retrieved documents without a judgment {@code >= 0}
 *                             before computing anything
 * @param numDocsInCollection  {@code -N}: the number of documents in the collection, used only by
 *                             {@code utility} with a non-zero fourth coefficient (default 0); at least 0
 */
public record TrecEvalOptions(
    List<String> measures,
    boolean completeRelInfo,
    long relevanceLevel,
    long maxRetrievedPerTopic,
    boolean judgedDocsOnly,
    long numDocsInCollection) {

  /** trec_eval's default for {@code -M}: MAXLONG as defined in its common.h (2^31 - 1). */
  public static final long UNLIMITED = 2_147_483_647L;

  public TrecEvalOptions {
    measures = List.copyOf(Objects.requireNonNull(measures, "measures"));
    for (String m : measures) {
      if (m.isEmpty()) {
        throw new IllegalArgumentException("empty measure name");
      }
    }
    if (maxRetrievedPerTopic < 0) {
      throw new IllegalArgumentException("illegal max retrieved per topic " + maxRetrievedPerTopic + ", must be >= 0");
    }
    if (numDocsInCollection < 0) {
      throw new IllegalArgumentException("illegal number of documents in collection " + numDocsInCollection + ", must be >= 0");
    }
  }

  /** trec_eval's defaults: the official measures, relevance level 1, no other flag. */
  public static TrecEvalOptions defaults() {
    return new TrecEvalOptions(List.of(), false, 1, UNLIMITED, false, 0);
  }

  /** These options with the given {@code -m} arguments instead. */
  public TrecEvalOptions withMeasures(String... measures) {
    return new TrecEvalOptions(List.of(measures), completeRelInfo, relevanceLevel, maxRetrievedPerTopic,
        judgedDocsOnly, numDocsInCollection);
  }

  /** These options with {@code -c} set or cleared. */
  public TrecEvalOptions withCompleteRelInfo(boolean complete) {
    return new TrecEvalOptions(measures, complete, relevanceLevel, maxRetrievedPerTopic, judgedDocsOnly,
        numDocsInCollection);
  }

  /** These options with relevance level {@code -l}. */
  public TrecEvalOptions withRelevanceLevel(long level) {
    return new TrecEvalOptions(measures, completeRelInfo, level, maxRetrievedPerTopic, judgedDocsOnly,
        numDocsInCollection);
  }

  /** These options with {@code -M}. */
  public TrecEvalOptions withMaxRetrievedPerTopic(long max) {
    return new TrecEvalOptions(measures, completeRelInfo, relevanceLevel, max, judgedDocsOnly, numDocsInCollection);
  }

  /** These options with {@code -J} set or cleared. */
  public TrecEvalOptions withJudgedDocsOnly(boolean judgedOnly) {
    return new TrecEvalOptions(measures, completeRelInfo, relevanceLevel, maxRetrievedPerTopic, judgedOnly,
        numDocsInCollection);
  }

  /** These options with {@code -N}. */
  public TrecEvalOptions withNumDocsInCollection(long numDocs) {
    return new TrecEvalOptions(measures, completeRelInfo, relevanceLevel, maxRetrievedPerTopic, judgedDocsOnly,
        numDocs);
  }
}
