package io.rankstack.eval.trec;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The judgments of one query, sorted by document id, with the per-grade counts that several
 * measures need (trec_eval's {@code rel_levels}): how many documents were judged at each grade
 * {@code 0..maxGrade}, whether retrieved or not. Negative grades (judged "in pool, unjudged") are
 * not counted at any level.
 */
final class QueryJudgments {
  private final String queryId;
  private final String[] docIds;
  private final int[] grades;
  private final Map<String, Integer> index;
  private final long[] levelCounts;
  private final int numLevels;

  /**
   * @param queryId the query
   * @param docIds  judged document ids in {@link CText#compare} order, without duplicates
   * @param grades  the grade of each document, aligned with {@code docIds}
   */
  QueryJudgments(String queryId, String[] docIds, int[] grades) {
    if (docIds.length != grades.length || docIds.length == 0) {
      throw new IllegalArgumentException("query " + queryId + ": need as many grades as documents, at least one");
    }
    this.queryId = queryId;
    this.docIds = docIds.clone();
    this.grades = grades.clone();
    this.index = new HashMap<>(docIds.length * 2);
    int maxGrade = Integer.MIN_VALUE;
    for (int i = 0; i < docIds.length; i++) {
      if (index.put(docIds[i], grades[i]) != null) {
        throw new IllegalArgumentException("query " + queryId + ": document " + docIds[i] + " judged twice");
      }
      maxGrade = Math.max(maxGrade, grades[i]);
    }
    this.levelCounts = new long[Math.max(maxGrade + 1, 0)];
    for (int g : grades) {
      if (g >= 0) {
        levelCounts[g]++;
      }
    }
    int levels = 0;
    for (int i = 0; i < levelCounts.length; i++) {
      if (levelCounts[i] != 0) {
        levels = i + 1;
      }
    }
    // trec_eval leaves this value from the previous query when no grade is >= 0 (undefined
    // behaviour in C); no levels is the meaningful answer.
    this.numLevels = levels;
  }

  String queryId() {
    return queryId;
  }

  /** The grade of a document, or null when it is not in the judgments. */
  Integer grade(String docId) {
    return index.get(docId);
  }

  /** Number of documents judged exactly {@code grade}; 0 outside {@code 0..maxGrade}. */
  long countAt(long grade) {
    return grade >= 0 && grade < levelCounts.length ? levelCounts[(int) grade] : 0;
  }

  /** One more than the highest grade with at least one document (0 when none is >= 0). */
  int numLevels() {
    return numLevels;
  }

  /** The number of judged documents with a grade above zero (what {@code -c} sums for num_rel). */
  long numPositive() {
    long n = 0;
    for (int g : grades) {
      if (g > 0) {
        n++;
      }
    }
    return n;
  }

  /** Document ids and grades, in document id order. */
  Map<String, Integer> asMap() {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (int i = 0; i < docIds.length; i++) {
      m.put(docIds[i], grades[i]);
    }
    return Collections.unmodifiableMap(m);
  }
}
