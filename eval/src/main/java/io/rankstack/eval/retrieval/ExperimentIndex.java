package io.rankstack.eval.retrieval;

import io.rankstack.index.CollectionIndexer;
import io.rankstack.index.IndexConfig;
import io.rankstack.index.IndexReport;
import io.rankstack.index.ProgressListener;
import io.rankstack.index.io.DocumentFormat;
import io.rankstack.index.io.DocumentReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;

/** The index an experiment works on: built once under its work folder, reused by later runs. */
public final class ExperimentIndex {
  private ExperimentIndex() {}

  /** Whether {@code dir} holds a committed Lucene index. */
  public static boolean committed(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (FSDirectory d = FSDirectory.open(dir)) {
      return DirectoryReader.indexExists(d);
    }
  }

  /** Builds the index of {@code corpus} in {@code indexDir} unless a committed one is there. */
  public static void ensure(DocumentFormat format, Path corpus, Path indexDir, PrintWriter out) {
    try {
      if (committed(indexDir)) {
        out.println("using the existing index " + indexDir);
        return;
      }
      try (DocumentReader docs = format.open(corpus)) {
        IndexReport r = new CollectionIndexer(IndexConfig.forFormat(format)).index(indexDir, docs, ProgressListener.NONE);
        out.printf(Locale.ROOT, "indexed %d documents from %s into %s in %.1f s%n", r.documentsIndexed(), corpus, indexDir,
            r.elapsed().toNanos() / 1e9);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
