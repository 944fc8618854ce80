package io.rankstack.ltr.grank;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A node's append-only click log: its own rows and those gossip brought, each stored once (by
 * {@link ClickLogRow#key()}). Pull gossip is served from here: {@link #unsentTo} returns the rows a
 * peer has not been sent yet and remembers that it has now.
 */
public final class ClickLog {
  private final List<ClickLogRow> rows = new ArrayList<>();
  private final Set<ClickLogRow.Key> keys = new HashSet<>();
  private final Map<Integer, Integer> sentUpTo = new HashMap<>();

  /** Appends {@code row} unless a row with its key is already here; returns whether it was added. */
  public boolean append(ClickLogRow row) {
    if (!keys.add(row.key())) {
      return false;
    }
    rows.add(row);
    return true;
  }

  /** All rows, in the order they arrived. */
  public List<ClickLogRow> rows() {
    return Collections.unmodifiableList(rows);
  }

  /** Number of rows. */
  public int size() {
    return rows.size();
  }

  /** The rows {@code peer} has not been sent yet, in log order; afterwards they count as sent. */
  public List<ClickLogRow> unsentTo(int peer) {
    int from = sentUpTo.getOrDefault(peer, 0);
    List<ClickLogRow> out = List.copyOf(rows.subList(from, rows.size()));
    sentUpTo.put(peer, rows.size());
    return out;
  }
}
