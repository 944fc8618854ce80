package io.rankstack.core.interleaving;

import java.util.List;
import java.util.Objects;

/**
 * An interleaved list and what the credit rule needs to know about it.
 *
 * @param docs  the documents shown, rank 1 first
 * @param teams for team-draft interleaving, the team that contributed each document ({@link Team#A}
 *              or {@link Team#B}); for balanced interleaving {@link Team#NONE} throughout
 * @param a     ranking A as given
 * @param b     ranking B as given
 */
public record InterleavedList(List<String> docs, List<Team> teams, List<String> a, List<String> b) {
  /** Which ranker contributed a document. */
  public enum Team {
    A, B, NONE
  }

  public InterleavedList {
    docs = List.copyOf(docs);
    teams = List.copyOf(teams);
    a = List.copyOf(Objects.requireNonNull(a, "a"));
    b = List.copyOf(Objects.requireNonNull(b, "b"));
    if (docs.size() != teams.size()) {
      throw new IllegalArgumentException(docs.size() + " documents but " + teams.size() + " team labels");
    }
  }

  /** Number of documents shown. */
  public int size() {
    return docs.size();
  }
}
