package io.rankstack.eval.trec;

import java.util.List;

/**
 * A measure family with its parameters, as one {@code -m} selection yields it.
 *
 * @param family     the measure
 * @param params     its parameters (the defaults when none were given)
 * @param valueNames the names of its values as trec_eval prints them, one per column
 */
record Measure(MeasureFamily family, MeasureParameters params, List<String> valueNames) {
  Measure {
    valueNames = List.copyOf(valueNames);
    if (valueNames.isEmpty()) {
      throw new IllegalArgumentException(family.trecName() + ": no values");
    }
  }
}
