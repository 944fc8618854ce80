package io.rankstack.eval.bench;

import io.rankstack.core.Query;
import io.rankstack.core.RankedList;
import io.rankstack.eval.ltr.LtrSupport;
import io.rankstack.eval.retrieval.CollectionInputs;
import io.rankstack.index.Bm25Parameters;
import io.rankstack.index.Bm25Searcher;
import io.rankstack.index.features.FeatureExtractor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rankstack-eval bench-features}: feature extraction throughput against the BM25 search that feeds it. */
@Command(name = "bench-features", mixinStandardHelpOptions = true,
    description = {"Feature extraction speed for top-N lists, one thread, with the BM25 first-stage search alone measured",
        "in the same run as the baseline: lists/s for search alone and for search + features, and features/s of extraction."})
public final class FeatureBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--index", required = true, description = "Index folder made by 'index'.")
  Path index;

  @Option(names = "--queries", required = true, description = "Query file (BEIR, TREC or TSV).")
  Path queries;

  @Option(names = "--query-format", description = "beir, trec or tsv (default: from the file name).")
  String queryFormat;

  @Option(names = "--judged-by", description = "Keep only the queries judged in this qrels file.")
  Path judgedBy;

  @Option(names = "--top", defaultValue = "100", description = "Candidates per list (default ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--fields", defaultValue = "auto", description = "Feature fields (default ${DEFAULT-VALUE}).")
  String fields;

  @Option(names = "--warmup-rounds", defaultValue = "3", description = "Unmeasured passes (default ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--rounds", defaultValue = "5", description = "Measured passes (default ${DEFAULT-VALUE}).")
  int rounds;

  @Override
  public Integer call() throws Exception {
    List<Query> qs = CollectionInputs.queries(queries, queryFormat, judgedBy);
    PrintWriter out = spec.commandLine().getOut();
    try (Bm25Searcher searcher = Bm25Searcher.open(index, new Bm25Parameters(0.9f, 0.4f))) {
      FeatureExtractor fx = FeatureExtractor.of(searcher, LtrSupport.fields(searcher, fields));
      // The lists are fixed once, so extraction alone can be timed on exactly what serving would extract.
      List<RankedList> lists = new ArrayList<>();
      long candidates = 0;
      for (Query q : qs) {
        RankedList l = searcher.search(q, top);
        lists.add(l);
        candidates += l.size();
      }
      double sink = 0;
      long searchNs = Long.MAX_VALUE;
      long extractNs = Long.MAX_VALUE;
      long bothNs = Long.MAX_VALUE;
      for (int r = 0; r < warmup + rounds; r++) {
        long t0 = System.nanoTime();
        for (Query q : qs) {
          sink += searcher.search(q, top).size();
        }
        long t1 = System.nanoTime();
        for (int i = 0; i < qs.size(); i++) {
          float[][] x = fx.extract(qs.get(i), lists.get(i));
          sink += x.length == 0 ? 0 : x[0][0];
        }
        long t2 = System.nanoTime();
        for (Query q : qs) {
          float[][] x = fx.extract(q, searcher.search(q, top));
          sink += x.length == 0 ? 0 : x[0][0];
        }
        long t3 = System.nanoTime();
        if (r >= warmup) {
          searchNs = Math.min(searchNs, t1 - t0);
          extractNs = Math.min(extractNs, t2 - t1);
          bothNs = Math.min(bothNs, t3 - t2);
        }
      }
      long values = candidates * fx.size();
      out.printf(Locale.ROOT, "bench-features: %d queries, top %d (%d candidates), %d features (%s), 1 thread, best of %d rounds after %d warm-up%n",
          qs.size(), top, candidates, fx.size(), String.join(",", fx.fields()), rounds, warmup);
      out.printf(Locale.ROOT, "%-26s %12s %14s %16s%n", "path", "lists/s", "candidates/s", "features/s");
      out.printf(Locale.ROOT, "%-26s %12.0f %14.0f %16s%n", "bm25 search (baseline)", qs.size() / (searchNs / 1e9),
          candidates / (searchNs / 1e9), "-");
      out.printf(Locale.ROOT, "%-26s %12.0f %14.0f %16.0f%n", "feature extraction alone", qs.size() / (extractNs / 1e9),
          candidates / (extractNs / 1e9), values / (extractNs / 1e9));
      out.printf(Locale.ROOT, "%-26s %12.0f %14.0f %16.0f%n", "search + features", qs.size() / (bothNs / 1e9),
          candidates / (bothNs / 1e9), values / (bothNs / 1e9));
      out.printf(Locale.ROOT, "extraction per list: %.3f ms, search per list: %.3f ms; search+features / search time = %.2f (checksum %.1f)%n",
          extractNs / 1e6 / qs.size(), searchNs / 1e6 / qs.size(), bothNs / (double) searchNs, sink);
    }
    return 0;
  }
}
