package io.rankstack.server.events;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Click signals for recommendation candidates, as this instance received them: clicks per document
 * (popularity) and each user's most recent clicked documents. In memory and per instance; it survives
 * a restart through {@link #export()} and {@link #restore(State)} ({@link ClickStatsSnapshot} keeps the
 * file), while the learned ranking state itself lives in the learn loop. Thread-safe.
 */
public final class ClickStats {
  private final int perUser;
  private final Map<String, Long> clicksByDoc = new HashMap<>();
  private final Map<String, Deque<String>> recentByUser;
  /** Moves with every click, so a snapshot writer can tell whether anything changed since its last write. */
  private long changes;

  /**
   * @param users   users remembered at most (least recently clicking evicted)
   * @param perUser recent documents remembered per user
   */
  public ClickStats(int users, int perUser) {
    if (users < 1 || perUser < 1) {
      throw new IllegalArgumentException("illegal users " + users + " or perUser " + perUser + ", both must be >= 1");
    }
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
    changes++;
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

  /** A counter that moves with every click (0 after construction and after {@link #restore(State)}). */
  public synchronized long changes() {
    return changes;
  }

  /**
   * The whole state, consistent under the lock, without touching the users' recency order (reading
   * {@link #recent(String)} counts as use; this does not).
   */
  public synchronized State export() {
    List<UserRecent> byRecency = new ArrayList<>(recentByUser.size());
    for (Map.Entry<String, Deque<String>> e : recentByUser.entrySet()) {
      byRecency.add(new UserRecent(e.getKey(), List.copyOf(e.getValue())));
    }
    return new State(changes, clicksByDoc, byRecency); // State copies the map, here under the lock
  }

  /**
   * Replaces the state with {@code state}, as if its clicks had been received here: users in the given
   * order (least recently clicking first), each user's documents cut to this instance's per-user cap
   * (most recent kept) and the users to its user cap (most recently clicking kept). The change counter
   * restarts at 0: the restored state is the saved one.
   */
  public synchronized void restore(State state) {
    clicksByDoc.clear();
    recentByUser.clear();
    clicksByDoc.putAll(state.clicksByDoc());
    for (UserRecent u : state.usersByRecency()) {
      Deque<String> d = new ArrayDeque<>(u.docs().subList(0, Math.min(perUser, u.docs().size())));
      recentByUser.put(u.userId(), d);
    }
    changes = 0;
  }

  /**
   * The click signals as a value.
   *
   * @param changes        the change counter when the state was taken
   * @param clicksByDoc    clicks per document, each at least 1
   * @param usersByRecency users, least recently clicking first
   */
  public record State(long changes, Map<String, Long> clicksByDoc, List<UserRecent> usersByRecency) {
    public State {
      clicksByDoc = Map.copyOf(clicksByDoc);
      usersByRecency = List.copyOf(usersByRecency);
    }
  }

  /**
   * One user's recent clicks.
   *
   * @param userId the user
   * @param docs   distinct documents, most recently clicked first
   */
  public record UserRecent(String userId, List<String> docs) {
    public UserRecent {
      Objects.requireNonNull(userId, "userId");
      docs = List.copyOf(docs);
    }
  }
}
