package io.rankstack.eval.rerank;

import io.rankstack.core.Query;
import io.rankstack.core.RankedList;
import io.rankstack.core.Run;
import io.rankstack.eval.retrieval.CollectionInputs;
import io.rankstack.eval.retrieval.ExperimentIndex;
import io.rankstack.index.Bm25Parameters;
import io.rankstack.index.Bm25Searcher;
import io.rankstack.index.io.DocumentFormat;
import io.rankstack.rerank.EncodedPair;
import io.rankstack.rerank.RerankModel;
import io.rankstack.rerank.Reranker;
import io.rankstack.rerank.RerankResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Speed of a trained reranker on SciFact test queries: documents per second at several batch sizes,
 * and per-request latency (p50/p99, HdrHistogram) to rerank the BM25 top 20/50/100 of one query
 * through {@link Reranker}, against the BM25 search that produced the candidates in the same run.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Reranker speed: docs/s at --batch-sizes, p50/p99 latency to rerank --candidates of one query,",
        "model size; the BM25 search time of the same queries is the baseline."})
public final class RerankBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, description = "Model folder written by 'rerank scifact' (models/<config>).")
  Path model;
  @Option(names = "--data", defaultValue = "../shared/data") Path data;
  @Option(names = "--index", defaultValue = "target/rerank-experiments/scifact/index", description = "SciFact index (default ${DEFAULT-VALUE}).")
  Path index;
  @Option(names = "--queries", defaultValue = "20", description = "Test queries measured (default ${DEFAULT-VALUE}).")
  int queries;
  @Option(names = "--batch-sizes", defaultValue = "1,16,64", split = ",") List<Integer> batchSizes;
  @Option(names = "--candidates", defaultValue = "20,50,100", split = ",") List<Integer> candidates;
  @Option(names = "--batch", defaultValue = "16", description = "Batch size of the latency runs (default ${DEFAULT-VALUE}).")
  int batch;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Path dir = data.resolve("scifact");
    Path corpus = dir.resolve("corpus.jsonl");
    ExperimentIndex.ensure(DocumentFormat.BEIR, corpus, index, out);
    List<Query> qs = CollectionInputs.queries(dir.resolve("queries.jsonl"), "beir", dir.resolve("qrels/test.tsv"));
    qs = qs.subList(0, Math.min(queries, qs.size()));
    Map<String, String> texts = RerankData.texts(DocumentFormat.BEIR, corpus);
    int maxC = candidates.stream().mapToInt(Integer::intValue).max().orElse(100);
    Run first;
    Histogram bm25 = new Histogram(3);
    try (Bm25Searcher s = Bm25Searcher.open(index, new Bm25Parameters(0.9f, 0.4f))) {
      first = s.run("bm25", qs, maxC); // warm-up
      for (Query q : qs) {
        long t = System.nanoTime();
        s.search(q, maxC);
        bm25.recordValue(Math.max(1, (System.nanoTime() - t) / 1000));
      }
    }
    try (RerankModel m = RerankModel.load(model)) {
      long bytes;
      try (Stream<Path> files = Files.list(model)) {
        // the file DJL loads: the highest-numbered rerank-NNNN.params
        bytes = files.filter(p -> p.getFileName().toString().matches("rerank-\\d{4}\\.params")).sorted()
            .reduce((a, b) -> b).map(p -> p.toFile().length()).orElse(0L);
      }
      out.printf(Locale.ROOT, "model %s: %s, %d parameters, %d bytes of parameters; device %s; threads %s%n", model,
          m.architecture(), m.parameterCount(), bytes, m.device(), System.getProperty("ai.djl.pytorch.num_threads"));
      out.printf(Locale.ROOT, "baseline, BM25 top %d search: p50 %.2f ms, p99 %.2f ms (%d queries)%n", maxC,
          bm25.getValueAtPercentile(50) / 1e3, bm25.getValueAtPercentile(99) / 1e3, qs.size());
      List<EncodedPair> pairs = new ArrayList<>();
      for (Query q : qs) {
        for (String d : first.of(q.id()).docIds()) {
          pairs.add(m.encode(q.text(), texts.getOrDefault(d, "")));
        }
      }
      m.probabilities(pairs.subList(0, Math.min(64, pairs.size())), null, 16); // warm-up
      out.println("| batch size | pairs | seconds | docs/s |");
      out.println("|---|---|---|---|");
      for (int bs : batchSizes) {
        List<EncodedPair> sample = pairs.subList(0, Math.min(pairs.size(), bs == 1 ? 200 : pairs.size()));
        long t = System.nanoTime();
        m.probabilities(sample, null, bs);
        double sec = (System.nanoTime() - t) / 1e9;
        out.printf(Locale.ROOT, "| %d | %d | %.2f | %.1f |%n", bs, sample.size(), sec, sample.size() / sec);
        out.flush();
      }
      out.println("| candidates | requests | p50 ms | p99 ms | max ms |");
      out.println("|---|---|---|---|---|");
      try (Reranker r = new Reranker(m, 1, batch)) {
        for (int c : candidates) {
          Histogram h = new Histogram(3);
          for (Query q : qs) {
            RankedList list = first.of(q.id()).top(c);
            long t = System.nanoTime();
            RerankResult res = r.rerank(q, list, texts::get, Duration.ofMinutes(5));
            h.recordValue(Math.max(1, (System.nanoTime() - t) / 1000));
            if (res.passedThrough()) {
              throw new IllegalStateException("unexpected pass-through: " + res.reason());
            }
          }
          out.printf(Locale.ROOT, "| %d | %d | %.1f | %.1f | %.1f |%n", c, h.getTotalCount(), h.getValueAtPercentile(50) / 1e3,
              h.getValueAtPercentile(99) / 1e3, h.getMaxValue() / 1e3);
          out.flush();
        }
      }
    }
    return 0;
  }
}
