package io.rankstack.streaming.bench;

import io.rankstack.streaming.event.ClickEvent;
import io.rankstack.streaming.event.ImpressionEvent;
import io.rankstack.streaming.event.ImpressionItem;
import io.rankstack.streaming.topology.DocCounts;
import io.rankstack.streaming.topology.JoinedImpression;
import io.rankstack.streaming.topology.PositionCounts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The learned state computed by folding the distinct events once, in memory, with no Kafka: the
 * reference the crash and malformed-input tests compare the learn loop against. It shares no code
 * with the topology's join: clicks are grouped by impression id, kept when they match an item and
 * fall inside the window, deduplicated by position.
 */
public final class ReferenceFold {
  /** Per-context position counts. */
  public final Map<String, PositionCounts> positions = new TreeMap<>();
  /** Per (context, document) counts, key {@link DocCounts#key}. */
  public final Map<String, DocCounts> docs = new TreeMap<>();
  public long joinedImpressions;
  public long joinedClicks;
  public long orphanClicks;

  /**
   * @param impressions the impressions (duplicates allowed; the first of an id counts)
   * @param clicks      the clicks (duplicates allowed)
   * @param windowMs    the join window
   */
  public static ReferenceFold of(List<ImpressionEvent> impressions, List<ClickEvent> clicks, long windowMs) {
    ReferenceFold f = new ReferenceFold();
    Map<String, ImpressionEvent> byId = new HashMap<>();
    for (ImpressionEvent e : impressions) {
      byId.putIfAbsent(e.impressionId(), e);
    }
    Map<String, Set<Integer>> clicked = new HashMap<>();
    Set<String> orphanKeys = new TreeSet<>();
    for (ClickEvent c : clicks) {
      ImpressionEvent imp = byId.get(c.impressionId());
      if (imp == null) {
        orphanKeys.add(c.impressionId() + "/" + c.position() + "/" + c.docId());
        continue;
      }
      ImpressionItem it = imp.itemAt(c.position());
      if (it != null && it.docId().equals(c.docId()) && c.timestamp() <= imp.timestamp() + windowMs) {
        clicked.computeIfAbsent(c.impressionId(), k -> new TreeSet<>()).add(c.position());
      }
    }
    f.orphanClicks = orphanKeys.size();
    List<ImpressionEvent> ordered = new ArrayList<>(byId.values());
    for (ImpressionEvent imp : ordered) {
      int[] cp = clicked.getOrDefault(imp.impressionId(), Set.of()).stream().mapToInt(Integer::intValue).toArray();
      JoinedImpression j = new JoinedImpression(imp, cp, 0);
      f.joinedImpressions++;
      f.joinedClicks += cp.length;
      f.positions.merge(imp.contextKey(), PositionCounts.EMPTY.plus(j), ReferenceFold::sum);
      for (ImpressionItem it : imp.items()) {
        f.docs.merge(DocCounts.key(imp.contextKey(), it.docId()),
            DocCounts.ZERO.plus(j.examined(it.position()), j.clicked(it.position())),
            (a, b) -> new DocCounts(a.shown() + b.shown(), a.examined() + b.examined(), a.clicks() + b.clicks()));
      }
    }
    return f;
  }

  private static PositionCounts sum(PositionCounts a, PositionCounts b) {
    int d = Math.max(a.depth(), b.depth());
    long[] c = new long[d];
    long[] e = new long[d];
    for (int p = 1; p <= d; p++) {
      c[p - 1] = a.clicksAt(p) + b.clicksAt(p);
      e[p - 1] = a.examinationsAt(p) + b.examinationsAt(p);
    }
    return new PositionCounts(a.impressions() + b.impressions(), c, e);
  }

  /** Total clicks counted over all contexts (from the position counts). */
  public long totalClicks() {
    return positions.values().stream().mapToLong(PositionCounts::totalClicks).sum();
  }
}
