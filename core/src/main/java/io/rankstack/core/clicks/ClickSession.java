package io.rankstack.core.clicks;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One logged result page: the query, the documents shown (rank 1 first) and which ranks were clicked.
 *
 * @param query  the query (or query and region) the page answered
 * @param docs   document ids in rank order
 * @param clicks one flag per rank; copied
 */
public record ClickSession(String query, List<String> docs, boolean[] clicks) {
  public ClickSession {
    Objects.requireNonNull(query, "query");
    docs = List.copyOf(docs);
    clicks = clicks.clone();
    if (docs.size() != clicks.length) {
      throw new IllegalArgumentException("session of query " + query + " shows " + docs.size() + " documents but has " + clicks.length + " click flags");
    }
  }

  @Override
  public boolean[] clicks() {
    return clicks.clone();
  }

  /** Whether rank {@code r} (0-based) was clicked, without copying. */
  public boolean clicked(int r) {
    return clicks[r];
  }

  /** Number of ranks shown. */
  public int size() {
    return clicks.length;
  }

  /** 0-based rank of the first click, or −1. */
  public int firstClick() {
    for (int r = 0; r < clicks.length; r++) {
      if (clicks[r]) {
        return r;
      }
    }
    return -1;
  }

  /** 0-based rank of the last click, or −1. */
  public int lastClick() {
    for (int r = clicks.length - 1; r >= 0; r--) {
      if (clicks[r]) {
        return r;
      }
    }
    return -1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClickSession s && query.equals(s.query) && docs.equals(s.docs) && Arrays.equals(clicks, s.clicks);
  }

  @Override
  public int hashCode() {
    return Objects.hash(query, docs) * 31 + Arrays.hashCode(clicks);
  }
}
