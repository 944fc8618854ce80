package io.rankstack.eval.ltr;

import io.rankstack.core.Candidate;
import io.rankstack.core.Judgments;
import io.rankstack.core.Query;
import io.rankstack.core.RankedList;
import io.rankstack.core.Run;
import io.rankstack.core.Shuffle;
import io.rankstack.eval.trec.TrecEvalOptions;
import io.rankstack.eval.trec.TrecEvalResult;
import io.rankstack.eval.trec.TrecEvaluator;
import io.rankstack.eval.trec.TrecQrels;
import io.rankstack.eval.trec.TrecRun;
import io.rankstack.index.Bm25Searcher;
import io.rankstack.index.IndexFields;
import io.rankstack.index.features.FeatureExtractor;
import io.rankstack.index.features.FeatureSpec;
import io.rankstack.ltr.LetorDataset;
import io.rankstack.ltr.LetorFormat;
import io.rankstack.ltr.LetorRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.lucene.index.FieldInfos;

/** Shared pieces of the learning-to-rank commands: extraction to LETOR, reranking, splits, metrics. */
public final class LtrSupport {
  /** Cut-offs reported by every experiment. */
  public static final int[] CUTOFFS = {1, 3, 5, 10};

  private LtrSupport() {}

  /** The first-stage lists and the LETOR rows built from them (grade = qrels grade, unjudged and negative as 0). */
  public record Extraction(LetorDataset data, Run firstStage, List<FeatureSpec> features, double seconds) {}

  /**
   * The fields for features: {@code spec} split at commas, or for {@code auto} the flat
   * {@code contents} field plus {@code title} and {@code text} when the index has them.
   */
  public static List<String> fields(Bm25Searcher searcher, String spec) {
    if (!spec.equalsIgnoreCase("auto")) {
      List<String> out = new ArrayList<>();
      for (String f : spec.split(",")) {
        if (!f.isBlank()) {
          out.add(f.strip());
        }
      }
      return out;
    }
    FieldInfos infos = FieldInfos.getMergedFieldInfos(searcher.indexSearcher().getIndexReader());
    List<String> out = new ArrayList<>();
    for (String f : List.of(IndexFields.CONTENTS, "title", "text")) {
      if (infos.fieldInfo(f) != null) {
        out.add(f);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("the index has none of contents, title, text: name the fields with --fields");
    }
    return out;
  }

  /** Runs BM25 top-{@code top} for every query and extracts the feature vectors of every candidate. */
  public static Extraction extract(Bm25Searcher searcher, FeatureExtractor fx, List<Query> queries, Judgments qrels,
                                   int top, String name) {
    long start = System.nanoTime();
    List<LetorRow> rows = new ArrayList<>();
    List<RankedList> lists = new ArrayList<>();
    for (Query q : queries) {
      RankedList first = searcher.search(q, top);
      lists.add(first);
      float[][] x = fx.extract(q, first);
      for (int i = 0; i < x.length; i++) {
        String doc = first.atRank(i + 1).docId();
        Integer g = qrels.grade(q.id(), doc);
        rows.add(new LetorRow(q.id(), g == null || g < 0 ? 0 : g, x[i], doc));
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Extraction(new LetorDataset(name, fx.size(), rows), Run.of("bm25", lists), fx.features(), seconds);
  }

  /** Header lines for a LETOR file: version and every feature's number, name and definition. */
  public static List<String> header(List<FeatureSpec> specs, String provenance) {
    List<String> h = new ArrayList<>();
    h.add("rankstack-features v" + FeatureExtractor.VERSION + ": " + specs.size() + " features; " + provenance);
    for (int i = 0; i < specs.size(); i++) {
      h.add((i + 1) + " " + specs.get(i).name() + ": " + specs.get(i).definition());
    }
    return h;
  }

  /** Writes the LETOR file with the header, and {@code file + ".features.tsv"} (number, name, definition). */
  public static void writeLetor(Extraction e, Path file, String provenance) {
    writeLetor(e, file, false, provenance);
  }

  /** As {@link #writeLetor(Extraction, Path, String)}; {@code noHeader} leaves out the {@code #} lines. */
  public static void writeLetor(Extraction e, Path file, boolean noHeader, String provenance) {
    LetorFormat.writeSvmlight(e.data(), file, noHeader ? List.of() : header(e.features(), provenance));
    StringBuilder sb = new StringBuilder("index\tname\tdefinition\n");
    for (int i = 0; i < e.features().size(); i++) {
      sb.append(i + 1).append('\t').append(e.features().get(i).name()).append('\t').append(e.features().get(i).definition()).append('\n');
    }
    try {
      Files.writeString(file.resolveSibling(file.getFileName() + ".features.tsv"), sb.toString());
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /** Reads the feature names from a LETOR file written by {@link #writeLetor}, or null when it has none. */
  public static List<String> featureNames(Path letor) {
    Path tsv = letor.resolveSibling(letor.getFileName() + ".features.tsv");
    if (!Files.isRegularFile(tsv)) {
      return null;
    }
    try {
      List<String> names = new ArrayList<>();
      for (String line : Files.readAllLines(tsv)) {
        String[] p = line.split("\t");
        if (p.length >= 2 && !p[0].equals("index")) {
          names.add(p[1]);
        }
      }
      return names;
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /** A run from per-row scores: each query's rows ordered by descending score, ties by document id. */
  public static Run rank(LetorDataset data, float[] scores, String tag) {
    List<RankedList> lists = new ArrayList<>();
    Map<String, List<Candidate>> byQuery = new LinkedHashMap<>();
    List<LetorRow> rows = data.rows();
    for (int i = 0; i < rows.size(); i++) {
      LetorRow r = rows.get(i);
      byQuery.computeIfAbsent(r.queryId(), q -> new ArrayList<>()).add(new Candidate(docId(data, i), scores[i]));
    }
    byQuery.forEach((q, c) -> lists.add(RankedList.sortedByScore(q, c)));
    return Run.of(tag, lists);
  }

  /** The row's document id (its comment), or {@code r<row>} for rows without one. */
  static String docId(LetorDataset data, int row) {
    String d = data.rows().get(row).docId();
    return d.isEmpty() ? "r" + row : d;
  }

  /** Judgments from the grades of a LETOR data set (document ids as in {@link #rank}). */
  public static Judgments qrelsOf(LetorDataset data) {
    Judgments.Builder b = new Judgments.Builder();
    for (int i = 0; i < data.size(); i++) {
      LetorRow r = data.rows().get(i);
      b.add(r.queryId(), docId(data, i), r.grade());
    }
    return b.build();
  }

  /**
   * The run as a reader sees it: every list's scores replaced by {@code size − rank + 1}, so that
   * trec_eval's tie-break (by document id, descending) cannot reorder equal scores; the evaluated
   * order is exactly the list order.
   */
  public static Run rankScores(Run run) {
    List<RankedList> out = new ArrayList<>();
    for (RankedList l : run.lists().values()) {
      List<Candidate> c = new ArrayList<>(l.size());
      for (int r = 1; r <= l.size(); r++) {
        c.add(new Candidate(l.atRank(r).docId(), l.size() - r + 1));
      }
      out.add(RankedList.ofDistinct(l.queryId(), c));
    }
    return Run.of(run.tag(), out);
  }

  /**
   * nDCG at 1, 3, 5, 10 in two definitions, both averaged over the queries of the run that the
   * qrels judge (trec_eval's default): {@code ndcg_cut_K} is trec_eval's (gain = grade, discount
   * log2(rank + 1), ideal from all judged documents); {@code ndcg_exp_K} uses gain 2^grade − 1 (Burges
   * et al. 2005; LightGBM's and XGBoost's default), same discount and ideal. A query without a relevant
   * document scores 0 in both.
   */
  public static Map<String, Double> metrics(Judgments qrels, Run run) {
    Run ranked = rankScores(run);
    StringBuilder measures = new StringBuilder("ndcg_cut.");
    for (int i = 0; i < CUTOFFS.length; i++) {
      measures.append(i == 0 ? "" : ",").append(CUTOFFS[i]);
    }
    TrecEvalResult r = new TrecEvaluator(TrecEvalOptions.defaults().withMeasures(measures.toString()))
        .evaluate(TrecQrels.from(qrels), TrecRun.from(ranked));
    Map<String, Double> out = new LinkedHashMap<>();
    for (int k : CUTOFFS) {
      out.put("ndcg_cut_" + k, r.summary("ndcg_cut_" + k));
    }
    for (int k : CUTOFFS) {
      double sum = 0;
      int n = 0;
      for (RankedList l : ranked.lists().values()) {
        if (!qrels.grades().containsKey(l.queryId()) || l.size() == 0) {
          continue;
        }
        sum += expNdcg(l.docIds(), qrels.of(l.queryId()), k);
        n++;
      }
      out.put("ndcg_exp_" + k, n == 0 ? 0 : sum / n);
    }
    return out;
  }

  /** nDCG@k with gain 2^g − 1 and discount log2(rank + 1); 0 when no judged document is relevant. */
  public static double expNdcg(List<String> ranking, Map<String, Integer> grades, int k) {
    double dcg = 0;
    for (int i = 0; i < Math.min(k, ranking.size()); i++) {
      Integer g = grades.get(ranking.get(i));
      if (g != null && g > 0) {
        dcg += (Math.pow(2, g) - 1) / (Math.log(i + 2) / Math.log(2));
      }
    }
    List<Integer> ideal = new ArrayList<>();
    for (int g : grades.values()) {
      if (g > 0) {
        ideal.add(g);
      }
    }
    ideal.sort(Collections.reverseOrder());
    double idcg = 0;
    for (int i = 0; i < Math.min(k, ideal.size()); i++) {
      idcg += (Math.pow(2, ideal.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
    }
    return idcg == 0 ? 0 : dcg / idcg;
  }

  /** A seeded random {@code fraction} of the ids (at least one, at most all but one). */
  public static Set<String> sample(List<String> ids, double fraction, long seed) {
    List<String> shuffled = shuffled(ids, seed);
    int n = Math.max(1, Math.min(ids.size() - 1, (int) Math.round(fraction * ids.size())));
    return new HashSet<>(shuffled.subList(0, n));
  }

  /** {@code k} folds of the ids: a seeded shuffle dealt round-robin. */
  public static List<Set<String>> folds(List<String> ids, int k, long seed) {
    if (k < 2 || k > ids.size()) {
      throw new IllegalArgumentException("cannot make " + k + " folds of " + ids.size() + " queries");
    }
    List<String> s = shuffled(ids, seed);
    List<Set<String>> folds = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      folds.add(new HashSet<>());
    }
    for (int i = 0; i < s.size(); i++) {
      folds.get(i % k).add(s.get(i));
    }
    return folds;
  }

  private static List<String> shuffled(List<String> ids, long seed) {
    List<String> s = new ArrayList<>(ids);
    Collections.sort(s);
    SplittableRandom rng = new SplittableRandom(seed);
    Shuffle.inPlace(s, rng);
    return s;
  }

  /** The data set without the given queries. */
  public static LetorDataset without(LetorDataset d, Set<String> drop, String label) {
    Set<String> keep = new HashSet<>(d.queryIds());
    keep.removeAll(drop);
    return d.subset(keep, label);
  }

  /** One table row: {@code | name | v1 | v2 | …} with four decimals. */
  public static String row(String name, Map<String, Double> m) {
    StringBuilder sb = new StringBuilder("| ").append(name);
    m.values().forEach(v -> sb.append(String.format(Locale.ROOT, " | %.4f", v)));
    return sb.append(" |").toString();
  }

  /** The table header matching {@link #row}. */
  public static String tableHeader(Map<String, Double> m) {
    StringBuilder sb = new StringBuilder("| method");
    m.keySet().forEach(k -> sb.append(" | ").append(k));
    sb.append(" |\n|---");
    m.keySet().forEach(k -> sb.append("|---"));
    return sb.append("|").toString();
  }
}
