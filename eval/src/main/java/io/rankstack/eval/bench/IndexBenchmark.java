package io.rankstack.eval.bench;

import io.rankstack.core.Document;
import io.rankstack.index.CollectionIndexer;
import io.rankstack.index.IndexConfig;
import io.rankstack.index.ProgressListener;
import io.rankstack.index.analysis.DefaultEnglishAnalyzer;
import io.rankstack.index.io.DocumentReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/**
 * Indexing throughput of {@link CollectionIndexer} against a raw Lucene {@link IndexWriter} that
 * indexes the same documents with the same analyzer into the flat field alone.
 *
 * <p>Both sides start from documents already parsed into memory, write to a fresh folder on the same
 * disk, use the same RAM buffer, and end with one commit; rounds alternate which side goes first. The
 * raw side is the least any Lucene indexer must do (an id and one analysed field); ours also writes
 * the id doc values, the stored and per-field copies and the numeric attributes that filters,
 * explanations and tie-breaks need, so the ratio is the price of those.
 */
public final class IndexBenchmark {
  /** Result of one side: documents per second over all measured rounds. */
  public record Throughput(String path, long documents, double seconds) {
    public double documentsPerSecond() {
      return documents / seconds;
    }
  }

  private final List<Document> documents;
  private final IndexConfig config;
  private final Path scratch;

  /**
   * @param documents the collection, in memory
   * @param config    our index layout (its {@code contentsFrom} also tells the raw side what to join)
   * @param scratch   a folder for the throwaway indexes; emptied between rounds
   */
  public IndexBenchmark(List<Document> documents, IndexConfig config, Path scratch) {
    this.documents = List.copyOf(documents);
    this.config = Objects.requireNonNull(config, "config");
    this.scratch = Objects.requireNonNull(scratch, "scratch");
    if (this.documents.isEmpty()) {
      throw new IllegalArgumentException("benchmark needs at least one document");
    }
  }

  /** Runs {@code warmup} unmeasured and {@code rounds} measured rounds of each side. */
  public List<Throughput> run(int warmup, int rounds) throws IOException {
    if (warmup < 0 || rounds < 1) {
      throw new IllegalArgumentException("warm-up rounds must be >= 0 and rounds >= 1: " + warmup + ", " + rounds);
    }
    long ours = 0;
    long raw = 0;
    for (int r = 0; r < warmup + rounds; r++) {
      long o;
      long w;
      if (r % 2 == 0) {
        o = timeOurs();
        w = timeRaw();
      } else {
        w = timeRaw();
        o = timeOurs();
      }
      if (r >= warmup) {
        ours += o;
        raw += w;
      }
    }
    long n = (long) rounds * documents.size();
    return List.of(new Throughput("rankstack", n, ours / 1e9), new Throughput("raw_lucene", n, raw / 1e9));
  }

  private long timeOurs() throws IOException {
    Path dir = freshFolder("ours");
    long t0 = System.nanoTime();
    try (DocumentReader reader = DocumentReader.of("memory", documents)) {
      new CollectionIndexer(config).index(dir, reader, ProgressListener.NONE);
    }
    return System.nanoTime() - t0;
  }

  private long timeRaw() throws IOException {
    Path dir = freshFolder("raw");
    long t0 = System.nanoTime();
    try (DefaultEnglishAnalyzer analyzer = new DefaultEnglishAnalyzer();
         FSDirectory fs = FSDirectory.open(dir);
         IndexWriter writer = new IndexWriter(fs, new IndexWriterConfig(analyzer)
             .setRAMBufferSizeMB(CollectionIndexer.DEFAULT_RAM_BUFFER_MB).setCommitOnClose(false))) {
      for (Document d : documents) {
        org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
        doc.add(new StringField("id", d.id(), Field.Store.YES));
        doc.add(new TextField("contents", flatText(d), Field.Store.NO));
        writer.addDocument(doc);
      }
      writer.commit();
    }
    return System.nanoTime() - t0;
  }

  private String flatText(Document d) {
    if (config.contentsFrom().isEmpty()) {
      return d.field("contents");
    }
    StringBuilder sb = new StringBuilder();
    for (String f : config.contentsFrom()) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(d.field(f));
    }
    return sb.toString();
  }

  private Path freshFolder(String name) throws IOException {
    Path dir = scratch.resolve(name);
    if (Files.exists(dir)) {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(dir);
    return dir;
  }
}
