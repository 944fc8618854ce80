package io.rankstack.ltr.grank;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One row of a G-Rank click log: a node searched, saw results and clicked one item. Rows are
 * identified by {@link #key()}, (node id, the node's local query number), which is what duplicate
 * suppression compares, so the same row gossiped twice is stored once.
 *
 * @param nodeId       the node whose user searched
 * @param localQuery   that node's query counter at the time (0, 1, 2, …)
 * @param query        the normalised query term
 * @param shown        the result list shown, best first
 * @param clicked      the item clicked
 * @param clickedTitle the clicked item's title
 * @param clickedTags  the clicked item's tags (metadata)
 */
public record ClickLogRow(int nodeId, long localQuery, String query, List<String> shown, String clicked,
                          String clickedTitle, Set<String> clickedTags) {
  public ClickLogRow {
    if (nodeId < 0 || localQuery < 0) {
      throw new IllegalArgumentException("node id and local query number must be non-negative: " + nodeId + ", " + localQuery);
    }
    Objects.requireNonNull(query, "query");
    shown = List.copyOf(shown);
    Objects.requireNonNull(clicked, "clicked");
    Objects.requireNonNull(clickedTitle, "clickedTitle");
    clickedTags = Set.copyOf(clickedTags);
  }

  /** The row's identity. */
  public Key key() {
    return new Key(nodeId, localQuery);
  }

  /** (node id, local query number). */
  public record Key(int nodeId, long localQuery) {}
}
