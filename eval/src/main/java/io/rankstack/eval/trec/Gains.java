package io.rankstack.eval.trec;

import java.util.ArrayList;
import java.util.List;

/**
 * The gain of each relevance grade for the gain-based measures (ndcg, G, rbp and relatives), set
 * up as trec_eval's {@code gain_init.c} does.
 *
 * <p>By default a grade's gain is the grade itself. Parameters {@code grade=gain} override it
 * (parameters whose name is not an integer, such as rbp's {@code p}, are skipped); a parameter may
 * also give a gain to a grade nobody was judged at, or to a negative grade. Every grade from 0 to
 * the highest judged one gets an entry, with the number of judged documents at that grade.
 *
 * <p>Entries are then sorted by gain with trec_eval's comparator, which truncates the difference
 * of two gains to an {@code int} (so gains less than 1 apart compare equal) and sorts with glibc's
 * merge sort; the ideal ranking walks the entries from the last one down. This reproduces
 * trec_eval's ideal gains exactly, including for fractional gains.
 */
final class Gains {
  /** One grade with its gain and the number of judged documents at it. */
  private static final class Level {
    final long grade;
    double gain;
    long count;

    Level(long grade, double gain, long count) {
      this.grade = grade;
      this.gain = gain;
      this.count = count;
    }
  }

  private final Level[] levels;

  private Gains(Level[] levels) {
    this.levels = levels;
  }

  /** The gain table of a query for the given {@code grade=gain} parameters. */
  static Gains of(List<MeasureParameters.Pair> pairs, QueryContext q) {
    List<Level> list = new ArrayList<>();
    for (MeasureParameters.Pair p : pairs) {
      if (isInteger(p.name())) {
        list.add(new Level(CNumbers.atol(p.name()), p.value(), 0));
      }
    }
    int fromParams = list.size();
    for (int grade = 0; grade < q.numRelLevels(); grade++) {
      Level match = null;
      for (int j = 0; j < fromParams && match == null; j++) {
        if (list.get(j).grade == grade) {
          match = list.get(j);
        }
      }
      if (match != null) {
        match.count = q.countAtLevel(grade);
      } else {
        list.add(new Level(grade, grade, q.countAtLevel(grade)));
      }
    }
    Level[] sorted = list.toArray(new Level[0]);
    CMergeSort.sort(sorted, (a, b) -> CNumbers.truncToInt(a.gain - b.gain));
    return new Gains(sorted);
  }

  /** {@code valid_int}: an optional sign and at least one decimal digit, nothing else. */
  private static boolean isInteger(String s) {
    int i = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
    if (i == s.length()) {
      return false;
    }
    for (; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** The gain of a grade: the first entry with that grade in sorted order; 0 when there is none. */
  double gain(long grade) {
    for (Level l : levels) {
      if (l.grade == grade) {
        return l.gain;
      }
    }
    return 0.0;
  }

  /** Number of entries. */
  int size() {
    return levels.length;
  }

  /** Gain of the entry at sorted position {@code i}. */
  double gainAt(int i) {
    return levels[i].gain;
  }

  /** Judged documents at the entry at sorted position {@code i}. */
  long countAt(int i) {
    return levels[i].count;
  }

  /**
   * For rbp: when some gain is below 0 or above 1, every gain g becomes
   * {@code (g - min) / (max - min)}. (trec_eval reads {@code min} and {@code max} uninitialised;
   * this takes them over the gains, which agrees with its output for default gains.)
   */
  Gains normalizedToUnitRange() {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Level l : levels) {
      min = Math.min(min, l.gain);
      max = Math.max(max, l.gain);
    }
    if (!(min < 0 || max > 1)) {
      return this;
    }
    Level[] copy = new Level[levels.length];
    for (int i = 0; i < levels.length; i++) {
      copy[i] = new Level(levels[i].grade, (levels[i].gain - min) / (max - min), levels[i].count);
    }
    return new Gains(copy);
  }
}
