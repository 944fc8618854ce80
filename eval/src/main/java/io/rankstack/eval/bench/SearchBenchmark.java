package io.rankstack.eval.bench;

import io.rankstack.index.Bm25Searcher;
import io.rankstack.index.SearchRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.HdrHistogram.Histogram;

/**
 * Measures our search path against raw Lucene on the same index, queries, similarity and analyzer.
 *
 * <p>The two paths differ only in what the engine adds on top of Lucene:
 * <ul>
 *   <li>{@link Path#RANKSTACK}: {@link Bm25Searcher#search(SearchRequest)}: query analysis, top-k
 *       collection with the deterministic (score, document id) tie-break, id lookup, and the
 *       {@code RankedList} of candidates.</li>
 *   <li>{@link Path#RAW_LUCENE}: the same Lucene query, built by the same analyzer, passed to
 *       {@code IndexSearcher.search(query, k)}, which returns Lucene's {@code TopDocs} of internal
 *       document numbers.</li>
 * </ul>
 * Both paths build the query from text on every call, so analysis is counted on both sides.
 *
 * <p>Method: warm-up passes over all queries on both paths, then {@code rounds} measured rounds;
 * each round runs one pass per path, alternating which path goes first, so that drift (JIT, page
 * cache, a busy neighbour) falls on both equally. A pass runs every query once on each of
 * {@code threads} threads, each thread in its own seeded shuffled order. Every call's latency goes
 * into an HdrHistogram (microsecond resolution, 3 significant digits); throughput is queries
 * completed by all threads divided by the pass's wall time, summed over rounds.
 */
public final class SearchBenchmark {
  /** The two measured paths. */
  public enum Path {
    RANKSTACK, RAW_LUCENE
  }

  /** Results of one path at one thread count. */
  public record PathResult(Path path, int threads, long queries, double seconds, Histogram latencyMicros) {
    /** Queries per second, all threads together. */
    public double queriesPerSecond() {
      return queries / seconds;
    }

    /** Latency at a percentile (0..100), in microseconds. */
    public long percentileMicros(double percentile) {
      return latencyMicros.getValueAtPercentile(percentile);
    }
  }

  private final Bm25Searcher searcher;
  private final List<SearchRequest> requests;
  private final int warmupRounds;
  private final int rounds;
  private final long seed;

  /**
   * @param searcher     the searcher both paths use (its IndexSearcher is the raw path's)
   * @param requests     the queries, at least one
   * @param warmupRounds unmeasured passes per path before measuring, at least 0
   * @param rounds       measured passes per path, at least 1
   * @param seed         seed of the per-thread query orders
   */
  public SearchBenchmark(Bm25Searcher searcher, List<SearchRequest> requests, int warmupRounds, int rounds, long seed) {
    this.searcher = Objects.requireNonNull(searcher, "searcher");
    this.requests = List.copyOf(requests);
    if (this.requests.isEmpty()) {
      throw new IllegalArgumentException("benchmark needs at least one query");
    }
    if (warmupRounds < 0 || rounds < 1) {
      throw new IllegalArgumentException("warm-up rounds must be >= 0 and rounds >= 1: " + warmupRounds + ", " + rounds);
    }
    this.warmupRounds = warmupRounds;
    this.rounds = rounds;
    this.seed = seed;
  }

  /** Runs both paths at {@code threads} threads and returns one result per path. */
  public Map<Path, PathResult> run(int threads) throws InterruptedException {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int r = 0; r < warmupRounds; r++) {
        for (Path p : Path.values()) {
          pass(pool, p, threads, r, new Histogram(3_600_000_000L, 3));
        }
      }
      Map<Path, Histogram> hist = new EnumMap<>(Path.class);
      Map<Path, Long> nanos = new EnumMap<>(Path.class);
      for (Path p : Path.values()) {
        hist.put(p, new Histogram(3_600_000_000L, 3));
        nanos.put(p, 0L);
      }
      for (int r = 0; r < rounds; r++) {
        List<Path> order = r % 2 == 0 ? List.of(Path.RANKSTACK, Path.RAW_LUCENE) : List.of(Path.RAW_LUCENE, Path.RANKSTACK);
        for (Path p : order) {
          nanos.merge(p, pass(pool, p, threads, warmupRounds + r, hist.get(p)), Long::sum);
        }
      }
      Map<Path, PathResult> out = new EnumMap<>(Path.class);
      for (Path p : Path.values()) {
        out.put(p, new PathResult(p, threads, (long) rounds * threads * requests.size(), nanos.get(p) / 1e9, hist.get(p)));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  /** One pass: every thread runs every query once; returns wall nanoseconds. */
  private long pass(ExecutorService pool, Path path, int threads, int round, Histogram into) throws InterruptedException {
    List<Future<Histogram>> futures = new ArrayList<>(threads);
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      List<SearchRequest> order = new ArrayList<>(requests);
      Collections.shuffle(order, new Random(seed * 31 + round * 1009L + t));
      futures.add(pool.submit(() -> timeAll(path, order)));
    }
    for (Future<Histogram> f : futures) {
      try {
        into.add(f.get());
      } catch (ExecutionException e) {
        throw new IllegalStateException("benchmark query failed: " + e.getCause(), e.getCause());
      }
    }
    return System.nanoTime() - start;
  }

  private Histogram timeAll(Path path, List<SearchRequest> order) {
    Histogram h = new Histogram(3_600_000_000L, 3);
    long sink = 0;
    for (SearchRequest request : order) {
      long t0 = System.nanoTime();
      sink += runOnce(path, request);
      h.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
    }
    if (sink == Long.MIN_VALUE) {
      // never true; keeps the JIT from discarding the searches
      throw new AssertionError(sink);
    }
    return h;
  }

  private long runOnce(Path path, SearchRequest request) {
    if (path == Path.RANKSTACK) {
      return searcher.search(request).ranking().size();
    }
    try {
      return searcher.indexSearcher().search(searcher.luceneQuery(request), request.k()).scoreDocs.length;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
