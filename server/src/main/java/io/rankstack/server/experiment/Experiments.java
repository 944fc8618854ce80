package io.rankstack.server.experiment;

import io.rankstack.core.interleaving.InterleavedList;
import io.rankstack.core.interleaving.Interleaving;
import io.rankstack.core.interleaving.TeamDraftInterleaving;
import io.rankstack.server.config.RankstackProperties;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The configured team-draft interleaving experiments: which requests take part (a seeded draw
 * against each experiment's traffic share), and the outcome of every interleaved impression that
 * got clicks on this instance (Chapelle et al., TOIS 2012: the team with more clicked documents
 * wins the impression). The last {@code capacity} impressions per experiment are kept; they survive a
 * restart through {@link #export()} and {@link #restore(Map)} ({@link ExperimentsSnapshot} keeps the
 * file). Thread-safe.
 */
public final class Experiments {
  private final List<RankstackProperties.Experiment> configs;
  private final TeamDraftInterleaving interleaving = new TeamDraftInterleaving();
  private final Map<String, Map<String, Shown>> shown = new LinkedHashMap<>();
  private final int capacity;
  /** Moves with every remembered impression and every new click, for the snapshot writer. */
  private long changes;

  private static final class Shown {
    final InterleavedList list;
    final boolean[] clicks;

    Shown(InterleavedList list) {
      this.list = list;
      this.clicks = new boolean[list.size()];
    }
  }

  public Experiments(List<RankstackProperties.Experiment> configs, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("illegal capacity " + capacity + ", must be >= 1");
    }
    this.configs = List.copyOf(configs);
    this.capacity = capacity;
    for (RankstackProperties.Experiment e : configs) {
      shown.put(e.id(), new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Shown> eldest) {
          return size() > Experiments.this.capacity;
        }
      });
    }
  }

  /** The experiment this request joins, if any: one uniform draw against the cumulative traffic shares. */
  public Optional<RankstackProperties.Experiment> draw(SplittableRandom random) {
    if (configs.isEmpty()) {
      return Optional.empty();
    }
    double u = random.nextDouble();
    double acc = 0;
    for (RankstackProperties.Experiment e : configs) {
      acc += e.trafficShare();
      if (u < acc) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** Team-draft interleaving of A's and B's document ids. */
  public InterleavedList interleave(List<String> a, List<String> b, int length, SplittableRandom random) {
    return interleaving.interleave(a, b, length, random);
  }

  /** Remembers an interleaved impression for click credit. */
  public synchronized void shown(String experimentId, String impressionId, InterleavedList list) {
    Map<String, Shown> m = shown.get(experimentId);
    if (m != null) {
      m.put(impressionId, new Shown(shownPart(list)));
      changes++;
    }
  }

  /**
   * The list with both rankings cut to the shown length. Team-draft credit needs only the shown
   * documents' teams; the full rankings (up to the retrieval depth each) made every remembered
   * impression, in memory and in the snapshot, up to a hundred times larger.
   */
  static InterleavedList shownPart(InterleavedList list) {
    int n = list.size();
    return new InterleavedList(list.docs(), list.teams(), list.a().subList(0, Math.min(n, list.a().size())),
        list.b().subList(0, Math.min(n, list.b().size())));
  }

  /** Records a click at 1-based {@code position}; false when the impression is not an experiment's here. */
  public synchronized boolean click(String experimentId, String impressionId, int position) {
    Map<String, Shown> m = shown.get(experimentId);
    Shown s = m == null ? null : m.get(impressionId);
    if (s == null || position < 1 || position > s.clicks.length) {
      return false;
    }
    if (!s.clicks[position - 1]) {
      s.clicks[position - 1] = true;
      changes++;
    }
    return true;
  }

  /** The configuration of experiment {@code id}. */
  public RankstackProperties.Experiment config(String id) {
    return configs.stream().filter(e -> e.id().equals(id)).findFirst()
        .orElseThrow(() -> new java.util.NoSuchElementException("no experiment '" + id + "'"));
  }

  /** The configured experiment ids. */
  public List<String> ids() {
    return configs.stream().map(RankstackProperties.Experiment::id).toList();
  }

  public boolean exists(String id) {
    return shown.containsKey(id);
  }

  /** Wins, ties and losses of A over the clicked impressions, with the sign test. */
  public synchronized Summary summary(String id) {
    RankstackProperties.Experiment cfg = config(id);
    long wins = 0;
    long ties = 0;
    long losses = 0;
    long impressions = 0;
    for (Shown s : shown.get(id).values()) {
      impressions++;
      boolean any = false;
      for (boolean c : s.clicks) {
        any |= c;
      }
      if (!any) {
        continue;
      }
      Interleaving.Outcome o = interleaving.credit(s.list, s.clicks);
      switch (o) {
        case A_WINS -> wins++;
        case B_WINS -> losses++;
        case TIE -> ties++;
      }
    }
    return new Summary(id, cfg.rankerA(), cfg.rankerB(), cfg.trafficShare(), impressions, wins, ties, losses,
        SignTest.pValue(wins, losses));
  }

  /**
   * @param impressions interleaved impressions remembered (clicked or not)
   * @param wins        impressions whose clicks favour ranker A
   * @param ties        clicked impressions with equal credit
   * @param losses      impressions whose clicks favour ranker B
   * @param pValue      two-sided sign test of wins against losses ({@link SignTest})
   */
  public record Summary(String id, String rankerA, String rankerB, double trafficShare, long impressions,
                        long wins, long ties, long losses, double pValue) {}

  /** A counter that moves with every remembered impression and new click (0 after construction and restore). */
  public synchronized long changes() {
    return changes;
  }

  /** Impressions remembered per experiment at most. */
  public int capacity() {
    return capacity;
  }

  /** Every configured experiment's remembered impressions, oldest first, consistent under the lock. */
  public synchronized State export() {
    Map<String, List<Impression>> out = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, Shown>> e : shown.entrySet()) {
      List<Impression> list = new ArrayList<>(e.getValue().size());
      for (Map.Entry<String, Shown> s : e.getValue().entrySet()) {
        list.add(new Impression(s.getKey(), s.getValue().list, clickedPositions(s.getValue().clicks)));
      }
      out.put(e.getKey(), list);
    }
    return new State(changes, out);
  }

  /**
   * Replaces the remembered impressions with {@code byExperiment} (each list oldest first), as if they
   * had been shown and clicked here in that order: an experiment keeps its last {@code capacity}; ids
   * that are not configured are left out. The change counter restarts at 0.
   *
   * @return the ids left out because no experiment of that id is configured
   * @throws IllegalArgumentException when a clicked position is outside its impression's list
   */
  public synchronized List<String> restore(Map<String, List<Impression>> byExperiment) {
    for (Map.Entry<String, List<Impression>> e : byExperiment.entrySet()) {
      for (Impression i : e.getValue()) {
        for (int p : i.clickedPositions()) {
          if (p < 1 || p > i.list().size()) {
            throw new IllegalArgumentException("experiment '" + e.getKey() + "' impression " + i.impressionId()
                + ": clicked position " + p + " is outside [1, " + i.list().size() + "]");
          }
        }
      }
    }
    shown.values().forEach(Map::clear);
    List<String> dropped = new ArrayList<>();
    for (Map.Entry<String, List<Impression>> e : byExperiment.entrySet()) {
      Map<String, Shown> m = shown.get(e.getKey());
      if (m == null) {
        dropped.add(e.getKey());
        continue;
      }
      for (Impression i : e.getValue()) {
        Shown s = new Shown(i.list());
        for (int p : i.clickedPositions()) {
          s.clicks[p - 1] = true;
        }
        m.put(i.impressionId(), s);
      }
    }
    changes = 0;
    return dropped;
  }

  private static List<Integer> clickedPositions(boolean[] clicks) {
    List<Integer> out = new ArrayList<>();
    for (int k = 0; k < clicks.length; k++) {
      if (clicks[k]) {
        out.add(k + 1);
      }
    }
    return out;
  }

  /**
   * The remembered impressions as a value.
   *
   * @param changes      the change counter when the state was taken
   * @param byExperiment per configured experiment id, its impressions, oldest first
   */
  public record State(long changes, Map<String, List<Impression>> byExperiment) {
    public State {
      Map<String, List<Impression>> copy = new LinkedHashMap<>();
      byExperiment.forEach((k, v) -> copy.put(k, List.copyOf(v)));
      byExperiment = Collections.unmodifiableMap(copy);
    }
  }

  /**
   * One interleaved impression and its clicks.
   *
   * @param impressionId     the impression
   * @param list             what was shown, with each document's team and both rankings
   * @param clickedPositions the clicked 1-based positions, ascending
   */
  public record Impression(String impressionId, InterleavedList list, List<Integer> clickedPositions) {
    public Impression {
      Objects.requireNonNull(impressionId, "impressionId");
      Objects.requireNonNull(list, "list");
      clickedPositions = List.copyOf(clickedPositions);
    }
  }
}
