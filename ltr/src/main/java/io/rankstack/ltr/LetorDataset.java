package io.rankstack.ltr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A learning-to-rank data set: rows grouped by query, every query's rows contiguous (the layout
 * XGBoost's {@code group} information and LightGBM's {@code .query} files need), all vectors of one
 * width ({@link #featureCount()}; shorter input vectors are padded with 0).
 *
 * <p>Immutable. {@code name} says where the data came from (a file, or a split of one) and is
 * recorded in model provenance.
 */
public final class LetorDataset {
  private final String name;
  private final int featureCount;
  private final List<LetorRow> rows;
  private final List<String> queryIds;
  private final int[] groupSizes;

  /**
   * @param name         where the data came from, for provenance
   * @param featureCount vector width, at least the longest row's; rows are padded to it
   * @param rows         rows with each query's rows contiguous
   * @throws IllegalArgumentException when a query's rows are not contiguous, or a row is wider than
   *                                  {@code featureCount}
   */
  public LetorDataset(String name, int featureCount, List<LetorRow> rows) {
    this.name = Objects.requireNonNull(name, "name");
    if (featureCount < 0) {
      throw new IllegalArgumentException("featureCount must be non-negative: " + featureCount);
    }
    this.featureCount = featureCount;
    List<LetorRow> copy = new ArrayList<>(rows.size());
    List<String> ids = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    Set<String> closed = new java.util.HashSet<>();
    String current = null;
    for (LetorRow r : rows) {
      if (r.featureCount() > featureCount) {
        throw new IllegalArgumentException("row of query " + r.queryId() + " has " + r.featureCount()
            + " features, more than the data set's " + featureCount);
      }
      LetorRow padded = r.featureCount() == featureCount ? r
          : new LetorRow(r.queryId(), r.grade(), java.util.Arrays.copyOf(r.features(), featureCount), r.comment());
      copy.add(padded);
      if (!r.queryId().equals(current)) {
        if (current != null) {
          closed.add(current);
        }
        if (closed.contains(r.queryId())) {
          throw new IllegalArgumentException("rows of query " + r.queryId() + " are not contiguous in " + name);
        }
        current = r.queryId();
        ids.add(current);
        sizes.add(1);
      } else {
        sizes.set(sizes.size() - 1, sizes.get(sizes.size() - 1) + 1);
      }
    }
    this.rows = Collections.unmodifiableList(copy);
    this.queryIds = List.copyOf(ids);
    this.groupSizes = sizes.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Rows in order, every vector {@link #featureCount()} wide. */
  public List<LetorRow> rows() {
    return rows;
  }

  public String name() {
    return name;
  }

  public int featureCount() {
    return featureCount;
  }

  /** Query ids in the order their groups appear. */
  public List<String> queryIds() {
    return queryIds;
  }

  /** Number of rows of each query, in {@link #queryIds()} order. */
  public int[] groupSizes() {
    return groupSizes.clone();
  }

  public int size() {
    return rows.size();
  }

  /** Row-major dense matrix of all features ({@code size() * featureCount()}). */
  public float[] denseMatrix() {
    float[] m = new float[rows.size() * featureCount];
    for (int i = 0; i < rows.size(); i++) {
      float[] f = rows.get(i).features();
      System.arraycopy(f, 0, m, i * featureCount, f.length);
    }
    return m;
  }

  /** Grades as floats, in row order. */
  public float[] labels() {
    float[] l = new float[rows.size()];
    for (int i = 0; i < l.length; i++) {
      l[i] = rows.get(i).grade();
    }
    return l;
  }

  /** Rows grouped by query, in {@link #queryIds()} order. */
  public Map<String, List<LetorRow>> byQuery() {
    Map<String, List<LetorRow>> m = new LinkedHashMap<>();
    for (LetorRow r : rows) {
      m.computeIfAbsent(r.queryId(), q -> new ArrayList<>()).add(r);
    }
    return m;
  }

  /** The rows of the given queries (in this data set's order), named {@code name + "[" + label + "]"}. */
  public LetorDataset subset(Set<String> queries, String label) {
    List<LetorRow> keep = new ArrayList<>();
    for (LetorRow r : rows) {
      if (queries.contains(r.queryId())) {
        keep.add(r);
      }
    }
    return new LetorDataset(name + "[" + label + "]", featureCount, keep);
  }
}
