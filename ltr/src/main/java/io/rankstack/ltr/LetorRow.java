package io.rankstack.ltr;

import java.util.Objects;

/**
 * One judged query-document pair of a learning-to-rank data set: the query it belongs to, its
 * relevance grade, a dense feature vector and an optional comment (by convention the document id,
 * written after {@code #} in LETOR files).
 *
 * <p>Feature {@code i} of the vector is feature number {@code i + 1} in SVMlight/LETOR files (those
 * number features from 1). The vector is copied in and out, so a row is immutable.
 *
 * @param queryId  the query (group) this row belongs to
 * @param grade    the integer relevance label, at least 0
 * @param features dense feature values; features absent from a sparse line are 0
 * @param comment  the text after {@code #} without surrounding blanks, or empty
 */
public record LetorRow(String queryId, int grade, float[] features, String comment) {
  public LetorRow {
    Objects.requireNonNull(queryId, "queryId");
    Objects.requireNonNull(features, "features");
    comment = comment == null ? "" : comment.strip();
    if (grade < 0) {
      throw new IllegalArgumentException("grade must be non-negative: " + grade);
    }
    features = features.clone();
  }

  @Override
  public float[] features() {
    return features.clone();
  }

  /** Feature {@code i} (0-based), without copying; 0 beyond the vector's end. */
  public float feature(int i) {
    return i < features.length ? features[i] : 0f;
  }

  /** Length of the dense vector. */
  public int featureCount() {
    return features.length;
  }

  /** The document id by convention: the comment's first word, or empty. */
  public String docId() {
    int sp = comment.indexOf(' ');
    return sp < 0 ? comment : comment.substring(0, sp);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LetorRow r && queryId.equals(r.queryId) && grade == r.grade
        && java.util.Arrays.equals(features, r.features) && comment.equals(r.comment);
  }

  @Override
  public int hashCode() {
    return Objects.hash(queryId, grade, comment) * 31 + java.util.Arrays.hashCode(features);
  }
}
