package io.rankstack.eval.bench;

import io.rankstack.core.Query;
import io.rankstack.eval.retrieval.QuerySetOptions;
import io.rankstack.index.Bm25Parameters;
import io.rankstack.index.Bm25Searcher;
import io.rankstack.index.SearchRequest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rankstack-eval bench-search}: our search path against raw Lucene, same index and queries. */
@Command(name = "bench-search", mixinStandardHelpOptions = true,
    description = {"Queries per second and p50/p99 latency of Rankstack's search path against raw Lucene",
        "IndexSearcher.search with the same similarity, analyzer, index and queries, in the same run."})
public final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--index", required = true, description = "Index folder made by 'index'.")
  Path index;

  @Mixin QuerySetOptions querySet;

  @Option(names = "--k", defaultValue = "1000", description = "Documents per query (default ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--threads", split = ",", defaultValue = "1,2", description = "Thread counts to measure (default ${DEFAULT-VALUE}).")
  List<Integer> threads;

  @Option(names = "--warmup-rounds", defaultValue = "20", description = "Unmeasured passes per path (default ${DEFAULT-VALUE}).")
  int warmupRounds;

  @Option(names = "--rounds", defaultValue = "20", description = "Measured passes per path (default ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the query orders (default ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws Exception {
    List<Query> qs = querySet.read();
    List<SearchRequest> requests = qs.stream().map(q -> SearchRequest.of(q, k)).toList();
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "bench-search: %d queries, k=%d, %d warm-up + %d measured rounds per path, %d available processors, %s%n",
        qs.size(), k, warmupRounds, rounds, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " " + Runtime.version());
    out.printf(Locale.ROOT, "%-8s %-11s %10s %10s %10s %10s%n", "threads", "path", "queries/s", "p50 us", "p99 us", "mean us");
    try (Bm25Searcher searcher = Bm25Searcher.open(index, Bm25Parameters.DEFAULT)) {
      SearchBenchmark bench = new SearchBenchmark(searcher, requests, warmupRounds, rounds, seed);
      for (int t : threads) {
        Map<SearchBenchmark.Path, SearchBenchmark.PathResult> r = bench.run(t);
        for (SearchBenchmark.PathResult p : r.values()) {
          out.printf(Locale.ROOT, "%-8d %-11s %10.0f %10d %10d %10.0f%n", t, p.path().name().toLowerCase(Locale.ROOT),
              p.queriesPerSecond(), p.percentileMicros(50), p.percentileMicros(99), p.latencyMicros().getMean());
        }
        SearchBenchmark.PathResult ours = r.get(SearchBenchmark.Path.RANKSTACK);
        SearchBenchmark.PathResult raw = r.get(SearchBenchmark.Path.RAW_LUCENE);
        out.printf(Locale.ROOT, "%-8d overhead: p50 %+.1f%%, p99 %+.1f%%, throughput ratio (ours/raw) %.3f%n", t,
            100.0 * (ours.percentileMicros(50) / (double) raw.percentileMicros(50) - 1),
            100.0 * (ours.percentileMicros(99) / (double) raw.percentileMicros(99) - 1),
            ours.queriesPerSecond() / raw.queriesPerSecond());
        out.flush();
      }
    }
    return 0;
  }
}
