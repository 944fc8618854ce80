package io.rankstack.eval.trec;

import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * The measures of trec_eval 10.0 that work on TREC qrels and runs, in the order trec_eval computes
 * and prints them (its {@code measures.c}). Each constant states its definition for one query;
 * unless said otherwise the summary is the mean over queries (over all qrels queries with
 * {@code -c}).
 *
 * <p>Notation: R is the number of relevant documents in the judgments (grade at least the
 * relevance level {@code -l}), n the number of retrieved documents evaluated, rel(i) whether the
 * document at rank i (from 1) is relevant. Cutoff measures with a cutoff k beyond n count the
 * missing documents as non-relevant.
 *
 * <p>trec_eval's preference measures ({@code prefs_*}) and judgment-group measures
 * ({@code *_avgjg}) need other input formats and are not here.
 */
public enum MeasureFamily {
  /** The run id: the sixth field of the last line of the run. Printed in the summary only. */
  RUNID("runid", MeasureParameters.none(), Output.RUN_ID, Averaging.NONE) {
    @Override
    void compute(QueryContext q, MeasureParameters p, double[] out) {}
  },
  /** Number of queries averaged over. Printed in the summary only. */
  NUM_Q("num_q", MeasureParameters.none(), Output.COUNT, Averaging.QUERY_COUNT) {
    @Override
    void compute(QueryContext q, MeasureParameters p, double[] out) {
      out[0] = 1;
    }
  },
  /** Number of documents retrieved (after {@code -M}, {@code -J}). Summary: the sum. */
  NUM_RET("num_ret", MeasureParameters.none(), Output.COUNT, Averaging.SUM) {
    @Override
    void compute(QueryContext q, MeasureParameters p, double[] out) {
      out[0] = q.numRet();
    }
  },
  /**
   * R, the number of relevant documents. Summary: the sum; with {@code -c}, the number of judgments
   * with a grade above 0 in the whole qrels, whatever {@code -l} says (as trec_eval does).
   */
  NUM_REL("num_rel", MeasureParameters.none(), Output.COUNT, Averaging.RELEVANT_COUNT) {
    @Override
    void compute(QueryContext q, MeasureParameters p, double[] out) {
      out[0] = q.numRel();
    }
  },
  /** Number of relevant documents retrieved. Summary: the sum. */
  NUM_REL_RET("num_rel_ret", MeasureParameters.none(), Output.COUNT, Averaging.SUM) {
    @Override
    void compute(QueryContext q, MeasureParameters p, double[] out) {
      out[0] = q.numRelRet();
    }
  },
  /** Average precision: {@code sum over relevant retrieved ranks i of P@i, divided by R}. */
  MAP("map", MeasureParameters.none(), Output.REAL, Averaging.MEAN) {
    @Override
    void compute(QueryContext q, MeasureParameters p, double[] out) {
      out[0] = averagePrecision(q);
    }
  },
  /**
   * Average precision, averaged with the geometric mean: the per-query value is
   * {@code ln(max(AP, 0.00001))}, the summary {@code exp} of their mean. Printed in the summary only.
   */
  GM_MAP("gm_map", MeasureParameters.none(), Output.REAL, Averaging.GEOMETRIC_MEAN) {
    @Override
    void compute(QueryContext q, MeasureParameters p, double[] out) {
      out[0] = Math.log(Math.max(averagePrecision(q), MIN_GEO_MEAN));
    }
  },
  /** R-precision: precision after R documents ({@code min(n, R)} examined); 0 when R or n is 0. */
  RPREC("Rprec", MeasureParameters.none(), Output.REAL, Averaging.MEAN) {
    @Override
    void compute(QueryContext q, MeasureParameters p, double[] out) {
      long k = Math.min(q.numRet(), q.numRel());
      if (k == 0) {
        return;
      }
      long relSoFar = 0;
      for (int i = 0; i < k; i++) {
        if (q.isRelevant(i)) {
          relSoFar++;
        }
      }
      out[0] = (double) relSoFar / (double) q.numRel();
    }
  },
  /**
   * bpref (Buckley and Voorhees 2004): over the judged documents only, each relevant retrieved
   * document adds {@code 1 - min(N_above, R) / min(N, R)}, N_above being the judged non-relevant
   * documents ranked above it and N all judged non-relevant ones; the sum is divided by R.
   */
  BPREF("bpref", MeasureParameters.none(), Output.REAL, Averaging.MEAN) {
    @Override
    void compute(QueryContext q, MeasureParameters p, double[] out) {
      out[0] = bpref(q);
    }
  },
  /** Reciprocal rank of the first relevant retrieved document; 0 when there is none. */
  RECIP_RANK("recip_rank", MeasureParameters.none(), Output.REAL, Averaging.MEAN) {
    @Override
    void compute(QueryContext q, MeasureParameters p, double[] out) {
      for (int i = 0; i < q.numRet(); i++) {
        if (q.isRelevant(i)) {
          out[0] = 1.0 / (double) (i + 1);
          return;
        }
      }
    }
  },
  /**
   * Interpolated precision at recall points (default 0, 0.1, ..., 1): the highest precision at any
   * rank where recall is at least the point. See {@link Interpolation}.
   */
  IPREC_AT_RECALL("iprec_at_recall",
      MeasureParameters.defaultDoubleCutoffs(0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0),
      Output.REAL, Averaging.MEAN) {
    @Override
    void compute(QueryContext q, MeasureParameters p, double[] out) {
      Interpolation.precisionAtRecall(q, doubles(p), out);
    }
  },
  /** Precision at cutoffs k (default 5, 10, 15, 20, 30, 100, 200, 500, 1000): relevant in top k / k. */
  P("P", MeasureParameters.defaultLongCutoffs(5, 10, 15, 20, 30, 100, 200, 500, 1000), Output.REAL, Averaging.MEAN) {
    @Override
    void compute(QueryContext q, MeasureParameters p, double[] out) {
      countAtCutoffs(q, p, q::isRelevant, (count, k) -> (double) count / (double) k, out);
    }
  },
  /**
   * The grades of the first N retrieved documents (default 10) as a string, one character each:
   * the digit for grades 0-9, {@code >} above 9, {@code -} not judged, {@code .} judged negative.
   * Printed per query only.
   */
  RELSTRING("relstring", MeasureParameters.defaultDoubleValues(10.0), Output.TEXT, Averaging.NONE) {
    @Override
    void compute(QueryContext q, MeasureParameters p, double[] out) {}

    @Override
    String text(QueryContext q, MeasureParameters p) {
      long len = Math.max(Math.min(CNumbers.truncToLong(p.doubleValue(0)), q.numRet()), 0);
      StringBuilder sb = new StringBuilder((int) len);
      for (int i = 0; i < len; i++) {
        int rel = q.rel(i);
        sb.append(rel > 9 ? '>' : rel >= 0 ? (char) ('0' + rel) : rel == QueryContext.NONPOOL ? '-'
            : rel == QueryContext.UNJUDGED ? '.' : '<');
      }
      return sb.toString();
    }
  },
  /** Recall at cutoffs k (default as for P): relevant in top k / R; 0 when R is 0. */
  RECALL("recall", MeasureParameters.defaultLongCutoffs(5, 10, 15, 20, 30, 100, 200, 500, 1000), Output.REAL,
      Averaging.MEAN) {
    @Override
    void compute(QueryContext q, MeasureParameters p, double[] out) {
      if (q.numRel() == 0) {
        return;
      }
      countAtCutoffs(q, p, q::isRelevant, (count, k) -> (double) count / (double) q.numRel(), out);
    }
  },
  /**
   * Inferred AP (Yilmaz and Aslam, CIKM 2006): each relevant retrieved document at rank k > 1 adds
   * {@code 1/k + ((k-1)/k) * (J/(k-1)) * ((r + 0.00001) / (r + N + 0.00002))}, where, over the
   * documents above it, J counts those in the pool, r the relevant and N the judged non-relevant
   * ones (at rank 1 it adds 1); the sum is divided by R.
   */
  INFAP("infAP", MeasureParameters.none(), Output.REAL, Averaging.MEAN) {
    @Override
    void compute(QueryContext q, MeasureParameters p, double[] out) {
      long nonrelSoFar = 0;
      long relSoFar = 0;
      long poolUnjudgedSoFar = 0;
      double infAp = 0.0;
      for (int j = 0; j < q.numRet(); j++) {
        int rel = q.rel(j);
        if (rel == QueryContext.NONPOOL) {
          continue;
        }
        if (rel == QueryContext.UNJUDGED) {
          poolUnjudgedSoFar++;
          continue;
        }
        if (rel >= 0 && rel < q.relevanceLevel()) {
          nonrelSoFar++;
        } else {
          relSoFar++;
          if (j == 0) {
            infAp += 1.0;
          } else {
            double fj = j;
            infAp += 1.0 / (fj + 1.0)
                + (fj / (fj + 1.0)) * ((relSoFar - 1 + nonrelSoFar + poolUnjudgedSoFar) / fj)
                * ((relSoFar - 1 + INFAP_EPSILON) / (relSoFar - 1 + nonrelSoFar + 2 * INFAP_EPSILON));
          }
        }
      }
      if (q.numRel() != 0) {
        infAp /= q.numRel();
      }
      out[0] = infAp;
    }
  },
  /**
   * bpref averaged with the geometric mean: per query {@code ln(max(bpref, 0.00001))}, summary
   * {@code exp} of their mean. Printed in the summary only.
   */
  GM_BPREF("gm_bpref", MeasureParameters.none(), Output.REAL, Averaging.GEOMETRIC_MEAN) {
    @Override
    void compute(QueryContext q, MeasureParameters p, double[] out) {
      out[0] = Math.log(Math.max(bpref(q), MIN_GEO_MEAN));
    }
  },
  /**
   * Precision after {@code (long) (m * R + 0.9)} documents for multiples m of R (default 0.2, 0.4,
   * ..., 2.0). See {@link Interpolation}.
   */
  RPREC_MULT("Rprec_mult",
      MeasureParameters.defaultDoubleCutoffs(0.2, 0.4, 0.6, 0.8, 1.0, 1.2, 1.4, 1.6, 1.8, 2.0),
      Output.REAL, Averaging.MEAN) {
    @Override
    void compute(QueryContext q, MeasureParameters p, double[] out) {
      Interpolation.precisionAtRMultiples(q, doubles(p), out);
    }
  },
  /**
   * Set utility {@code p1*a + p2*b + p3*c + p4*d} over the contingency table (a relevant retrieved,
   * b non-relevant retrieved, c relevant not retrieved, d the rest of the {@code -N} collection);
   * exactly four coefficients, default {@code 1,-1,0,0}.
   */
  UTILITY("utility", MeasureParameters.defaultDoubleValues(1.0, -1.0, 0.0, 0.0), Output.REAL, Averaging.MEAN) {
    @Override
    void compute(QueryContext q, MeasureParameters p, double[] out) {
      long numRet = q.numRet();
      long numRelRet = q.numRelRet();
      long numRel = q.numRel();
      out[0] = p.doubleValue(0) * numRelRet
          + p.doubleValue(1) * (numRet - numRelRet)
          + p.doubleValue(2) * (numRel - numRelRet)
          + p.doubleValue(3) * (q.numDocsInCollection() + numRelRet - numRet - numRel);
    }

    @Override
    void validate(MeasureParameters p) {
      if (p.count() != 4) {
        throw new IllegalArgumentException("measure 'utility' needs exactly 4 coefficients, got " + p.count());
      }
    }
  },
  /**
   * Interpolated precision averaged over recall points (default 0, 0.1, ..., 1), in the order
   * given and without sorting; the name stays {@code 11pt_avg} whatever the points.
   */
  PT11_AVG("11pt_avg",
      MeasureParameters.defaultDoubleValues(0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0),
      Output.REAL, Averaging.MEAN) {
    @Override
    void compute(QueryContext q, MeasureParameters p, double[] out) {
      out[0] = Interpolation.averagePrecisionAtRecall(q, doubles(p));
    }
  },
  /**
   * Binary G: over relevant retrieved documents, {@code 1 / log2(2 + nonrelevant above it)},
   * summed and divided by R.
   */
  BING("binG", MeasureParameters.none(), Output.REAL, Averaging.MEAN) {
    @Override
    void compute(QueryContext q, MeasureParameters p, double[] out) {
      long relSoFar = 0;
      double sum = 0.0;
      for (int i = 0; i < q.numRet(); i++) {
        if (q.isRelevant(i)) {
          relSoFar++;
          sum += 1.0 / CMath.log2((double) (3 + i - relSoFar));
        }
      }
      if (relSoFar != 0) {
        out[0] = sum / (double) q.numRel();
      }
    }
  },
  /** Normalised gain G with {@code grade=gain} parameters; see {@link GainMeasures#g}. */
  G("G", MeasureParameters.defaultPairs(), Output.REAL, Averaging.MEAN) {
    @Override
    void compute(QueryContext q, MeasureParameters p, double[] out) {
      out[0] = GainMeasures.g(q, Gains.of(p.pairs(), q));
    }
  },
  /** Discounted cumulative gain {@code sum gain(doc_i) / log2(i + 1)}, gains as for ndcg. */
  DCG("dcg", MeasureParameters.defaultPairs(), Output.REAL, Averaging.MEAN) {
    @Override
    void compute(QueryContext q, MeasureParameters p, double[] out) {
      out[0] = GainMeasures.dcg(q, Gains.of(p.pairs(), q))[0];
    }
  },
  /** DCG of the ideal ranking (all judged documents by decreasing gain), gains as for ndcg. */
  IDEAL_DCG("ideal_dcg", MeasureParameters.defaultPairs(), Output.REAL, Averaging.MEAN) {
    @Override
    void compute(QueryContext q, MeasureParameters p, double[] out) {
      out[0] = GainMeasures.dcg(q, Gains.of(p.pairs(), q))[1];
    }
  },
  /**
   * nDCG (Jarvelin and Kekalainen 2002) over the whole ranking: {@code dcg / ideal_dcg}, 0 when the
   * ideal is 0. A grade's gain is the grade unless {@code grade=gain} parameters say otherwise
   * ({@code ndcg.1=3,2=9}); see {@link Gains}.
   */
  NDCG("ndcg", MeasureParameters.defaultPairs(), Output.REAL, Averaging.MEAN) {
    @Override
    void compute(QueryContext q, MeasureParameters p, double[] out) {
      double[] d = GainMeasures.dcg(q, Gains.of(p.pairs(), q));
      if (d[1] > 0.0) {
        out[0] = d[0] / d[1];
      }
    }
  },
  /** nDCG averaged over the relevant documents; see {@link GainMeasures#ndcgRel}. */
  NDCG_REL("ndcg_rel", MeasureParameters.defaultPairs(), Output.REAL, Averaging.MEAN) {
    @Override
    void compute(QueryContext q, MeasureParameters p, double[] out) {
      out[0] = GainMeasures.ndcgRel(q, Gains.of(p.pairs(), q));
    }
  },
  /** nDCG averaged at the R levels; see {@link GainMeasures#rndcg}. */
  RNDCG("Rndcg", MeasureParameters.defaultPairs(), Output.REAL, Averaging.MEAN) {
    @Override
    void compute(QueryContext q, MeasureParameters p, double[] out) {
      out[0] = GainMeasures.rndcg(q, Gains.of(p.pairs(), q));
    }
  },
  /**
   * nDCG at cutoffs k (default as for P): DCG of the top k over the DCG of the ideal top k, with
   * the grades themselves as gains (only grades above 0 count; {@code -l} plays no part).
   */
  NDCG_CUT("ndcg_cut", MeasureParameters.defaultLongCutoffs(5, 10, 15, 20, 30, 100, 200, 500, 1000), Output.REAL,
      Averaging.MEAN) {
    @Override
    void compute(QueryContext q, MeasureParameters p, double[] out) {
      int n = p.count();
      int ci = 0;
      double sum = 0.0;
      for (int i = 0; i < q.numRet(); i++) {
        if (i == p.longCutoff(ci)) {
          out[ci] = sum;
          if (++ci == n) {
            break;
          }
        }
        double gain = q.rel(i);
        if (gain > 0) {
          sum += gain / CMath.log2(i + 2);
        }
      }
      for (; ci < n; ci++) {
        out[ci] = sum;
      }
      // The ideal top k: grades from the highest judged one down, each as often as it was judged.
      ci = 0;
      int level = q.numRelLevels() - 1;
      long levelCount = 0;
      double idealDcg = 0.0;
      for (int i = 0; level >= 0; i++) {
        levelCount++;
        while (level > 0 && levelCount > q.countAtLevel(level)) {
          level--;
          levelCount = 1;
        }
        if (level == 0) {
          break;
        }
        if (i == p.longCutoff(ci)) {
          if (idealDcg > 0.0) {
            out[ci] /= idealDcg;
          }
          if (++ci == n) {
            break;
          }
        }
        double gain = level;
        idealDcg += gain / CMath.log2(i + 2);
      }
      for (; ci < n; ci++) {
        if (idealDcg > 0.0) {
          out[ci] /= idealDcg;
        }
      }
    }
  },
  /** Average precision at cutoffs k (default as for P): AP counting only the top k documents. */
  MAP_CUT("map_cut", MeasureParameters.defaultLongCutoffs(5, 10, 15, 20, 30, 100, 200, 500, 1000), Output.REAL,
      Averaging.MEAN) {
    @Override
    void compute(QueryContext q, MeasureParameters p, double[] out) {
      if (q.numRel() == 0) {
        return;
      }
      int n = p.count();
      int ci = 0;
      long relSoFar = 0;
      double sum = 0.0;
      for (int i = 0; i < q.numRet(); i++) {
        if (i == p.longCutoff(ci)) {
          out[ci] = sum / (double) q.numRel();
          if (++ci == n) {
            break;
          }
        }
        if (q.isRelevant(i)) {
          relSoFar++;
          sum += (double) relSoFar / (double) (i + 1);
        }
      }
      for (; ci < n; ci++) {
        out[ci] = sum / (double) q.numRel();
      }
    }
  },
  /**
   * Relative precision at cutoffs k (default as for P): relevant in top k / {@code min(k, R)}, so
   * precision up to R and recall after it; 0 when R is 0.
   */
  RELATIVE_P("relative_P", MeasureParameters.defaultLongCutoffs(5, 10, 15, 20, 30, 100, 200, 500, 1000),
      Output.REAL, Averaging.MEAN) {
    @Override
    void compute(QueryContext q, MeasureParameters p, double[] out) {
      if (q.numRel() == 0) {
        return;
      }
      countAtCutoffs(q, p, q::isRelevant,
          (count, k) -> (double) count / (double) (k > q.numRel() ? q.numRel() : k), out);
    }
  },
  /** Success at cutoffs k (default 1, 5, 10): 1 when a relevant document is in the top k, else 0. */
  SUCCESS("success", MeasureParameters.defaultLongCutoffs(1, 5, 10), Output.REAL, Averaging.MEAN) {
    @Override
    void compute(QueryContext q, MeasureParameters p, double[] out) {
      countAtCutoffs(q, p, q::isRelevant, (count, k) -> count != 0 ? 1.0 : 0.0, out);
    }
  },
  /** Set precision: relevant retrieved / n; 0 when n is 0. */
  SET_P("set_P", MeasureParameters.none(), Output.REAL, Averaging.MEAN) {
    @Override
    void compute(QueryContext q, MeasureParameters p, double[] out) {
      if (q.numRet() != 0) {
        out[0] = (double) q.numRelRet() / (double) q.numRet();
      }
    }
  },
  /** Relative set precision: relevant retrieved / {@code min(n, R)}; 0 when n or R is 0. */
  SET_RELATIVE_P("set_relative_P", MeasureParameters.none(), Output.REAL, Averaging.MEAN) {
    @Override
    void compute(QueryContext q, MeasureParameters p, double[] out) {
      if (q.numRet() != 0 && q.numRel() != 0) {
        out[0] = (double) q.numRelRet() / (double) Math.min(q.numRet(), q.numRel());
      }
    }
  },
  /** Set recall: relevant retrieved / R; 0 when R is 0. */
  SET_RECALL("set_recall", MeasureParameters.none(), Output.REAL, Averaging.MEAN) {
    @Override
    void compute(QueryContext q, MeasureParameters p, double[] out) {
      if (q.numRel() != 0) {
        out[0] = (double) q.numRelRet() / (double) q.numRel();
      }
    }
  },
  /** Unranked set AP: relevant retrieved squared / (n * R); 0 when n or R is 0. */
  SET_MAP("set_map", MeasureParameters.none(), Output.REAL, Averaging.MEAN) {
    @Override
    void compute(QueryContext q, MeasureParameters p, double[] out) {
      if (q.numRet() != 0 && q.numRel() != 0) {
        out[0] = ((double) q.numRelRet() * (double) q.numRelRet()) / ((double) q.numRet() * (double) q.numRel());
      }
    }
  },
  /**
   * Set F: {@code (x + 1) * P * R / (x * P + R)} of set precision and recall, x the relative weight
   * of recall (default 1); 0 when nothing relevant is retrieved.
   */
  SET_F("set_F", MeasureParameters.defaultDoubleValues(1.0), Output.REAL, Averaging.MEAN) {
    @Override
    void compute(QueryContext q, MeasureParameters p, double[] out) {
      if (q.numRelRet() != 0) {
        double precision = (double) q.numRelRet() / (double) q.numRet();
        double recall = (double) q.numRelRet() / (double) q.numRel();
        double x = p.doubleValue(0);
        out[0] = (x + 1.0) * precision * recall / (x * precision + recall);
      }
    }
  },
  /** Number of retrieved documents judged non-relevant. Summary: the sum. */
  NUM_NONREL_JUDGED_RET("num_nonrel_judged_ret", MeasureParameters.none(), Output.COUNT, Averaging.SUM) {
    @Override
    void compute(QueryContext q, MeasureParameters p, double[] out) {
      out[0] = (double) q.numRet() - q.numNonpool() - q.numUnjudgedInPool() - q.numRelRet();
    }
  },
  /**
   * Yet Another AP (Robertson, ECIR 2012): {@code ln((1 + S) / (1 + R - S))}, S the sum of precision
   * at the relevant retrieved documents.
   */
  YAAP("yaap", MeasureParameters.none(), Output.REAL, Averaging.MEAN) {
    @Override
    void compute(QueryContext q, MeasureParameters p, double[] out) {
      long relSoFar = 0;
      double sum = 0.0;
      for (int i = 0; i < q.numRet(); i++) {
        if (q.isRelevant(i)) {
          relSoFar++;
          sum += (double) relSoFar / (double) (i + 1);
        }
      }
      out[0] = Math.log((1.0 + sum) / (1.0 + (double) q.numRel() - sum));
    }
  },
  /**
   * Rank-biased precision (Moffat and Zobel 2008): {@code (1 - p) * sum gain(doc_i) * p^(i-1)}, p set
   * by a {@code p=} parameter (default 0.9), gains as for ndcg scaled into [0, 1] by
   * {@code (g - min) / (max - min)} when some gain lies outside it.
   *
   * <p>Known difference: trec_eval 10.0 never initialises {@code min} and {@code max}, so when
   * grades go above 1 its rbp depends on what the previous measure left on the stack. With
   * {@code -m all_trec} (and with grades 0/1) it prints the values computed here; after some other
   * measures (yaap, 11pt_avg, ndcg_rel, G...) it can print others.
   */
  RBP("rbp", MeasureParameters.defaultPairs(), Output.REAL, Averaging.MEAN) {
    @Override
    void compute(QueryContext q, MeasureParameters p, double[] out) {
      out[0] = GainMeasures.rbp(q, p);
    }
  },
  /** The residual of rbp due to unjudged documents; see {@link GainMeasures#rbpResidual}. */
  RBP_RESID("rbp_resid", MeasureParameters.defaultPairs(), Output.REAL, Averaging.MEAN) {
    @Override
    void compute(QueryContext q, MeasureParameters p, double[] out) {
      out[0] = GainMeasures.rbpResidual(q, p);
    }
  },
  /** Fraction of unjudged documents (not in the qrels, or judged negative) in the top k (default 5, 10, 20). */
  UNJ("unj", MeasureParameters.defaultLongCutoffs(5, 10, 20), Output.REAL, Averaging.MEAN) {
    @Override
    void compute(QueryContext q, MeasureParameters p, double[] out) {
      countAtCutoffs(q, p, i -> q.rel(i) < 0, (count, k) -> (double) count / (double) k, out);
    }
  };

  /** trec_eval's MIN_GEO_MEAN: the floor of per-query values under a geometric mean. */
  static final double MIN_GEO_MEAN = .00001;
  /** trec_eval's INFAP_EPSILON. */
  static final double INFAP_EPSILON = .00001;

  /** How a measure's values are printed. */
  enum Output {
    /** An integer count, printed with {@code %ld}. */
    COUNT,
    /** A real number, printed with {@code %6.4f}. */
    REAL,
    /** A string per query, printed quoted (relstring). */
    TEXT,
    /** The run id, printed in the summary (runid). */
    RUN_ID
  }

  /** How per-query values become the summary value. */
  enum Averaging {
    /** No summary value. */
    NONE,
    /** The sum over queries. */
    SUM,
    /** The sum divided by the number of queries (all qrels queries with {@code -c}). */
    MEAN,
    /** {@code exp} of the mean of per-query logarithms. */
    GEOMETRIC_MEAN,
    /** The number of queries. */
    QUERY_COUNT,
    /** The sum, or with {@code -c} the positive judgments in the whole qrels. */
    RELEVANT_COUNT
  }

  private final String trecName;
  private final MeasureParameters defaults;
  private final Output output;
  private final Averaging averaging;

  MeasureFamily(String trecName, MeasureParameters defaults, Output output, Averaging averaging) {
    this.trecName = trecName;
    this.defaults = defaults;
    this.output = output;
    this.averaging = averaging;
  }

  /** The name trec_eval knows the measure by ({@code -m} argument and printed name stem). */
  public String trecName() {
    return trecName;
  }

  /** The family with the given trec_eval name, if trec_eval has it and it works on qrels. */
  public static Optional<MeasureFamily> byTrecName(String name) {
    for (MeasureFamily f : values()) {
      if (f.trecName.equals(name)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  MeasureParameters defaults() {
    return defaults;
  }

  Output output() {
    return output;
  }

  Averaging averaging() {
    return averaging;
  }

  /** Whether trec_eval prints this measure for each query with {@code -q}. */
  boolean printedPerQuery() {
    return output != Output.RUN_ID && averaging != Averaging.QUERY_COUNT && averaging != Averaging.GEOMETRIC_MEAN;
  }

  /** Whether trec_eval prints this measure in the summary. */
  boolean printedInSummary() {
    return output != Output.TEXT;
  }

  /** Computes the measure's values for one query into {@code out} (zeroed, one slot per value name). */
  abstract void compute(QueryContext q, MeasureParameters p, double[] out);

  /** The per-query text of a {@link Output#TEXT} measure; null for others. */
  String text(QueryContext q, MeasureParameters p) {
    return null;
  }

  /** Rejects parameters the measure cannot compute with (trec_eval fails later, at the first query). */
  void validate(MeasureParameters p) {}

  // ---- shared definitions ----

  /** Sum of precision at each relevant retrieved document, over R; 0 when none is retrieved. */
  private static double averagePrecision(QueryContext q) {
    long relSoFar = 0;
    double sum = 0.0;
    for (int i = 0; i < q.numRet(); i++) {
      if (q.isRelevant(i)) {
        relSoFar++;
        sum += (double) relSoFar / (double) (i + 1);
      }
    }
    return relSoFar != 0 ? sum / (double) q.numRel() : 0.0;
  }

  private static double bpref(QueryContext q) {
    long numNonrel = 0;
    for (long j = 0; j < q.relevanceLevel() && j < q.numRelLevels(); j++) {
      numNonrel += q.countAtLevel(j);
    }
    long nonrelSoFar = 0;
    double bpref = 0.0;
    for (int j = 0; j < q.numRet(); j++) {
      int rel = q.rel(j);
      if (rel == QueryContext.NONPOOL || rel == QueryContext.UNJUDGED) {
        continue;
      }
      if (rel >= 0 && rel < q.relevanceLevel()) {
        nonrelSoFar++;
      } else if (nonrelSoFar > 0) {
        bpref += 1.0 - ((double) Math.min(nonrelSoFar, q.numRel()) / (double) Math.min(numNonrel, q.numRel()));
      } else {
        bpref += 1.0;
      }
    }
    if (q.numRel() != 0) {
      bpref /= q.numRel();
    }
    return bpref;
  }

  private static double[] doubles(MeasureParameters p) {
    double[] d = new double[p.count()];
    for (int i = 0; i < d.length; i++) {
      d[i] = p.doubleValue(i);
    }
    return d;
  }

  /** The value at a cutoff from the number of counted documents above it. */
  @FunctionalInterface
  private interface CutoffValue {
    double at(long count, long cutoff);
  }

  /**
   * The common walk of cutoff measures: for each cutoff k, the number of documents in the top k that
   * satisfy {@code counted}, turned into a value.
   */
  private static void countAtCutoffs(QueryContext q, MeasureParameters p, IntPredicate counted, CutoffValue value,
      double[] out) {
    int n = p.count();
    int ci = 0;
    long count = 0;
    for (int i = 0; i < q.numRet(); i++) {
      if (i == p.longCutoff(ci)) {
        out[ci] = value.at(count, i);
        if (++ci == n) {
          break;
        }
      }
      if (counted.test(i)) {
        count++;
      }
    }
    for (; ci < n; ci++) {
      out[ci] = value.at(count, p.longCutoff(ci));
    }
  }
}
