package io.rankstack.ltr.grank;

import java.util.Objects;
import java.util.Set;

/**
 * A catalogue item as a G-Rank node holds it: id, title and metadata tags (lower-case terms).
 *
 * @param id    item id
 * @param title display title
 * @param tags  metadata terms a query can match
 */
public record Item(String id, String title, Set<String> tags) {
  public Item {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    tags = Set.copyOf(tags);
  }
}
