package io.rankstack.eval.rerank;

import io.rankstack.core.Candidate;
import io.rankstack.core.Document;
import io.rankstack.core.Judgments;
import io.rankstack.core.Query;
import io.rankstack.core.RankedList;
import io.rankstack.core.Run;
import io.rankstack.core.Shuffle;
import io.rankstack.index.io.DocumentFormat;
import io.rankstack.index.io.DocumentReader;
import io.rankstack.rerank.HybridScores;
import io.rankstack.rerank.RerankDoc;
import io.rankstack.rerank.RerankModel;
import io.rankstack.rerank.Reranker;
import io.rankstack.rerank.RerankQuery;
import io.rankstack.rerank.TargetScores;
import io.rankstack.rerank.EncodedPair;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/** Building reranker data from a collection, its qrels, BM25 lists and teacher scores; scoring runs. */
final class RerankData {
  private RerankData() {}

  /** Document id → "title text" (the text the cross-encoder reads). */
  static Map<String, String> texts(DocumentFormat format, Path corpus) {
    Map<String, String> out = new HashMap<>();
    try (DocumentReader docs = format.open(corpus)) {
      while (docs.hasNext()) {
        Document d = docs.next();
        StringBuilder sb = new StringBuilder();
        for (String f : List.of("title", "text", "contents")) {
          String v = d.field(f);
          if (v != null && !v.isBlank()) {
            sb.append(sb.length() == 0 ? "" : " ").append(v);
          }
        }
        out.put(d.id(), sb.toString());
      }
    }
    return out;
  }

  /**
   * Training lists: per query every judged relevant document plus hard negatives, a seeded sample
   * of the non-relevant documents of BM25's top list, up to {@code perQuery} documents; targets by
   * {@link TargetScores#fromTeacher} (a relevant document the teacher did not score, i.e. outside
   * the BM25 list, gets the lowest teacher score of the query's relevant documents, or 0). With
   * {@code teacher} null the targets come from the graded judgments by {@link TargetScores#fromGrade}
   * (Cranfield: no teacher needed).
   */
  static List<RerankQuery> trainingLists(List<Query> queries, Judgments qrels, Run bm25, Map<String, Double> teacher,
                                          Map<String, String> texts, int perQuery, long seed, HeadFeatures features) {
    List<RerankQuery> out = new ArrayList<>();
    SplittableRandom rng = new SplittableRandom(seed);
    for (Query q : queries) {
      Map<String, Integer> grades = qrels.of(q.id());
      List<String> docs = new ArrayList<>();
      for (Map.Entry<String, Integer> e : new java.util.TreeMap<>(grades).entrySet()) {
        if (e.getValue() > 0 && texts.containsKey(e.getKey()) && docs.size() < perQuery) {
          docs.add(e.getKey());
        }
      }
      List<String> negatives = new ArrayList<>();
      RankedList first = bm25.of(q.id());
      if (first != null) {
        for (String d : first.docIds()) {
          Integer g = grades.get(d);
          if (g == null || g <= 0) {
            negatives.add(d);
          }
        }
      }
      Shuffle.inPlace(negatives, rng);
      for (String d : negatives) {
        if (docs.size() >= perQuery) {
          break;
        }
        docs.add(d);
      }
      if (docs.isEmpty()) {
        continue;
      }
      double[] t = new double[docs.size()];
      boolean[] rel = new boolean[docs.size()];
      double minRel = Double.POSITIVE_INFINITY;
      for (int i = 0; i < docs.size(); i++) {
        Integer g = grades.get(docs.get(i));
        rel[i] = g != null && g > 0;
        Double s = teacher == null ? null : teacher.get(q.id() + "\t" + docs.get(i));
        t[i] = s == null ? Double.NaN : s;
        if (rel[i] && s != null) {
          minRel = Math.min(minRel, s);
        }
      }
      for (int i = 0; i < t.length; i++) {
        if (Double.isNaN(t[i])) {
          t[i] = rel[i] && Double.isFinite(minRel) ? minRel : 0;
        }
      }
      int[] targets = teacher == null ? gradeTargets(grades, docs) : TargetScores.fromTeacher(t, rel);
      List<RerankDoc> list = new ArrayList<>();
      float[][] f = features.rows(q, first, docs);
      for (int i = 0; i < docs.size(); i++) {
        Integer g = grades.get(docs.get(i));
        list.add(new RerankDoc(docs.get(i), texts.get(docs.get(i)), g == null ? 0 : Math.max(0, g), targets[i], f[i]));
      }
      out.add(new RerankQuery(q.id(), q.text(), list));
    }
    return out;
  }

  private static int[] gradeTargets(Map<String, Integer> grades, List<String> docs) {
    int[] out = new int[docs.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = TargetScores.fromGrade(grades.getOrDefault(docs.get(i), 0));
    }
    return out;
  }

  /** The reranker's scores and the hybrid's for every list of a first-stage run: two runs. */
  static Run[] rerank(RerankModel model, HeadFeatures features, List<Query> queries, Run firstStage, Map<String, String> texts,
                      String tag, double hybridWeight, PrintWriter out) {
    if (features.count() != model.architecture().featureCount()) {
      throw new IllegalArgumentException(features.count() + " head features for a model with featureCount "
          + model.architecture().featureCount());
    }
    List<RankedList> plain = new ArrayList<>();
    List<RankedList> hybrid = new ArrayList<>();
    long t0 = System.nanoTime();
    int pairs = 0;
    for (Query q : queries) {
      RankedList first = firstStage.of(q.id());
      if (first == null || first.size() == 0) {
        continue;
      }
      List<EncodedPair> enc = new ArrayList<>();
      double[] bm = new double[first.size()];
      for (int i = 0; i < first.size(); i++) {
        Candidate c = first.atRank(i + 1);
        enc.add(model.encode(q.text(), texts.getOrDefault(c.docId(), "")));
        bm[i] = c.score();
      }
      float[][] feats = features.count() > 0 ? features.rows(q, first, first.docIds()) : null;
      float[][] p = model.probabilities(enc, feats, 64);
      double[] s = new double[p.length];
      for (int i = 0; i < p.length; i++) {
        s[i] = model.architecture().head().rankingScore(p[i]);
      }
      double[] h = HybridScores.fuse(bm, s, hybridWeight);
      plain.add(Reranker.reorder(first, s)); // ties keep the BM25 order
      hybrid.add(Reranker.reorder(first, h));
      pairs += p.length;
    }
    double sec = (System.nanoTime() - t0) / 1e9;
    out.printf(Locale.ROOT, "  %s: reranked %d pairs in %.1f s (%.1f pairs/s)%n", tag, pairs, sec, pairs / sec);
    return new Run[] {Run.of(tag, plain), Run.of(tag + "-hybrid", hybrid)};
  }

  /**
   * The query's documents in first-stage order (documents outside the list last, in their given
   * order). Validation lists are built relevant-first; ranking them with ties kept in that order
   * would credit a model for ties it did not break, so validation uses BM25's order instead.
   */
  static RerankQuery inFirstStageOrder(RerankQuery q, Run firstStage) {
    RankedList l = firstStage.of(q.queryId());
    List<String> order = l == null ? List.of() : l.docIds();
    List<RerankDoc> docs = new ArrayList<>(q.docs());
    docs.sort(java.util.Comparator.comparingInt(d -> {
      int i = order.indexOf(d.docId());
      return i < 0 ? Integer.MAX_VALUE : i;
    }));
    return new RerankQuery(q.queryId(), q.text(), docs);
  }
}
