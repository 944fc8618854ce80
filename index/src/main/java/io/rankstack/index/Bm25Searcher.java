package io.rankstack.index;

import io.rankstack.core.Document;
import io.rankstack.core.Query;
import io.rankstack.core.RankedList;
import io.rankstack.core.Run;
import io.rankstack.index.analysis.DefaultEnglishAnalyzer;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * BM25 retrieval over one point-in-time view of an index.
 *
 * <p>A search analyses the query text with the index's analyzer into a bag of words
 * ({@link BagOfWordsQuery}: no query syntax), scores the requested fields with their weights under
 * Lucene's {@link BM25Similarity} with the given {@link Bm25Parameters}, keeps only documents that
 * pass every {@link Filter} (FILTER clauses, which do not score), and returns the top k as a
 * {@link RankedList} ordered by descending score, equal scores by ascending document id
 * ({@link RankedList#BY_SCORE_THEN_ID}), so the same index and request always give the same list.
 * Top-k selection is one pass with dynamic pruning (see {@code TopKCollector}); its cost is that of
 * {@link IndexSearcher#search(org.apache.lucene.search.Query, int)} plus an id lookup per heap entry.
 *
 * <p>The raw Lucene pieces are exposed ({@link #indexSearcher()}, {@link #similarity()},
 * {@link #analyzer()}, {@link #luceneQuery}) so a benchmark can run the very same query through
 * {@code IndexSearcher.search} for comparison.
 *
 * <p>Thread-safe. Closing releases the view (and, for {@link #open(Path)}, the directory); it is
 * idempotent.
 */
public final class Bm25Searcher implements AutoCloseable {
  /**
   * Hits are counted exactly up to this many (or k, if larger); beyond it low-scoring documents may
   * be skipped and the count becomes a lower bound. Lucene's own default.
   */
  public static final int TOTAL_HITS_THRESHOLD = 1000;

  private final IndexSearcher searcher;
  private final Bm25Parameters parameters;
  private final BM25Similarity similarity;
  private final Analyzer analyzer;
  private final Closeable onClose;
  private final SegmentIds segmentIds;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * Searches {@code searcher}; {@code onClose} runs once on {@link #close()}. The searcher's
   * similarity must already be BM25 with {@code parameters} (see {@link #newIndexSearcher}).
   */
  Bm25Searcher(IndexSearcher searcher, Bm25Parameters parameters, Analyzer analyzer, Closeable onClose) {
    this(searcher, parameters, analyzer, onClose, new SegmentIds());
  }

  /** As above, reading ids through {@code segmentIds}, which searchers over the same segments share. */
  Bm25Searcher(IndexSearcher searcher, Bm25Parameters parameters, Analyzer analyzer, Closeable onClose, SegmentIds segmentIds) {
    this.segmentIds = java.util.Objects.requireNonNull(segmentIds, "segmentIds");
    this.searcher = Objects.requireNonNull(searcher, "searcher");
    this.parameters = Objects.requireNonNull(parameters, "parameters");
    this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
    this.onClose = onClose;
    if (!(searcher.getSimilarity() instanceof BM25Similarity s) || s.getK1() != parameters.k1() || s.getB() != parameters.b()) {
      throw new IllegalArgumentException("searcher's similarity " + searcher.getSimilarity() + " is not BM25 with " + parameters);
    }
    this.similarity = (BM25Similarity) searcher.getSimilarity();
  }

  /** An index searcher over {@code reader} that scores with BM25 under {@code parameters}. */
  public static IndexSearcher newIndexSearcher(IndexReader reader, Bm25Parameters parameters) {
    IndexSearcher s = new IndexSearcher(reader);
    s.setSimilarity(new BM25Similarity(parameters.k1(), parameters.b()));
    return s;
  }

  /** Opens the index at {@code indexDir} with the default parameters and analyzer. */
  public static Bm25Searcher open(Path indexDir) throws IOException {
    return open(indexDir, Bm25Parameters.DEFAULT);
  }

  /** Opens the latest commit of the index at {@code indexDir}, with {@link DefaultEnglishAnalyzer}. */
  public static Bm25Searcher open(Path indexDir, Bm25Parameters parameters) throws IOException {
    Directory dir = FSDirectory.open(indexDir);
    DirectoryReader reader;
    try {
      reader = DirectoryReader.open(dir);
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw e;
    }
    Analyzer analyzer = new DefaultEnglishAnalyzer();
    return new Bm25Searcher(newIndexSearcher(reader, parameters), parameters, analyzer, () -> IOUtils.close(reader, analyzer, dir));
  }

  /** Searches {@code reader}, which the caller keeps open and closes after this searcher. */
  public static Bm25Searcher of(IndexReader reader, Bm25Parameters parameters, Analyzer analyzer) {
    return new Bm25Searcher(newIndexSearcher(reader, parameters), parameters, analyzer, null);
  }

  /** The top {@code k} for {@code query} over the flat {@value IndexFields#CONTENTS} field. */
  public RankedList search(Query query, int k) {
    return search(SearchRequest.of(query, k)).ranking();
  }

  /** Runs {@code request}. */
  public SearchResult search(SearchRequest request) {
    ensureOpen();
    if (request.k() == 0) {
      return new SearchResult(new RankedList(request.query().id(), List.of()), 0, false);
    }
    org.apache.lucene.search.Query q = luceneQuery(request);
    if (q instanceof MatchNoDocsQuery) {
      return new SearchResult(new RankedList(request.query().id(), List.of()), 0, true);
    }
    try {
      TopKCollector.TopK top = searcher.search(q, TopKCollector.manager(request.k(), TOTAL_HITS_THRESHOLD, segmentIds));
      // The collector keeps one entry per index document and ids are unique keys (add replaces).
      return new SearchResult(RankedList.ofDistinct(request.query().id(), top.candidates()), top.totalHits(), top.exact());
    } catch (IOException e) {
      throw new UncheckedIOException("search failed for query " + request.query().id() + ": " + e.getMessage(), e);
    }
  }

  /** One ranked list per query, top {@code k} over {@value IndexFields#CONTENTS}, as a run tagged {@code tag}. */
  public Run run(String tag, List<Query> queries, int k) {
    List<RankedList> lists = new ArrayList<>(queries.size());
    for (Query q : queries) {
      lists.add(search(q, k));
    }
    return Run.of(tag, lists);
  }

  /**
   * The Lucene query this searcher runs for {@code request}: the bag of words over the weighted
   * fields as a MUST clause, plus one FILTER clause per filter; without filters, the bag of words
   * alone. A {@link MatchNoDocsQuery} when the text has no terms after analysis.
   */
  public org.apache.lucene.search.Query luceneQuery(SearchRequest request) {
    org.apache.lucene.search.Query bag = BagOfWordsQuery.build(analyzer, request.query().text(), request.fields());
    if (request.filters().isEmpty() || bag instanceof MatchNoDocsQuery) {
      return bag;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(bag, BooleanClause.Occur.MUST);
    for (Filter f : request.filters()) {
      b.add(f.toLuceneQuery(), BooleanClause.Occur.FILTER);
    }
    return b.build();
  }

  /**
   * How {@code docId} scores for {@code request} (Lucene's explanation tree; its value equals the
   * score in the ranking), or empty when the index has no such document.
   */
  public Optional<Explanation> explain(SearchRequest request, String docId) {
    ensureOpen();
    try {
      int doc = internalId(docId);
      return doc < 0 ? Optional.empty() : Optional.of(searcher.explain(luceneQuery(request), doc));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The stored document with this id (see {@link IndexFields#fromStored}), or empty. */
  public Optional<Document> document(String docId) {
    ensureOpen();
    try {
      int doc = internalId(docId);
      return doc < 0 ? Optional.empty() : Optional.of(IndexFields.fromStored(searcher.storedFields().document(doc)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private int internalId(String docId) throws IOException {
    TopDocs td = searcher.search(new TermQuery(IndexFields.idTerm(docId)), 1);
    ScoreDoc[] sd = td.scoreDocs;
    return sd.length == 0 ? -1 : sd[0].doc;
  }

  /** Number of live documents in this view. */
  public int documentCount() {
    return searcher.getIndexReader().numDocs();
  }

  /** The underlying Lucene searcher, with {@link #similarity()} set. */
  public IndexSearcher indexSearcher() {
    return searcher;
  }

  /** The similarity searches use: Lucene's BM25 with {@link #parameters()}. */
  public BM25Similarity similarity() {
    return similarity;
  }

  /** The analyzer query text goes through (the one the index was built with). */
  public Analyzer analyzer() {
    return analyzer;
  }

  public Bm25Parameters parameters() {
    return parameters;
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException("searcher is closed");
    }
  }

  /** Releases this view; idempotent. */
  @Override
  public void close() throws IOException {
    if (closed.compareAndSet(false, true) && onClose != null) {
      onClose.close();
    }
  }
}
