package io.rankstack.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A run: one ranked list per query, under a tag that names the system that produced it (the sixth
 * column of a TREC run file).
 *
 * @param tag   the run's name
 * @param lists ranked lists by query id, in the order queries were run
 */
public record Run(String tag, Map<String, RankedList> lists) {
  public Run {
    Objects.requireNonNull(tag, "tag");
    if (tag.isBlank() || tag.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("run tag must be one non-blank word: '" + tag + "'");
    }
    lists = Collections.unmodifiableMap(new LinkedHashMap<>(lists));
    lists.forEach((q, l) -> {
      if (!q.equals(l.queryId())) {
        throw new IllegalArgumentException("list for query " + l.queryId() + " filed under " + q);
      }
    });
  }

  /** A run from lists in the given order. */
  public static Run of(String tag, List<RankedList> lists) {
    Map<String, RankedList> byQuery = new LinkedHashMap<>();
    for (RankedList l : lists) {
      if (byQuery.put(l.queryId(), l) != null) {
        throw new IllegalArgumentException("query " + l.queryId() + " appears twice in run " + tag);
      }
    }
    return new Run(tag, byQuery);
  }

  /** The list of a query, or an empty list when the run has none for it. */
  public RankedList of(String queryId) {
    return lists.getOrDefault(queryId, new RankedList(queryId, List.of()));
  }
}
