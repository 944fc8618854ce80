package io.rankstack.eval.trec;

/**
 * The gain-based measures whose algorithms are too long for an enum constant: the nDCG family,
 * G, and RBP. Each walks the ranking and, for the ideal ranking, the {@link Gains} entries from the
 * highest-sorted down, exactly as the corresponding trec_eval source does.
 */
final class GainMeasures {
  private GainMeasures() {}

  /** The ideal ranking: entries of the gain table from the last down, one document per count. */
  private static final class IdealWalk {
    private final Gains gains;
    private int level;
    private long numAtLevel;
    private double gain;

    IdealWalk(Gains gains) {
      this.gains = gains;
      this.level = gains.size() - 1;
      this.gain = level >= 0 ? gains.gainAt(level) : 0.0;
    }

    /** The gain at the current level before any step (for Rndcg's change detection). */
    double gain() {
      return gain;
    }

    /** Moves to the next ideal document and returns its gain (0 once the table is exhausted). */
    double next() {
      numAtLevel++;
      while (level >= 0 && numAtLevel > gains.countAt(level)) {
        numAtLevel = 1;
        level--;
        gain = level >= 0 ? gains.gainAt(level) : 0.0;
      }
      return gain;
    }
  }

  /**
   * DCG of the ranking and of the ideal ranking: {@code sum gain(doc_i) / log2(i + 1)} over ranks
   * {@code i} from 1, the ideal one running until the ideal gain is no longer positive.
   *
   * @return {@code {dcg, idealDcg}}
   */
  static double[] dcg(QueryContext q, Gains gains) {
    double resultsDcg = 0.0;
    double idealDcg = 0.0;
    IdealWalk ideal = new IdealWalk(gains);
    double idealGain = ideal.gain();
    int i;
    for (i = 0; i < q.numRet() && idealGain > 0.0; i++) {
      double g = gains.gain(q.rel(i));
      if (g != 0) {
        resultsDcg += g / CMath.log2(i + 2);
      }
      idealGain = ideal.next();
      if (idealGain > 0.0) {
        idealDcg += idealGain / CMath.log2(i + 2);
      }
    }
    for (; i < q.numRet(); i++) {
      double g = gains.gain(q.rel(i));
      if (g != 0) {
        resultsDcg += g / CMath.log2(i + 2);
      }
    }
    while (idealGain > 0.0) {
      idealGain = ideal.next();
      if (idealGain > 0.0) {
        idealDcg += idealGain / CMath.log2(i + 2);
      }
      i++;
    }
    return new double[] {resultsDcg, idealDcg};
  }

  /**
   * ndcg_rel: nDCG averaged over the relevant documents (those with positive ideal gain): at each
   * retrieved document with positive gain, {@code dcg / idealDcg} so far; each relevant document not
   * retrieved contributes the final {@code dcg / idealDcg}. 0 unless the sum is positive.
   */
  static double ndcgRel(QueryContext q, Gains gains) {
    double resultsDcg = 0.0;
    double idealDcg = 0.0;
    double sum = 0.0;
    long numRelRet = 0;
    long numRel = 0;
    IdealWalk ideal = new IdealWalk(gains);
    double idealGain = ideal.gain();
    int i;
    for (i = 0; i < q.numRet() && idealGain > 0.0; i++) {
      double g = gains.gain(q.rel(i));
      if (g != 0) {
        resultsDcg += g / CMath.log2(i + 2);
      }
      idealGain = ideal.next();
      if (idealGain > 0.0) {
        numRel++;
        idealDcg += idealGain / CMath.log2(i + 2);
      }
      if (g > 0) {
        sum += resultsDcg / idealDcg;
        numRelRet++;
      }
    }
    for (; i < q.numRet(); i++) {
      double g = gains.gain(q.rel(i));
      if (g != 0) {
        resultsDcg += g / CMath.log2(i + 2);
      }
      if (g > 0) {
        sum += resultsDcg / idealDcg;
        numRelRet++;
      }
    }
    while (idealGain > 0.0) {
      idealGain = ideal.next();
      if (idealGain > 0.0) {
        numRel++;
        idealDcg += idealGain / CMath.log2(i + 2);
      }
      i++;
    }
    sum += (double) (numRel - numRelRet) * resultsDcg / idealDcg;
    return sum > 0.0 ? sum / numRel : 0.0;
  }

  /**
   * Rndcg: nDCG averaged over the points where the ideal gain changes (the R levels), plus the end
   * of the retrieved list when the ideal gain runs out before it. 0 when the query has no relevant
   * document.
   */
  static double rndcg(QueryContext q, Gains gains) {
    if (q.numRel() == 0) {
      return 0.0;
    }
    double resultsDcg = 0.0;
    double idealDcg = 0.0;
    double sum = 0.0;
    long changes = 0;
    IdealWalk ideal = new IdealWalk(gains);
    double idealGain = ideal.gain();
    double oldIdealGain = idealGain;
    int i;
    for (i = 0; i < q.numRet() && idealGain > 0.0; i++) {
      double g = gains.gain(q.rel(i));
      idealGain = ideal.next();
      if (oldIdealGain != idealGain) {
        if (idealDcg > 0.0) {
          sum += resultsDcg / idealDcg;
          changes++;
        }
        oldIdealGain = idealGain;
      }
      if (g != 0) {
        resultsDcg += g / CMath.log2(i + 2);
      }
      if (idealGain > 0.0) {
        idealDcg += idealGain / CMath.log2(i + 2);
      }
    }
    if (i < q.numRet()) {
      for (; i < q.numRet(); i++) {
        double g = gains.gain(q.rel(i));
        if (g != 0) {
          resultsDcg += g / CMath.log2(i + 2);
        }
      }
      if (idealDcg > 0.0) {
        sum += resultsDcg / idealDcg;
        changes++;
      }
    }
    while (idealGain > 0.0) {
      idealGain = ideal.next();
      if (oldIdealGain != idealGain) {
        if (idealDcg > 0.0) {
          sum += resultsDcg / idealDcg;
          changes++;
        }
        oldIdealGain = idealGain;
      }
      if (idealGain > 0.0) {
        idealDcg += idealGain / CMath.log2(i + 2);
      }
      i++;
    }
    return sum / changes;
  }

  /**
   * G: each retrieved document contributes {@code gain / log2(2 + cost - gainSoFar)}, where cost
   * sums the ideal gain at each rank (at least 1 per rank) and gainSoFar the gains retrieved up to
   * and including it; normalised by the total ideal gain.
   */
  static double g(QueryContext q, Gains gains) {
    final double minCost = 1.0;
    double resultsG = 0.0;
    double sumResults = 0.0;
    double sumIdeal = 0.0;
    double sumCost = 0.0;
    IdealWalk ideal = new IdealWalk(gains);
    double idealGain = ideal.gain();
    int i;
    for (i = 0; i < q.numRet() && idealGain > 0.0; i++) {
      double g = gains.gain(q.rel(i));
      sumResults += g;
      idealGain = ideal.next();
      if (idealGain > 0.0) {
        sumIdeal += idealGain;
      }
      sumCost += idealGain >= minCost ? idealGain : minCost;
      if (g != 0) {
        resultsG += g / CMath.log2(2 + sumCost - sumResults);
      }
    }
    for (; i < q.numRet(); i++) {
      double g = gains.gain(q.rel(i));
      sumResults += g;
      sumCost += minCost;
      if (g != 0) {
        resultsG += g / CMath.log2(2 + sumCost - sumResults);
      }
    }
    while (idealGain > 0.0) {
      idealGain = ideal.next();
      if (idealGain > 0.0) {
        sumIdeal += idealGain;
      }
    }
    return sumIdeal > 0.0 ? resultsG / sumIdeal : 0.0;
  }

  /** The persistence {@code p} of rbp: the last {@code p=} parameter, 0.9 by default. */
  static double persistence(MeasureParameters params) {
    double p = 0.9;
    for (MeasureParameters.Pair pair : params.pairs()) {
      if (pair.name().equals("p")) {
        p = pair.value();
      }
    }
    return p;
  }

  /** RBP: {@code (1 - p) * sum_i gain(doc_i) * p^(i-1)}, gains scaled into [0, 1] when needed. */
  static double rbp(QueryContext q, MeasureParameters params) {
    double p = persistence(params);
    Gains gains = Gains.of(params.pairs(), q).normalizedToUnitRange();
    double sum = 0.0;
    double curP = 1.0;
    for (int i = 0; i < q.numRet(); i++) {
      double g = gains.gain(q.rel(i));
      if (g != 0) {
        sum += g * curP;
      }
      curP = curP * p;
    }
    return (1.0 - p) * sum;
  }

  /**
   * rbp_resid: how much rbp could still grow if every retrieved document without a judgment had
   * gain 1, plus the tail beyond the list: {@code p^n + (1 - p) * sum over unjudged p^(i-1)}; 0 when
   * every retrieved document is judged.
   */
  static double rbpResidual(QueryContext q, MeasureParameters params) {
    double p = persistence(params);
    long unjudged = 0;
    double sum = 0.0;
    double curP = 1.0;
    for (int i = 0; i < q.numRet(); i++) {
      if (q.rel(i) < 0) {
        unjudged++;
        sum += curP;
      }
      curP = curP * p;
    }
    return unjudged > 0 ? curP + (1 - p) * sum : 0.0;
  }
}
