package io.rankstack.index;

import io.rankstack.core.Document;
import io.rankstack.index.analysis.DefaultEnglishAnalyzer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * An index that changes while it is searched (near-real-time): documents are added, replaced and
 * deleted by id; {@link #refresh()} makes the changes visible to searchers acquired afterwards;
 * {@link #commit()} makes them durable.
 *
 * <p>Visibility: a searcher from {@link #acquire()} sees the index as of the last refresh and keeps
 * that view, unchanged, until closed, however many changes and refreshes happen meanwhile.
 *
 * <p>Durability: after {@code commit()} returns, the changes survive a crash (the process dying
 * without closing anything): opening the directory again shows exactly the last commit. Changes
 * after it are lost in a crash. {@link #close()} commits pending changes and is idempotent.
 *
 * <p>Ids stay unique: {@link #add} and {@link #update} both replace any document with the same id
 * (Lucene's {@code updateDocument}), so a search never sees two documents with one id.
 *
 * <p>Thread-safe: writes, refreshes and searches may run concurrently from any threads. One
 * process at a time may open an index for writing (Lucene's write lock).
 */
public final class UpdatableIndex implements AutoCloseable {
  private final Directory directory;
  private final boolean ownsDirectory;
  private final IndexConfig config;
  private final Bm25Parameters parameters;
  private final Analyzer analyzer;
  private final boolean ownsAnalyzer;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final SegmentIds segmentIds = new SegmentIds();
  private final AtomicBoolean closed = new AtomicBoolean();

  private UpdatableIndex(Directory directory, boolean ownsDirectory, IndexConfig config, Bm25Parameters parameters,
      Analyzer analyzer, boolean ownsAnalyzer) throws IOException {
    this.directory = directory;
    this.ownsDirectory = ownsDirectory;
    this.config = Objects.requireNonNull(config, "config");
    this.parameters = Objects.requireNonNull(parameters, "parameters");
    this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
    this.ownsAnalyzer = ownsAnalyzer;
    IndexWriterConfig iwc = new IndexWriterConfig(analyzer)
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
        .setSimilarity(new BM25Similarity())
        .setCommitOnClose(false);
    this.writer = new IndexWriter(directory, iwc);
    try {
      this.searchers = new SearcherManager(writer, new SearcherFactory() {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
          return Bm25Searcher.newIndexSearcher(reader, parameters);
        }
      });
    } catch (IOException | RuntimeException e) {
      writer.rollback();
      throw e;
    }
  }

  /**
   * Opens (or creates) the index at {@code indexDir} with default BM25 parameters and
   * {@link DefaultEnglishAnalyzer}; closing the index closes the directory.
   */
  public static UpdatableIndex open(Path indexDir, IndexConfig config) throws IOException {
    return open(indexDir, config, Bm25Parameters.DEFAULT);
  }

  /** As {@link #open(Path, IndexConfig)}, with other BM25 parameters. */
  public static UpdatableIndex open(Path indexDir, IndexConfig config, Bm25Parameters parameters) throws IOException {
    Files.createDirectories(indexDir);
    Directory dir = FSDirectory.open(indexDir);
    try {
      return new UpdatableIndex(dir, true, config, parameters, new DefaultEnglishAnalyzer(), true);
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw e;
    }
  }

  /**
   * Opens (or creates) an index in {@code directory}; the caller keeps ownership of the directory
   * and the analyzer and closes them after this index.
   */
  public static UpdatableIndex open(Directory directory, IndexConfig config, Bm25Parameters parameters, Analyzer analyzer)
      throws IOException {
    return new UpdatableIndex(directory, false, config, parameters, analyzer, false);
  }

  /**
   * Adds {@code doc}, replacing any document with the same id. Visible after the next refresh.
   *
   * @return the operation's sequence number
   * @throws IllegalArgumentException when the document breaks the layout ({@link IndexFields#toLucene})
   */
  public long add(Document doc) throws IOException {
    return update(doc);
  }

  /** Replaces the document with {@code doc}'s id by {@code doc} (adds it when absent). */
  public long update(Document doc) throws IOException {
    ensureOpen();
    return writer.updateDocument(IndexFields.idTerm(doc.id()), IndexFields.toLucene(doc, config));
  }

  /** Deletes the document with this id, if any. Visible after the next refresh. */
  public long delete(String id) throws IOException {
    ensureOpen();
    return writer.deleteDocuments(IndexFields.idTerm(Objects.requireNonNull(id, "id")));
  }

  /** Makes every change made before this call visible to searchers acquired after it (blocks until then). */
  public void refresh() throws IOException {
    ensureOpen();
    searchers.maybeRefreshBlocking();
  }

  /** Makes every change made before this call durable. Does not refresh. */
  public void commit() throws IOException {
    ensureOpen();
    writer.commit();
  }

  /**
   * A searcher over the view as of the last refresh; close it (try-with-resources) to release the
   * view. Cheap: views are shared between searchers.
   */
  public Bm25Searcher acquire() throws IOException {
    ensureOpen();
    IndexSearcher s = searchers.acquire();
    return new Bm25Searcher(s, parameters, analyzer, () -> searchers.release(s), segmentIds);
  }

  /** Runs one request on the current view. */
  public SearchResult search(SearchRequest request) throws IOException {
    try (Bm25Searcher s = acquire()) {
      return s.search(request);
    }
  }

  /** The layout documents are indexed with. */
  public IndexConfig config() {
    return config;
  }

  /** The underlying Lucene writer (for maintenance such as {@code forceMerge}); do not close it. */
  public IndexWriter indexWriter() {
    return writer;
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException("index is closed");
    }
  }

  /**
   * Commits pending changes and releases the writer, the searchers' manager, and what this index
   * owns; idempotent. Searchers still held keep their view readable until they are closed.
   */
  @Override
  public void close() throws IOException {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      writer.commit();
    } finally {
      // Closes every one even if some fail (nulls skipped), then rethrows the first failure.
      IOUtils.close(searchers, writer, ownsAnalyzer ? analyzer : null, ownsDirectory ? directory : null);
    }
  }
}
