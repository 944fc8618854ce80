package io.rankstack.eval.trec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The parameters of one measure, parsed from the text after the first dot of a {@code -m}
 * argument exactly as trec_eval's {@code meas_init.c} parses them, and the value names they give.
 *
 * <ul>
 *   <li>{@link Kind#LONG_CUTOFFS} ({@code P.5,10}): comma-separated integers read with {@code atol}
 *       ({@code 23.4} is 23), sorted, positive, no duplicates; one value each, named
 *       {@code P_5}.</li>
 *   <li>{@link Kind#DOUBLE_CUTOFFS} ({@code iprec_at_recall..1,.2}): numbers read with {@code atof},
 *       sorted, no duplicates; one value each, named with {@code %3.2f}: {@code iprec_at_recall_0.10}.</li>
 *   <li>{@link Kind#DOUBLE_VALUES} ({@code utility.2,-1,0,0}): numbers in the order given; one value,
 *       named with the parameter text as typed: {@code utility_2,-1,0,0}.</li>
 *   <li>{@link Kind#GAIN_PAIRS} ({@code ndcg.1=3,2=9}): {@code name=number} pairs; one value, named
 *       with the text as typed: {@code ndcg_1=3,2=9}.</li>
 * </ul>
 * Without parameters a measure uses its defaults and its plain name (or one name per default cutoff).
 */
final class MeasureParameters {
  /** How a measure takes parameters. */
  enum Kind { NONE, LONG_CUTOFFS, DOUBLE_CUTOFFS, DOUBLE_VALUES, GAIN_PAIRS }

  /** A {@code name=value} parameter. */
  record Pair(String name, double value) {}

  private final Kind kind;
  private final String printable;
  private final long[] longCutoffs;
  private final double[] doubles;
  private final List<Pair> pairs;

  private MeasureParameters(Kind kind, String printable, long[] longCutoffs, double[] doubles, List<Pair> pairs) {
    this.kind = kind;
    this.printable = printable;
    this.longCutoffs = longCutoffs;
    this.doubles = doubles;
    this.pairs = pairs;
  }

  static MeasureParameters none() {
    return new MeasureParameters(Kind.NONE, null, new long[0], new double[0], List.of());
  }

  static MeasureParameters defaultLongCutoffs(long... cutoffs) {
    return new MeasureParameters(Kind.LONG_CUTOFFS, null, cutoffs.clone(), new double[0], List.of());
  }

  static MeasureParameters defaultDoubleCutoffs(double... cutoffs) {
    return new MeasureParameters(Kind.DOUBLE_CUTOFFS, null, new long[0], cutoffs.clone(), List.of());
  }

  static MeasureParameters defaultDoubleValues(double... values) {
    return new MeasureParameters(Kind.DOUBLE_VALUES, null, new long[0], values.clone(), List.of());
  }

  static MeasureParameters defaultPairs() {
    return new MeasureParameters(Kind.GAIN_PAIRS, null, new long[0], new double[0], List.of());
  }

  /**
   * Parses parameters given on the command line for a measure whose defaults are {@code defaults}.
   * A measure that takes no parameters ignores them, as trec_eval does.
   *
   * @throws IllegalArgumentException on cutoffs trec_eval refuses (non-positive, duplicate) and
   *                                  malformed pairs
   */
  static MeasureParameters parse(String measure, MeasureParameters defaults, String text) {
    String[] parts = text.split(",", -1);
    switch (defaults.kind) {
      case NONE -> {
        return defaults;
      }
      case LONG_CUTOFFS -> {
        Long[] cutoffs = new Long[parts.length];
        for (int i = 0; i < parts.length; i++) {
          cutoffs[i] = CNumbers.atol(parts[i]);
        }
        // trec_eval's comp_long returns the difference truncated to int.
        CMergeSort.sort(cutoffs, (a, b) -> (int) (a - b));
        if (cutoffs[0] <= 0) {
          throw new IllegalArgumentException("measure '" + measure + "': cutoffs must be positive: '" + text + "'");
        }
        long[] values = new long[cutoffs.length];
        for (int i = 0; i < cutoffs.length; i++) {
          if (i > 0 && cutoffs[i].longValue() == cutoffs[i - 1].longValue()) {
            throw new IllegalArgumentException("measure '" + measure + "': duplicate cutoffs: '" + text + "'");
          }
          values[i] = cutoffs[i];
        }
        return new MeasureParameters(Kind.LONG_CUTOFFS, text, values, new double[0], List.of());
      }
      case DOUBLE_CUTOFFS -> {
        Double[] cutoffs = new Double[parts.length];
        for (int i = 0; i < parts.length; i++) {
          cutoffs[i] = CNumbers.atof(parts[i]);
        }
        CMergeSort.sort(cutoffs, (a, b) -> a < b ? -1 : a > b ? 1 : 0);
        double[] values = new double[cutoffs.length];
        for (int i = 0; i < cutoffs.length; i++) {
          if (i > 0 && cutoffs[i].doubleValue() == cutoffs[i - 1].doubleValue()) {
            throw new IllegalArgumentException("measure '" + measure + "': duplicate cutoffs: '" + text + "'");
          }
          values[i] = cutoffs[i];
        }
        return new MeasureParameters(Kind.DOUBLE_CUTOFFS, text, new long[0], values, List.of());
      }
      case DOUBLE_VALUES -> {
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
          values[i] = CNumbers.atof(parts[i]);
        }
        return new MeasureParameters(Kind.DOUBLE_VALUES, text, new long[0], values, List.of());
      }
      case GAIN_PAIRS -> {
        return new MeasureParameters(Kind.GAIN_PAIRS, text, new long[0], new double[0], parsePairs(measure, text));
      }
      default -> throw new AssertionError(defaults.kind);
    }
  }

  /** {@code name=value,...} with trec_eval's checks: one '=' per pair, no empty pair. */
  private static List<Pair> parsePairs(String measure, String text) {
    char last = ',';
    boolean ok = true;
    for (int i = 0; i < text.length() && ok; i++) {
      char c = text.charAt(i);
      if (c == ',') {
        ok = last != ',';
        last = ',';
      } else if (c == '=') {
        ok = last != '=';
        last = ok ? '=' : ',';
      }
    }
    if (!ok || last != '=') {
      throw new IllegalArgumentException("measure '" + measure + "': malformed pair parameters in '" + text
          + "', expected name=value,...");
    }
    List<Pair> pairs = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      int eq = part.indexOf('=');
      pairs.add(new Pair(part.substring(0, eq), CNumbers.atof(part.substring(eq + 1))));
    }
    return List.copyOf(pairs);
  }

  Kind kind() {
    return kind;
  }

  /** The parameter text as typed on the command line, or null when defaults are in use. */
  String printable() {
    return printable;
  }

  /** Sorted positive integer cutoffs ({@link Kind#LONG_CUTOFFS}). */
  long[] longCutoffs() {
    return longCutoffs.clone();
  }

  long longCutoff(int i) {
    return longCutoffs[i];
  }

  /** Sorted cutoffs ({@link Kind#DOUBLE_CUTOFFS}) or values in given order ({@link Kind#DOUBLE_VALUES}). */
  double doubleValue(int i) {
    return doubles[i];
  }

  /** Number of cutoffs or values. */
  int count() {
    return kind == Kind.LONG_CUTOFFS ? longCutoffs.length : kind == Kind.GAIN_PAIRS ? pairs.size() : doubles.length;
  }

  List<Pair> pairs() {
    return pairs;
  }

  /** The names of the values this measure produces, as trec_eval prints them. */
  List<String> valueNames(String measure) {
    List<String> names = new ArrayList<>();
    switch (kind) {
      case LONG_CUTOFFS -> {
        for (long c : longCutoffs) {
          names.add(measure + "_" + c);
        }
      }
      case DOUBLE_CUTOFFS -> {
        for (double c : doubles) {
          // snprintf into strlen(name) + 10 bytes: at most 8 characters of number survive.
          String number = CPrintf.fixed(c, 3, 2);
          names.add(measure + "_" + (number.length() > 8 ? number.substring(0, 8) : number));
        }
      }
      default -> names.add(printable == null ? measure : measure + "_" + printable);
    }
    return names;
  }

  @Override
  public String toString() {
    return kind + (printable == null ? "(defaults)" : "(" + printable + ")")
        + (kind == Kind.LONG_CUTOFFS ? Arrays.toString(longCutoffs) : "");
  }
}
