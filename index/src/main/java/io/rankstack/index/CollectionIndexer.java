package io.rankstack.index;

import io.rankstack.core.Document;
import io.rankstack.core.io.InputFormatException;
import io.rankstack.index.analysis.DefaultEnglishAnalyzer;
import io.rankstack.index.io.DocumentReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Writes a collection into a Lucene index in one all-or-nothing batch.
 *
 * <p>Documents are read one at a time from a {@link DocumentReader} (constant memory apart from the
 * writer's RAM buffer), turned into Lucene documents by {@link IndexFields#toLucene}, and committed
 * once at the end. If anything fails before that commit (a malformed line, a duplicate id, a
 * document the layout rejects, an I/O error) the writer is rolled back: the index is exactly as it
 * was before the call, whether it was empty, absent or held earlier commits, and the exception
 * propagates (malformed input as {@link InputFormatException} naming file, line and field).
 *
 * <p>Into an empty index documents are added; into a non-empty one each document replaces any
 * document with the same id, so re-indexing a file is idempotent.
 *
 * <p>Indexing is single-threaded, so the same input gives the same segments and internal document
 * order on every run. Not thread-safe; one run at a time per index (Lucene's write lock enforces
 * this across processes).
 */
public final class CollectionIndexer {
  /** Default RAM buffer before Lucene flushes a segment, in MiB. */
  public static final double DEFAULT_RAM_BUFFER_MB = 128;

  private final IndexConfig config;
  private final Supplier<? extends Analyzer> analyzers;
  private final InstantSource clock;
  private final double ramBufferMb;

  /** An indexer with {@link DefaultEnglishAnalyzer}, the system clock and the default buffer. */
  public CollectionIndexer(IndexConfig config) {
    this(config, DefaultEnglishAnalyzer::new, InstantSource.system(), DEFAULT_RAM_BUFFER_MB);
  }

  /**
   * @param config      the index layout
   * @param analyzers   makes the analyzer for one run (closed at the end of the run); searches
   *                    must analyse queries the same way
   * @param clock       time source for progress and the report
   * @param ramBufferMb the writer's RAM buffer in MiB, positive
   */
  public CollectionIndexer(IndexConfig config, Supplier<? extends Analyzer> analyzers, InstantSource clock, double ramBufferMb) {
    this.config = Objects.requireNonNull(config, "config");
    this.analyzers = Objects.requireNonNull(analyzers, "analyzers");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (!(ramBufferMb > 0) || !Double.isFinite(ramBufferMb)) {
      throw new IllegalArgumentException("illegal RAM buffer size " + ramBufferMb + " MiB, must be positive and finite");
    }
    this.ramBufferMb = ramBufferMb;
  }

  /** Indexes into the index directory {@code indexDir}, creating it when absent. */
  public IndexReport index(Path indexDir, DocumentReader documents, ProgressListener progress) throws IOException {
    Files.createDirectories(indexDir);
    try (Directory dir = FSDirectory.open(indexDir)) {
      return index(dir, documents, progress);
    }
  }

  /**
   * Indexes every document of {@code documents} into {@code dir} and commits once; on any failure
   * rolls back and rethrows. The reader is consumed but not closed.
   */
  public IndexReport index(Directory dir, DocumentReader documents, ProgressListener progress) throws IOException {
    Objects.requireNonNull(documents, "documents");
    Objects.requireNonNull(progress, "progress");
    long interval = Math.max(1, progress.interval());
    Instant start = clock.instant();
    try (Analyzer analyzer = analyzers.get()) {
      IndexWriterConfig iwc = new IndexWriterConfig(analyzer)
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
          .setSimilarity(new BM25Similarity())
          .setRAMBufferSizeMB(ramBufferMb)
          .setCommitOnClose(false);
      IndexWriter writer = new IndexWriter(dir, iwc);
      long n = 0;
      try {
        boolean empty = writer.getDocStats().maxDoc == 0;
        while (documents.hasNext()) {
          Document doc = documents.next();
          org.apache.lucene.document.Document lucene;
          try {
            lucene = IndexFields.toLucene(doc, config);
          } catch (IllegalArgumentException e) {
            throw new InputFormatException(documents.source(), documents.lineNumber(), null, e.getMessage());
          }
          if (empty) {
            writer.addDocument(lucene);
          } else {
            writer.updateDocument(IndexFields.idTerm(doc.id()), lucene);
          }
          n++;
          if (n % interval == 0) {
            progress.progress(n, Duration.between(start, clock.instant()));
          }
        }
        writer.commit();
        long live = writer.getDocStats().numDocs;
        writer.close();
        Duration elapsed = Duration.between(start, clock.instant());
        progress.done(n, elapsed);
        return new IndexReport(n, live, elapsed);
      } catch (Throwable t) {
        try {
          writer.rollback();
        } catch (IOException | RuntimeException e) {
          t.addSuppressed(e);
        }
        throw t;
      }
    }
  }
}
