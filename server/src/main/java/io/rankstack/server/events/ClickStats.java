package io.rankstack.server.events;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Click signals for recommendation candidates, as this instance received them: clicks per document
 * (popularity) and each user's most recent clicked documents. In memory and per instance (a restart
 * starts empty); the learned ranking state itself lives in the learn loop. Thread-safe.
 */
public final class ClickStats {
  private final int perUser;
  private final Map<String, Long> clicksByDoc = new HashMap<>();
  private final Map<String, Deque<String>> recentByUser;

  /**
   * @param users   users remembered at most (least recently clicking evicted)
   * @param perUser recent documents remembered per user
   */
  public ClickStats(int users, int perUser) {
    this.perUser = perUser;
    this.recentByUser = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Deque<String>> eldest) {
        return size() > users;
      }
    };
  }

  /** Records a click on {@code docId}, by {@code userId} when known (null otherwise). */
  public synchronized void click(String docId, String userId) {
    clicksByDoc.merge(docId, 1L, Long::sum);
    if (userId != null) {
      Deque<String> d = recentByUser.computeIfAbsent(userId, u -> new ArrayDeque<>());
      d.remove(docId);
      d.addFirst(docId);
      while (d.size() > perUser) {
        d.removeLast();
      }
    }
  }

  /** The {@code n} most clicked documents, most first (ties by id), with their counts. */
  public synchronized List<Map.Entry<String, Long>> popular(int n) {
    List<Map.Entry<String, Long>> all = new ArrayList<>(clicksByDoc.entrySet());
    all.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
    List<Map.Entry<String, Long>> out = new ArrayList<>();
    for (int i = 0; i < Math.min(n, all.size()); i++) {
      out.add(Map.entry(all.get(i).getKey(), all.get(i).getValue()));
    }
    return out;
  }

  /** The user's recently clicked documents, most recent first. */
  public synchronized List<String> recent(String userId) {
    Deque<String> d = recentByUser.get(userId);
    return d == null ? List.of() : List.copyOf(d);
  }
}
