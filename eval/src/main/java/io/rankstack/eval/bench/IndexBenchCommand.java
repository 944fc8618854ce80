package io.rankstack.eval.bench;

import io.rankstack.core.Document;
import io.rankstack.eval.retrieval.CollectionOptions;
import io.rankstack.index.IndexConfig;
import io.rankstack.index.io.DocumentFormat;
import io.rankstack.index.io.DocumentReader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rankstack-eval bench-index}: indexing throughput, ours against raw Lucene. */
@Command(name = "bench-index", mixinStandardHelpOptions = true,
    description = {"Indexing throughput (documents/s) of Rankstack's indexer against a raw Lucene IndexWriter",
        "with the same analyzer, from the same parsed documents, in the same run; parsing is timed apart."})
public final class IndexBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin CollectionOptions collection;

  @Option(names = "--scratch", description = "Folder for throwaway indexes (default: a new temporary folder).")
  Path scratch;

  @Option(names = "--warmup-rounds", defaultValue = "2", description = "Unmeasured rounds per side (default ${DEFAULT-VALUE}).")
  int warmupRounds;

  @Option(names = "--rounds", defaultValue = "5", description = "Measured rounds per side (default ${DEFAULT-VALUE}).")
  int rounds;

  @Override
  public Integer call() throws Exception {
    DocumentFormat fmt = collection.format();
    Path file = collection.file();
    PrintWriter out = spec.commandLine().getOut();
    long t0 = System.nanoTime();
    List<Document> docs = new ArrayList<>();
    try (DocumentReader reader = fmt.open(file)) {
      reader.forEachRemaining(docs::add);
    }
    double parseSeconds = (System.nanoTime() - t0) / 1e9;
    Path dir = scratch != null ? scratch : Files.createTempDirectory("rankstack-bench-index");
    out.printf(Locale.ROOT, "bench-index: %s, %d documents, %d warm-up + %d measured rounds per side, %d available processors%n",
        file, docs.size(), warmupRounds, rounds, Runtime.getRuntime().availableProcessors());
    out.printf(Locale.ROOT, "parse (cold, once): %.2f s, %.0f docs/s%n", parseSeconds, docs.size() / parseSeconds);
    List<IndexBenchmark.Throughput> results = new IndexBenchmark(docs, IndexConfig.forFormat(fmt), dir).run(warmupRounds, rounds);
    for (IndexBenchmark.Throughput t : results) {
      out.printf(Locale.ROOT, "%-11s %10.0f docs/s%n", t.path(), t.documentsPerSecond());
    }
    out.printf(Locale.ROOT, "throughput ratio (ours/raw) %.3f%n", results.get(0).documentsPerSecond() / results.get(1).documentsPerSecond());
    return 0;
  }
}
