package io.rankstack.eval.retrieval;

import io.rankstack.index.CollectionIndexer;
import io.rankstack.index.IndexConfig;
import io.rankstack.index.IndexReport;
import io.rankstack.index.ProgressListener;
import io.rankstack.index.io.DocumentFormat;
import io.rankstack.index.io.DocumentReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rankstack-eval index}: builds a Lucene index from a collection file. */
@Command(name = "index", mixinStandardHelpOptions = true,
    description = {"Index a collection with the English analyzer (BM25-ready).",
        "A malformed line stops the run before anything is committed; the message names file, line and field."})
public final class IndexCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin CollectionOptions collection;

  @Option(names = "--index", required = true, description = "Index folder (created when absent; documents with an id already there are replaced).")
  Path index;

  @Option(names = "--keyword-fields", split = ",", description = "Fields indexed as exact keywords for term filters.")
  List<String> keywordFields = List.of();

  @Option(names = "--contents-from", split = ",",
      description = "Fields joined into the default search field 'contents' (BEIR default: title,text).")
  List<String> contentsFrom;

  @Option(names = "--progress", defaultValue = "10000", description = "Print progress every N documents (default ${DEFAULT-VALUE}).")
  long progressEvery;

  @Override
  public Integer call() throws Exception {
    DocumentFormat fmt = collection.format();
    IndexConfig config = IndexConfig.forFormat(fmt).withKeywordFields(keywordFields.toArray(String[]::new));
    if (contentsFrom != null) {
      config = config.withContentsFrom(contentsFrom.toArray(String[]::new));
    }
    Path file = collection.file();
    PrintWriter out = spec.commandLine().getOut();
    if (progressEvery < 1) {
      throw new IllegalArgumentException("--progress must be at least 1: " + progressEvery);
    }
    ProgressListener progress = new ProgressListener() {
      @Override
      public long interval() {
        return progressEvery;
      }

      @Override
      public void progress(long documents, Duration elapsed) {
        out.printf(Locale.ROOT, "indexed %d documents in %.1f s%n", documents, elapsed.toNanos() / 1e9);
        out.flush();
      }
    };
    IndexReport report;
    try (DocumentReader docs = fmt.open(file)) {
      report = new CollectionIndexer(config).index(index, docs, progress);
    }
    double seconds = report.elapsed().toNanos() / 1e9;
    out.printf(Locale.ROOT, "indexed %d documents from %s into %s in %.2f s (%.0f docs/s); %d documents in the index%n",
        report.documentsIndexed(), file, index, seconds, report.documentsIndexed() / Math.max(seconds, 1e-9), report.documentsInIndex());
    return 0;
  }
}
