package io.rankstack.ltr.tsp;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * One list to rerank: the items of a query's first-stage top-n, in first-stage order (item 0 is the
 * first stage's rank 1), with their feature vectors and, for training and evaluation, their grades.
 * This is the seam to the shared LETOR reader: anything that yields feature vectors and grades per
 * query can be turned into TspLists.
 *
 * @param queryId the query
 * @param docIds the items' document ids, first-stage order
 * @param features one feature vector per item, all of the same length
 * @param grades one integer grade per item (use 0 when unknown)
 */
public record TspList(String queryId, String[] docIds, float[][] features, int[] grades) {
  public TspList {
    if (docIds.length == 0 || docIds.length != features.length || docIds.length != grades.length) {
      throw new IllegalArgumentException("query " + queryId + ": " + docIds.length + " ids, "
          + features.length + " feature vectors, " + grades.length + " grades; need the same positive number");
    }
    int d = features[0].length;
    for (float[] f : features) {
      if (f.length != d) {
        throw new IllegalArgumentException("query " + queryId + ": feature vectors of different lengths");
      }
    }
    docIds = docIds.clone();
    features = Arrays.stream(features).map(float[]::clone).toArray(float[][]::new);
    grades = grades.clone();
  }

  public int size() {
    return docIds.length;
  }

  public int featureCount() {
    return features[0].length;
  }

  @Override
  public float[][] features() {
    return Arrays.stream(features).map(float[]::clone).toArray(float[][]::new);
  }

  @Override
  public int[] grades() {
    return grades.clone();
  }

  @Override
  public String[] docIds() {
    return docIds.clone();
  }

  /**
   * The gold order TSPRank trains towards: items by descending grade, ties kept in first-stage
   * order (a stable sort), so the gold path is unique.
   */
  public int[] goldOrder() {
    return IntStream.range(0, grades.length).boxed()
        .sorted(Comparator.comparingInt((Integer i) -> -grades[i]).thenComparingInt(i -> i))
        .mapToInt(Integer::intValue).toArray();
  }

  /** Raw access without copying, for the trainer. */
  float[][] featuresView() {
    return features;
  }
}
