package io.rankstack.eval.trec;

import io.rankstack.core.io.InputFormatException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the measures know about one query: the grade of each retrieved document in rank
 * order, and counts over the retrieved documents and over the judgments (trec_eval's
 * {@code RES_RELS}, built as in {@code form_res_rels.c}).
 *
 * <p>Ranking: documents are sorted by score descending, equal scores by document id descending
 * ({@code strcmp}); the rank column of the run is never used. Only the first {@code -M} documents
 * are kept. Each kept document gets its grade from the judgments, {@link #NONPOOL} when it is not
 * judged at all, or {@link #UNJUDGED} when its judgment is negative ("in pool, not judged"). With
 * {@code -J} the documents without a judgment {@code >= 0} are dropped, keeping the order of the rest.
 */
final class QueryContext {
  /** Grade of a retrieved document that is not in the judgments (trec_eval's RELVALUE_NONPOOL). */
  static final int NONPOOL = -1;
  /** Grade of a retrieved document judged with a negative value (RELVALUE_UNJUDGED). */
  static final int UNJUDGED = -2;

  private final String queryId;
  private final int[] rels;
  private final int numRelRet;
  private final int numNonpool;
  private final int numUnjudgedInPool;
  private final long numRel;
  private final QueryJudgments judgments;
  private final long relevanceLevel;
  private final long numDocsInCollection;

  private QueryContext(String queryId, int[] rels, int numRelRet, int numNonpool, int numUnjudgedInPool,
      QueryJudgments judgments, TrecEvalOptions options) {
    this.queryId = queryId;
    this.rels = rels;
    this.numRelRet = numRelRet;
    this.numNonpool = numNonpool;
    this.numUnjudgedInPool = numUnjudgedInPool;
    this.judgments = judgments;
    this.relevanceLevel = options.relevanceLevel();
    this.numDocsInCollection = options.numDocsInCollection();
    long r = 0;
    for (int level = 0; level < judgments.numLevels(); level++) {
      if (level >= relevanceLevel) {
        r += judgments.countAt(level);
      }
    }
    this.numRel = r;
  }

  /**
   * Ranks a query's retrieved documents and looks up their grades.
   *
   * @param judgments the query's judgments
   * @param retrieved the query's retrieved documents, in any order
   * @param options   relevance level, {@code -M} and {@code -J}
   * @param source    the run's source, to name in the error for a document retrieved twice
   * @throws InputFormatException when a document appears twice among the kept ones
   */
  static QueryContext build(QueryJudgments judgments, List<TrecRun.Entry> retrieved, TrecEvalOptions options,
      String source) {
    TrecRun.Entry[] docs = retrieved.toArray(new TrecRun.Entry[0]);
    CMergeSort.sort(docs, (a, b) -> {
      if (a.score() > b.score()) {
        return -1;
      }
      if (a.score() < b.score()) {
        return 1;
      }
      return CText.compare(b.docno(), a.docno());
    });
    int kept = (int) Math.min(docs.length, options.maxRetrievedPerTopic());
    Map<String, TrecRun.Entry> seen = new HashMap<>(kept * 2);
    for (int i = 0; i < kept; i++) {
      TrecRun.Entry previous = seen.put(docs[i].docno(), docs[i]);
      if (previous != null) {
        long first = Math.min(previous.line(), docs[i].line());
        long second = Math.max(previous.line(), docs[i].line());
        throw new InputFormatException(source, second, "docno", "document '" + docs[i].docno()
            + "' retrieved twice for query '" + judgments.queryId() + "'" + (first > 0 ? " (also on line " + first + ")" : ""));
      }
    }
    int[] rels = new int[kept];
    int n = 0;
    int relRet = 0;
    int nonpool = 0;
    int unjudged = 0;
    for (int i = 0; i < kept; i++) {
      Integer g = judgments.grade(docs[i].docno());
      int rel = g == null ? NONPOOL : g < 0 ? UNJUDGED : g;
      if (options.judgedDocsOnly()) {
        if (rel >= 0) {
          rels[n++] = rel;
          if (rel >= options.relevanceLevel()) {
            relRet++;
          }
        }
        continue;
      }
      rels[n++] = rel;
      if (rel == NONPOOL) {
        nonpool++;
      } else if (rel == UNJUDGED) {
        unjudged++;
      } else if (rel >= options.relevanceLevel()) {
        relRet++;
      }
    }
    int[] ranked = n == kept ? rels : Arrays.copyOf(rels, n);
    return new QueryContext(judgments.queryId(), ranked, relRet, nonpool, unjudged, judgments, options);
  }

  String queryId() {
    return queryId;
  }

  /** Number of retrieved documents evaluated (after {@code -M} and {@code -J}). */
  int numRet() {
    return rels.length;
  }

  /** Grade of the document at 0-based rank {@code i}: a judgment, {@link #NONPOOL} or {@link #UNJUDGED}. */
  int rel(int i) {
    return rels[i];
  }

  /** Whether the document at 0-based rank {@code i} is relevant: its grade is at least the level. */
  boolean isRelevant(int i) {
    return rels[i] >= relevanceLevel;
  }

  /** Relevant documents retrieved (only judged documents count, whatever the level). */
  int numRelRet() {
    return numRelRet;
  }

  /** Retrieved documents absent from the judgments (0 under {@code -J}). */
  int numNonpool() {
    return numNonpool;
  }

  /** Retrieved documents with a negative judgment (0 under {@code -J}). */
  int numUnjudgedInPool() {
    return numUnjudgedInPool;
  }

  /** Relevant documents in the judgments: grade at least the relevance level. */
  long numRel() {
    return numRel;
  }

  /** Judged documents (retrieved or not) with exactly this grade; 0 outside the judged grades. */
  long countAtLevel(long grade) {
    return judgments.countAt(grade);
  }

  /** One more than the highest grade that some judged document has. */
  int numRelLevels() {
    return judgments.numLevels();
  }

  /** The minimum grade for relevance ({@code -l}). */
  long relevanceLevel() {
    return relevanceLevel;
  }

  /** The collection size given with {@code -N} (0 when not given). */
  long numDocsInCollection() {
    return numDocsInCollection;
  }
}
