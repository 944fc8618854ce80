package io.rankstack.eval.trec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns {@code -m} arguments into the measures to compute, as trec_eval's {@code mark_measure} and
 * {@code init_meas} do.
 *
 * <p>An argument is a measure name or a set name ({@code official}, {@code all_trec}, {@code set}),
 * optionally followed by a dot and parameters ({@code P.5,10}; everything after the first dot).
 * Measures are computed and printed in trec_eval's fixed order ({@link MeasureFamily} order), not
 * in command-line order. When a measure is given parameters more than once, the first wins; a
 * measure that takes no parameters ignores them. No argument at all means {@code official}.
 *
 * <p>One trec_eval quirk is kept on purpose: {@code dcg}, {@code ideal_dcg} and {@code ndcg} share
 * a parameter block, so all three compute with the parameters given last (in that order) to any of
 * them, and each is named after the parameters given so far: {@code -m ideal_dcg.3=4.5 -m ndcg}
 * prints {@code ndcg_3=4.5}. (trec_eval may then also crash at exit freeing that block twice.)
 */
final class MeasureSelection {
  /** trec_eval's measure sets (its "nicknames"). */
  static final Map<String, List<String>> SETS = sets();

  /** Measures and sets of trec_eval that need the prefs or qrels_jg input formats. */
  private static final Set<String> OTHER_FORMATS = Set.of("all_prefs", "prefs", "qrels_jg",
      "prefs_num_prefs_poss", "prefs_num_prefs_ful", "prefs_num_prefs_ful_ret", "prefs_simp", "prefs_pair",
      "prefs_avgjg", "prefs_avgjg_Rnonrel", "prefs_simp_ret", "prefs_pair_ret", "prefs_avgjg_ret",
      "prefs_avgjg_Rnonrel_ret", "prefs_simp_imp", "prefs_pair_imp", "prefs_avgjg_imp", "map_avgjg", "P_avgjg",
      "Rprec_mult_avgjg");

  /** Measures whose parameters trec_eval keeps in one shared static block. */
  private static final Set<MeasureFamily> SHARED_PARAMETERS =
      EnumSet.of(MeasureFamily.DCG, MeasureFamily.IDEAL_DCG, MeasureFamily.NDCG);

  private MeasureSelection() {}

  private static Map<String, List<String>> sets() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("official", List.of("runid", "num_q", "num_ret", "num_rel", "num_rel_ret", "map", "gm_map", "Rprec",
        "bpref", "recip_rank", "iprec_at_recall", "P"));
    m.put("set", List.of("runid", "num_q", "num_ret", "num_rel", "num_rel_ret", "utility", "set_P", "set_recall",
        "set_relative_P", "set_map", "set_F"));
    m.put("all_trec", List.of("runid", "num_q", "num_ret", "num_rel", "num_rel_ret", "map", "gm_map", "Rprec",
        "bpref", "recip_rank", "iprec_at_recall", "P", "relstring", "recall", "unj", "rbp", "rbp_resid", "infAP",
        "gm_bpref", "utility", "11pt_avg", "ndcg", "relative_P", "Rprec_mult", "success", "map_cut", "ndcg_cut",
        "ndcg_rel", "Rndcg", "binG", "G", "set_P", "set_recall", "set_relative_P", "set_map", "set_F",
        "num_nonrel_judged_ret"));
    return Collections.unmodifiableMap(m);
  }

  /**
   * The measures selected by {@code -m} arguments, in output order.
   *
   * @throws IllegalArgumentException for an unknown measure, empty parameters, or parameters the
   *                                  measure refuses
   */
  static List<Measure> select(List<String> arguments) {
    List<String> args = arguments.isEmpty() ? List.of("official") : arguments;
    Set<MeasureFamily> marked = EnumSet.noneOf(MeasureFamily.class);
    List<String[]> parameters = new ArrayList<>();
    for (String arg : args) {
      int dot = arg.indexOf('.');
      String name = dot < 0 ? arg : arg.substring(0, dot);
      if (dot >= 0) {
        String params = arg.substring(dot + 1);
        if (params.isEmpty()) {
          throw new IllegalArgumentException("improper measure in parameter '" + arg + "': nothing after the dot");
        }
        parameters.add(new String[] {name, params});
      }
      List<String> set = SETS.get(name);
      if (set != null) {
        set.forEach(m -> marked.add(MeasureFamily.byTrecName(m).orElseThrow()));
      } else if (MeasureFamily.byTrecName(name).isPresent()) {
        marked.add(MeasureFamily.byTrecName(name).get());
      } else if (OTHER_FORMATS.contains(name)) {
        throw new IllegalArgumentException("measure '" + name
            + "' needs trec_eval's prefs or qrels_jg input format (-R), which is not supported");
      } else {
        throw new IllegalArgumentException("illegal measure '" + name + "'");
      }
    }
    // dcg, ideal_dcg and ndcg share one parameter block in trec_eval (m_ndcg.c): parameters given to
    // one of them are used by all three, and each is named after the parameters set so far.
    MeasureParameters shared = MeasureFamily.NDCG.defaults();
    List<MeasureFamily> families = new ArrayList<>(marked);
    List<MeasureParameters> params = new ArrayList<>();
    List<List<String>> names = new ArrayList<>();
    for (MeasureFamily family : families) {
      MeasureParameters own = null;
      for (String[] p : parameters) {
        if (p[0].equals(family.trecName())) {
          own = MeasureParameters.parse(family.trecName(), family.defaults(), p[1]);
          break;
        }
      }
      MeasureParameters effective;
      if (SHARED_PARAMETERS.contains(family)) {
        if (own != null) {
          shared = own;
        }
        effective = shared;
      } else {
        effective = own != null ? own : family.defaults();
      }
      family.validate(effective);
      params.add(effective);
      names.add(family == MeasureFamily.RUNID ? List.of("runid") : effective.valueNames(family.trecName()));
    }
    List<Measure> measures = new ArrayList<>();
    for (int i = 0; i < families.size(); i++) {
      MeasureFamily family = families.get(i);
      measures.add(new Measure(family, SHARED_PARAMETERS.contains(family) ? shared : params.get(i), names.get(i)));
    }
    return measures;
  }
}
