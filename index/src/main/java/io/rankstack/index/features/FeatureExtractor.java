package io.rankstack.index.features;

import io.rankstack.core.Candidate;
import io.rankstack.core.Query;
import io.rankstack.core.RankedList;
import io.rankstack.index.Bm25Searcher;
import io.rankstack.index.IndexFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.SmallFloat;

/**
 * Computes the learning-to-rank feature vector of every candidate of a first-stage list, version
 * {@value #VERSION}. The same code serves offline extraction ({@code rankstack-eval features}) and
 * online serving (the vector logged with each impression), so a model sees the same numbers in
 * training and in production.
 *
 * <h2>The vector</h2>
 * {@value #QUERY_FEATURES} query/list features, then {@value #FIELD_FEATURES} features for each
 * configured field in order (e.g. {@code contents, title, text}): {@code 9 + 17·fields} values, 60
 * for three fields. {@link #features()} lists every name with its one-line definition (also in
 * {@code index/README.md}). Notation, per field f: {@code tf} the term's frequency in the document's
 * field, {@code dl} the field length in tokens as Lucene's norm encodes it (exact up to 40 tokens,
 * then rounded down to about 1/16 precision: the very length Lucene's BM25 uses), {@code N} the
 * number of documents with the field, {@code avgdl} its mean length, {@code df} and {@code cf} a
 * term's document and collection frequency, {@code |C|} the field's total number of tokens,
 * {@code c(t,q)} how often term t occurs in the analysed query; sums run over the distinct analysed
 * query terms.
 *
 * <h2>Cost</h2>
 * One pass over the postings of the query terms per list: for each field and each distinct query
 * term, one {@link PostingsEnum} per segment is advanced through the candidates in document order,
 * reading frequencies and positions; norms are read once per candidate and field. No query is
 * re-run and no stored field is loaded. Document ids are resolved through the id field's terms.
 *
 * <p>Thread-safe (no mutable state; Lucene readers are thread-safe). The reader is a point-in-time
 * view: collection statistics are those of that view, deleted documents included, as in Lucene's
 * own scoring.
 */
public final class FeatureExtractor {
  /** Version of the feature definitions; bump on any change of meaning or order. */
  public static final int VERSION = 1;
  /** Number of query/list-level features. */
  public static final int QUERY_FEATURES = 9;
  /** Number of features per field. */
  public static final int FIELD_FEATURES = 17;

  /** BM25 settings (k1, b) of the per-field BM25 features; the first is Anserini's BEIR default. */
  static final double[][] BM25_SETTINGS = {{0.9, 0.4}, {1.2, 0.75}, {2.0, 0.75}};
  /** Dirichlet prior μ of the two language-model features. */
  static final double[] LM_MU = {2000, 200};

  private static final List<FeatureSpec> QUERY_SPECS = List.of(
      new FeatureSpec("query.terms", "number of analysed query tokens (repeats counted), analysed as for the first field"),
      new FeatureSpec("query.distinct_terms", "number of distinct analysed query terms"),
      new FeatureSpec("query.idf_sum", "Σ_t idf(t) on the first field, idf(t) = ln(1 + (N − df + 0.5)/(df + 0.5)) (Lucene's BM25 idf)"),
      new FeatureSpec("query.idf_min", "min_t idf(t) on the first field (0 for a query without terms)"),
      new FeatureSpec("query.idf_max", "max_t idf(t) on the first field (0 for a query without terms)"),
      new FeatureSpec("query.idf_mean", "idf_sum / distinct_terms (0 for a query without terms)"),
      new FeatureSpec("list.first_stage_score", "the candidate's score in the first-stage list (BM25 as retrieved)"),
      new FeatureSpec("list.first_stage_rank", "the candidate's 1-based rank in the first-stage list"),
      new FeatureSpec("list.first_stage_score_ratio", "first_stage_score / the list's top score (0 when the top score is not positive)"));

  private static final String[][] FIELD_SPECS = {
      {"bm25", "BM25 (k1=0.9, b=0.4): Σ_t c(t,q)·idf(t)·tf/(tf + k1·(1 − b + b·dl/avgdl)), Lucene's BM25 without the (k1+1) factor"},
      {"bm25_k1.2_b0.75", "BM25 as above with k1=1.2, b=0.75 (Robertson's classic setting)"},
      {"bm25_k2.0_b0.75", "BM25 as above with k1=2.0, b=0.75 (slower tf saturation)"},
      {"tfidf", "Σ_{t: tf>0} c(t,q)·(1 + ln tf)·ln(N/df) (SMART ltn weighting)"},
      {"lm_dirichlet_2000", "Σ_{t: cf>0} c(t,q)·ln((tf + μ·cf/|C|)/(dl + μ)), μ=2000 (query likelihood, Zhai and Lafferty 2001)"},
      {"lm_dirichlet_200", "as lm_dirichlet_2000 with μ=200 (suits short fields)"},
      {"matched_terms", "number of distinct query terms with tf > 0"},
      {"coverage", "matched_terms / query.distinct_terms (0 for a query without terms)"},
      {"idf_coverage", "Σ_{t: tf>0} idf(t) / Σ_t idf(t), idf as query.idf_sum but on this field (0 when the denominator is 0)"},
      {"sum_tf", "Σ_t tf: occurrences of query terms in the field"},
      {"match_ratio", "sum_tf / dl: share of the field's tokens that are query terms (0 when dl = 0); title.match_ratio is the title match ratio"},
      {"length", "dl, the field length in tokens (Lucene norm encoding; 0 when the document lacks the field)"},
      {"max_term_bm25", "max_t c(t,q)·idf(t)·tf/(tf + k1·(1 − b + b·dl/avgdl)) with k1=0.9, b=0.4: the strongest single-term BM25 contribution"},
      {"phrase_count", "occurrences of the whole analysed query as a phrase: positions p with t_i at p + (qpos_i − qpos_0) for every query token i (= tf for a one-token query)"},
      {"ordered_pairs", "Σ over adjacent query tokens (t_i, t_i+1) of the number of p with t_i at p and t_i+1 at p + (qpos_i+1 − qpos_i)"},
      {"min_span", "length (last − first + 1 positions) of the shortest window holding every matched distinct term, when at least 2 match; else 0"},
      {"span_density", "matched_terms / min_span when at least 2 terms match; else 0 (1 means the matched terms are adjacent)"},
  };

  private final IndexReader reader;
  private final Analyzer analyzer;
  private final List<String> fields;
  private final List<FeatureSpec> specs;
  private final Map<String, FieldStats> stats;

  /**
   * @param reader   the index view (the same one the first stage searched)
   * @param analyzer the analyzer the index was built with, applied to query text per field
   * @param fields   text fields to compute the per-field block for, in vector order; at least one;
   *                 the first also defines the query-level IDF features
   */
  public FeatureExtractor(IndexReader reader, Analyzer analyzer, List<String> fields) {
    this.reader = Objects.requireNonNull(reader, "reader");
    this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
    this.fields = List.copyOf(fields);
    if (this.fields.isEmpty()) {
      throw new IllegalArgumentException("at least one field is needed for features");
    }
    if (new java.util.HashSet<>(this.fields).size() != this.fields.size()) {
      throw new IllegalArgumentException("feature fields repeat: " + fields);
    }
    List<FeatureSpec> s = new ArrayList<>(QUERY_SPECS);
    Map<String, FieldStats> st = new HashMap<>();
    IndexSearcher searcher = new IndexSearcher(reader);
    for (String f : this.fields) {
      if (f.equals(IndexFields.ID)) {
        throw new IllegalArgumentException("'" + IndexFields.ID + "' is not a text field");
      }
      for (String[] spec : FIELD_SPECS) {
        s.add(new FeatureSpec(f + "." + spec[0], spec[1]));
      }
      try {
        CollectionStatistics cs = searcher.collectionStatistics(f);
        st.put(f, cs == null ? new FieldStats(0, 0) : new FieldStats(cs.docCount(), cs.sumTotalTermFreq()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    this.specs = List.copyOf(s);
    this.stats = Collections.unmodifiableMap(st);
  }

  /** An extractor over the same view and analyzer as {@code searcher}. */
  public static FeatureExtractor of(Bm25Searcher searcher, List<String> fields) {
    return new FeatureExtractor(searcher.indexSearcher().getIndexReader(), searcher.analyzer(), fields);
  }

  /** Every feature in vector order: name and definition. */
  public List<FeatureSpec> features() {
    return specs;
  }

  /** Feature names in vector order. */
  public List<String> names() {
    return specs.stream().map(FeatureSpec::name).toList();
  }

  /** Vector length: {@code 9 + 17 · fields}. */
  public int size() {
    return specs.size();
  }

  public List<String> fields() {
    return fields;
  }

  /** The same list, in the same order, each candidate carrying its feature vector (scores kept). */
  public RankedList withFeatures(Query query, RankedList firstStage) {
    float[][] x = extract(query, firstStage);
    List<Candidate> out = new ArrayList<>(x.length);
    for (int i = 0; i < x.length; i++) {
      out.add(firstStage.atRank(i + 1).withFeatures(x[i]));
    }
    return RankedList.ofDistinct(firstStage.queryId(), out);
  }

  /**
   * The feature vectors of the list's candidates, in list order. A candidate whose id is not in the
   * index gets its query and list features and zeros for every field feature.
   */
  public float[][] extract(Query query, RankedList firstStage) {
    Objects.requireNonNull(query, "query");
    int n = firstStage.size();
    float[][] out = new float[n][size()];
    if (n == 0) {
      return out;
    }
    try {
      int[] docs = resolve(firstStage);
      double top = firstStage.atRank(1).score();
      List<QueryToken> primary = analyse(fields.get(0), query.text());
      QueryTerms pq = QueryTerms.of(primary);
      FieldStats ps = stats.get(fields.get(0));
      double idfSum = 0;
      double idfMin = Double.POSITIVE_INFINITY;
      double idfMax = 0;
      for (String t : pq.terms) {
        double idf = ps.idf(reader.docFreq(new Term(fields.get(0), t)));
        idfSum += idf;
        idfMin = Math.min(idfMin, idf);
        idfMax = Math.max(idfMax, idf);
      }
      int distinct = pq.terms.size();
      for (int i = 0; i < n; i++) {
        float[] v = out[i];
        double s = firstStage.atRank(i + 1).score();
        v[0] = primary.size();
        v[1] = distinct;
        v[2] = (float) idfSum;
        v[3] = distinct == 0 ? 0 : (float) idfMin;
        v[4] = (float) idfMax;
        v[5] = distinct == 0 ? 0 : (float) (idfSum / distinct);
        v[6] = Double.isNaN(s) ? 0 : (float) s;
        v[7] = i + 1;
        v[8] = top > 0 && !Double.isNaN(s) ? (float) (s / top) : 0;
      }
      for (int fi = 0; fi < fields.size(); fi++) {
        fieldBlock(fields.get(fi), query.text(), docs, out, QUERY_FEATURES + fi * FIELD_FEATURES);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("feature extraction failed for query " + query.id() + ": " + e.getMessage(), e);
    }
    return out;
  }

  /** Lucene doc ids of the candidates (−1 when absent), via the id field's terms in each segment. */
  private int[] resolve(RankedList list) throws IOException {
    int[] docs = new int[list.size()];
    Arrays.fill(docs, -1);
    PostingsEnum pe = null;
    for (LeafReaderContext ctx : reader.leaves()) {
      Terms terms = ctx.reader().terms(IndexFields.ID);
      if (terms == null) {
        continue;
      }
      TermsEnum te = terms.iterator();
      Bits live = ctx.reader().getLiveDocs();
      for (int i = 0; i < docs.length; i++) {
        if (docs[i] >= 0 || !te.seekExact(new BytesRef(list.atRank(i + 1).docId()))) {
          continue;
        }
        pe = te.postings(pe, PostingsEnum.NONE);
        for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
          if (live == null || live.get(d)) {
            docs[i] = ctx.docBase + d;
            break;
          }
        }
      }
    }
    return docs;
  }

  private void fieldBlock(String field, String text, int[] docs, float[][] out, int offset) throws IOException {
    List<QueryToken> tokens = analyse(field, text);
    QueryTerms q = QueryTerms.of(tokens);
    int m = q.terms.size();
    FieldStats fs = stats.get(field);
    if (m == 0 || fs.docCount == 0) {
      return; // every feature of the block is 0
    }
    int n = docs.length;
    double[] idf = new double[m];
    double[] idfTfidf = new double[m];
    double[] pc = new double[m];
    double idfTotal = 0;
    for (int j = 0; j < m; j++) {
      Term t = new Term(field, q.terms.get(j));
      int df = reader.docFreq(t);
      long cf = reader.totalTermFreq(t);
      idf[j] = fs.idf(df);
      idfTfidf[j] = df == 0 ? 0 : Math.log((double) fs.docCount / df);
      pc[j] = fs.sumTotalTermFreq == 0 ? 0 : (double) cf / fs.sumTotalTermFreq;
      idfTotal += idf[j];
    }
    // Postings pass: tf[i][j] and positions pos[i][j] for candidate i and term j.
    int[][] tf = new int[n][m];
    int[][][] pos = new int[n][m][];
    int[] dl = new int[n];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(docs[a], docs[b]));
    List<LeafReaderContext> leaves = reader.leaves();
    int k = 0;
    while (k < n && docs[order[k]] < 0) {
      k++;
    }
    for (LeafReaderContext ctx : leaves) {
      int end = ctx.docBase + ctx.reader().maxDoc();
      int from = k;
      while (k < n && docs[order[k]] < end) {
        k++;
      }
      if (from == k) {
        continue;
      }
      LeafReader leaf = ctx.reader();
      NumericDocValues norms = leaf.getNormValues(field);
      if (norms != null) {
        for (int c = from; c < k; c++) {
          int local = docs[order[c]] - ctx.docBase;
          if (norms.docID() <= local && norms.advanceExact(local)) {
            dl[order[c]] = SmallFloat.byte4ToInt((byte) norms.longValue());
          }
        }
      }
      Terms terms = leaf.terms(field);
      if (terms == null) {
        continue;
      }
      TermsEnum te = terms.iterator();
      PostingsEnum pe = null;
      for (int j = 0; j < m; j++) {
        if (!te.seekExact(new BytesRef(q.terms.get(j)))) {
          continue;
        }
        pe = te.postings(pe, PostingsEnum.POSITIONS);
        for (int c = from; c < k; c++) {
          int i = order[c];
          int local = docs[i] - ctx.docBase;
          int cur = pe.docID();
          if (cur < local) {
            cur = pe.advance(local);
          }
          if (cur == DocIdSetIterator.NO_MORE_DOCS) {
            break;
          }
          if (cur == local) {
            int f = pe.freq();
            tf[i][j] = f;
            int[] p = new int[f];
            for (int r = 0; r < f; r++) {
              p[r] = pe.nextPosition();
            }
            pos[i][j] = p;
          }
        }
      }
    }
    double avgdl = (double) fs.sumTotalTermFreq / fs.docCount;
    for (int i = 0; i < n; i++) {
      if (docs[i] < 0) {
        continue;
      }
      float[] v = out[i];
      double[] bm25 = new double[BM25_SETTINGS.length];
      double maxTerm = 0;
      double tfidf = 0;
      double[] lm = new double[LM_MU.length];
      int matched = 0;
      double idfMatched = 0;
      long sumTf = 0;
      for (int j = 0; j < m; j++) {
        int f = tf[i][j];
        int c = q.counts[j];
        for (int s = 0; s < BM25_SETTINGS.length; s++) {
          double k1 = BM25_SETTINGS[s][0];
          double b = BM25_SETTINGS[s][1];
          double contrib = f == 0 ? 0 : c * idf[j] * f / (f + k1 * (1 - b + b * dl[i] / avgdl));
          bm25[s] += contrib;
          if (s == 0) {
            maxTerm = Math.max(maxTerm, contrib);
          }
        }
        if (pc[j] > 0) {
          for (int s = 0; s < LM_MU.length; s++) {
            lm[s] += c * Math.log((f + LM_MU[s] * pc[j]) / (dl[i] + LM_MU[s]));
          }
        }
        if (f > 0) {
          tfidf += c * (1 + Math.log(f)) * idfTfidf[j];
          matched++;
          idfMatched += idf[j];
          sumTf += f;
        }
      }
      int o = offset;
      v[o++] = (float) bm25[0];
      v[o++] = (float) bm25[1];
      v[o++] = (float) bm25[2];
      v[o++] = (float) tfidf;
      v[o++] = (float) lm[0];
      v[o++] = (float) lm[1];
      v[o++] = matched;
      v[o++] = (float) matched / m;
      v[o++] = idfTotal > 0 ? (float) (idfMatched / idfTotal) : 0;
      v[o++] = sumTf;
      v[o++] = dl[i] > 0 ? (float) sumTf / dl[i] : 0;
      v[o++] = dl[i];
      v[o++] = (float) maxTerm;
      v[o++] = Proximity.phraseCount(tokens, q, pos[i]);
      v[o++] = Proximity.orderedPairs(tokens, q, pos[i]);
      int span = matched >= 2 ? Proximity.minSpan(pos[i]) : 0;
      v[o++] = span;
      v[o] = span > 0 ? (float) matched / span : 0;
    }
  }

  /** The analysed query tokens of {@code text} in {@code field}, with positions (stop-word gaps kept). */
  List<QueryToken> analyse(String field, String text) {
    List<QueryToken> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      int p = -1;
      while (ts.incrementToken()) {
        p += inc.getPositionIncrement();
        out.add(new QueryToken(term.toString(), p));
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot analyse query text: " + e.getMessage(), e);
    }
    return out;
  }

  /** An analysed query token and its position. */
  record QueryToken(String term, int position) {}

  /** Distinct terms in first-occurrence order and their query counts c(t,q). */
  static final class QueryTerms {
    final List<String> terms;
    final int[] counts;
    final Map<String, Integer> index;

    private QueryTerms(List<String> terms, int[] counts, Map<String, Integer> index) {
      this.terms = terms;
      this.counts = counts;
      this.index = index;
    }

    static QueryTerms of(List<QueryToken> tokens) {
      Map<String, Integer> idx = new LinkedHashMap<>();
      List<Integer> counts = new ArrayList<>();
      for (QueryToken t : tokens) {
        Integer j = idx.get(t.term());
        if (j == null) {
          idx.put(t.term(), counts.size());
          counts.add(1);
        } else {
          counts.set(j, counts.get(j) + 1);
        }
      }
      return new QueryTerms(List.copyOf(idx.keySet()), counts.stream().mapToInt(Integer::intValue).toArray(), idx);
    }
  }

  /** Per-field collection statistics of the view. */
  record FieldStats(long docCount, long sumTotalTermFreq) {
    /** Lucene's BM25 idf: ln(1 + (N − df + 0.5)/(df + 0.5)). */
    double idf(long df) {
      return Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
    }
  }
}
