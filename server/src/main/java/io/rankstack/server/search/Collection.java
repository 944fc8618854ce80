package io.rankstack.server.search;

import io.rankstack.core.Document;
import io.rankstack.core.io.InputFormatException;
import io.rankstack.index.Bm25Searcher;
import io.rankstack.index.IndexConfig;
import io.rankstack.index.IndexFields;
import io.rankstack.index.UpdatableIndex;
import io.rankstack.index.features.FeatureExtractor;
import io.rankstack.index.io.DocumentFormat;
import io.rankstack.index.io.DocumentReader;
import io.rankstack.server.config.RankstackProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.index.IndexReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The served collection: a near-real-time Lucene index under {@code data-dir/index/<collection>}
 * in the BEIR layout ({@code contents} built from {@code title} and {@code text}, fields stored for
 * snippets), filled from the sample when empty, and the feature extractor of its current view.
 */
public final class Collection implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Collection.class);
  /** The layout of served collections: the one {@code rankstack-eval demo} and the default model use. */
  public static final IndexConfig LAYOUT = IndexConfig.forFormat(DocumentFormat.BEIR);

  private final String name;
  private final Path dir;
  private final UpdatableIndex index;
  private final List<String> featureFields;
  private final AtomicReference<Extractor> extractor = new AtomicReference<>();

  private record Extractor(IndexReader reader, FeatureExtractor fx) {}

  private Collection(String name, Path dir, UpdatableIndex index, List<String> featureFields) {
    this.name = name;
    this.dir = dir;
    this.index = index;
    this.featureFields = List.copyOf(featureFields);
  }

  /** Opens (creating when needed) the collection; indexes the sample folder when the index is empty. */
  public static Collection open(RankstackProperties props) throws IOException {
    String name = props.index().collection();
    Path dir = props.dataDir().resolve("index").resolve(name);
    UpdatableIndex index = UpdatableIndex.open(dir, LAYOUT);
    Collection c = new Collection(name, dir, index, props.index().fields());
    try {
      if (c.documentCount() == 0) {
        Path corpus = sampleCorpus(props);
        LOG.info("index {} is empty: indexing {} ...", dir, corpus);
        long t0 = System.nanoTime();
        int n = c.addAll(DocumentFormat.BEIR, corpus);
        LOG.info("indexed {} documents into {} in {} ms", n, dir, (System.nanoTime() - t0) / 1_000_000);
      } else {
        LOG.info("index {}: {} documents", dir, c.documentCount());
      }
    } catch (IOException | RuntimeException e) {
      c.close();
      throw e;
    }
    return c;
  }

  /** The sample's {@code corpus.jsonl}: from {@code rankstack.index.sample}, else copied out of the jar. */
  static Path sampleCorpus(RankstackProperties props) throws IOException {
    return sampleFile(props, "corpus.jsonl");
  }

  /** A file of the sample folder ({@code corpus.jsonl}, {@code queries.jsonl}, {@code qrels/test.tsv}). */
  public static Path sampleFile(RankstackProperties props, String file) throws IOException {
    if (!props.index().sample().isBlank()) {
      Path p = Path.of(props.index().sample()).resolve(file);
      if (!Files.isRegularFile(p)) {
        throw new IllegalArgumentException("invalid setting rankstack.index.sample=" + props.index().sample()
            + ": " + p + " is missing (a BEIR folder with corpus.jsonl, queries.jsonl, qrels/test.tsv)");
      }
      return p;
    }
    Path out = props.dataDir().resolve("sample").resolve("cranfield").resolve(file);
    if (!Files.isRegularFile(out)) {
      Files.createDirectories(out.getParent());
      try (InputStream in = Collection.class.getResourceAsStream("/samples/cranfield/" + file)) {
        if (in == null) {
          throw new IllegalStateException("the bundled sample file samples/cranfield/" + file + " is not on the class path");
        }
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
    }
    return out;
  }

  /**
   * Reads every document of {@code file} first (a malformed line stops the call before anything is
   * written, with file, line and field in the {@link InputFormatException}), then adds them all,
   * commits and refreshes.
   *
   * @return documents added (existing ids are replaced)
   */
  public synchronized int addAll(DocumentFormat format, Path file) throws IOException {
    List<Document> docs = new ArrayList<>();
    try (DocumentReader r = format.open(file)) {
      while (r.hasNext()) {
        docs.add(r.next());
      }
    }
    for (Document d : docs) {
      try {
        IndexFields.toLucene(d, LAYOUT); // the layout check, before anything is written
      } catch (IllegalArgumentException e) {
        throw new InputFormatException(file.toString(), 0, null, "document " + d.id() + ": " + e.getMessage());
      }
    }
    for (Document d : docs) {
      index.update(d);
    }
    index.commit();
    index.refresh();
    return docs.size();
  }

  /** Deletes a document; true when it existed. Durable and visible on return. */
  public synchronized boolean delete(String id) throws IOException {
    boolean existed;
    try (Bm25Searcher s = acquire()) {
      existed = s.document(id).isPresent();
    }
    if (existed) {
      index.delete(id);
      index.commit();
      index.refresh();
    }
    return existed;
  }

  /** A searcher on the current view; close it after the request. */
  public Bm25Searcher acquire() throws IOException {
    return index.acquire();
  }

  /** The feature extractor of {@code searcher}'s view (built once per view: its collection statistics). */
  public FeatureExtractor features(Bm25Searcher searcher) {
    IndexReader reader = searcher.indexSearcher().getIndexReader();
    Extractor e = extractor.get();
    if (e == null || e.reader() != reader) {
      e = new Extractor(reader, FeatureExtractor.of(searcher, featureFields));
      extractor.set(e);
    }
    return e.fx();
  }

  public int documentCount() {
    try (Bm25Searcher s = acquire()) {
      return s.documentCount();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String name() {
    return name;
  }

  public Path dir() {
    return dir;
  }

  public List<String> featureFields() {
    return featureFields;
  }

  @Override
  public void close() throws IOException {
    Objects.requireNonNull(index).close();
  }
}
