package io.rankstack.server.search;

import io.rankstack.core.Candidate;
import io.rankstack.core.Query;
import io.rankstack.core.RankedList;
import io.rankstack.core.interleaving.InterleavedList;
import io.rankstack.index.Bm25Searcher;
import io.rankstack.index.Filter;
import io.rankstack.index.SearchRequest;
import io.rankstack.index.SearchResult;
import io.rankstack.server.config.RankstackProperties;
import io.rankstack.server.events.EventLog;
import io.rankstack.server.events.RecentImpressions;
import io.rankstack.server.experiment.Experiments;
import io.rankstack.server.pipeline.Pipeline;
import io.rankstack.server.pipeline.RequestContext;
import io.rankstack.server.pipeline.StageTrace;
import io.rankstack.streaming.event.EventJson;
import io.rankstack.streaming.event.ImpressionEvent;
import io.rankstack.streaming.event.ImpressionItem;
import io.rankstack.streaming.event.Surface;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import io.micrometer.core.instrument.Timer;

/**
 * {@code /v1/search}: BM25 retrieval, then the chosen ranker's pipeline (or, for a share of traffic,
 * two rankers interleaved), the response with snippets, and the impression logged asynchronously.
 */
public final class SearchService {
  private final RankstackProperties props;
  private final Collection collection;
  private final Pipelines pipelines;
  private final Experiments experiments;
  private final EventLog events;
  private final RecentImpressions recent;
  private final ResponseItems responseItems;
  private final long seed;
  private final Timer retrievalTimer;
  private final AtomicLong requests = new AtomicLong();

  public SearchService(RankstackProperties props, Collection collection, Pipelines pipelines, Experiments experiments,
                       EventLog events, RecentImpressions recent, ResponseItems responseItems, long seed,
                       Timer retrievalTimer) {
    this.retrievalTimer = retrievalTimer;
    this.props = props;
    this.collection = collection;
    this.pipelines = pipelines;
    this.experiments = experiments;
    this.events = events;
    this.recent = recent;
    this.responseItems = responseItems;
    this.seed = seed;
  }

  /** The context key of a query: lower-cased, whitespace collapsed, at most {@link EventJson#MAX_ID_LENGTH} characters. */
  public static String contextKey(String q) {
    String k = q.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    return k.length() <= EventJson.MAX_ID_LENGTH ? k : k.substring(0, EventJson.MAX_ID_LENGTH);
  }

  /**
   * Runs a search.
   *
   * @param q       the query text
   * @param k       results wanted, 1..max-k (null: 10)
   * @param filters filter specs ({@link FilterParser})
   * @param explain add feature values and per-stage scores
   * @param ranker  {@code bm25}, {@code ltr} or {@code full} (null: full); ignored when the request joins an experiment
   */
  public SearchResponse search(String q, Integer k, List<String> filters, boolean explain, String ranker,
                               String userId, String sessionId) {
    return search(q, k, filters, explain, ranker, userId, sessionId, null);
  }

  /**
   * As above; {@code experiment} names an experiment this request joins whatever the traffic draw
   * (for checks and demonstrations), null to draw.
   */
  public SearchResponse search(String q, Integer k, List<String> filters, boolean explain, String ranker,
                               String userId, String sessionId, String experiment) {
    RankstackProperties.Search limits = props.search();
    if (q == null || q.isBlank()) {
      throw new BadRequestException("q", "parameter 'q' is required and must contain a word to search for");
    }
    if (q.length() > limits.maxQueryLength()) {
      throw new BadRequestException("q", "parameter 'q' is " + q.length() + " characters long; at most "
          + limits.maxQueryLength() + " are accepted");
    }
    int size = Validation.k(k, limits.maxK());
    String rankerName = ranker == null ? "full" : ranker;
    if (!RankstackProperties.Rankers.NAMES.contains(rankerName)) {
      throw new BadRequestException("ranker", "parameter 'ranker' must be one of " + RankstackProperties.Rankers.NAMES
          + ", got '" + rankerName + "'");
    }
    Validation.optionalId("user", userId);
    Validation.optionalId("session", sessionId);
    List<Filter> parsed = FilterParser.parse(filters, limits.maxFilters());
    if (experiment != null && !experiments.exists(experiment)) {
      throw new BadRequestException("experiment", "no experiment '" + experiment + "'; configured: " + experiments.ids());
    }
    String key = contextKey(q);
    String impressionId = UUID.randomUUID().toString();
    SplittableRandom random = new SplittableRandom(seed + requests.incrementAndGet() * 0x9E3779B97F4A7C15L);
    Query query = new Query("q", q.strip());

    try (Bm25Searcher searcher = collection.acquire()) {
      SearchRequest request = SearchRequest.of(query, limits.retrievalDepth()).withFilters(parsed.toArray(Filter[]::new));
      long t0 = System.nanoTime();
      SearchResult retrieved = searcher.search(request);
      long retrievalNanos = System.nanoTime() - t0;
      retrievalTimer.record(retrievalNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
      List<StageTrace> trace = new ArrayList<>();
      trace.add(new StageTrace("bm25", retrievalNanos / 1000, 0, retrieved.ranking().size(),
          "k1=" + searcher.parameters().k1() + " b=" + searcher.parameters().b(), false, null));
      RequestContext ctx = new RequestContext(query, key, searcher);
      Map<String, String> versions = new LinkedHashMap<>();
      Map<String, Map<String, Double>> stageScores = new LinkedHashMap<>();
      if (explain) {
        Map<String, Double> s = new LinkedHashMap<>();
        for (Candidate c : retrieved.ranking().top(limits.rerankDepth()).candidates()) {
          s.put(c.docId(), c.score());
        }
        stageScores.put("bm25", s);
      }

      List<Candidate> shown;
      List<String> teams = null;
      String experimentId = null;
      String rankerUsed = rankerName;
      Optional<RankstackProperties.Experiment> exp = experiment == null ? experiments.draw(random)
          : Optional.of(experiments.config(experiment));
      if (exp.isPresent()) {
        RankstackProperties.Experiment e = exp.get();
        Pipeline.Result a = run(pipelines.get(e.rankerA()), ctx, retrieved.ranking(), explain, "a.", trace, versions, stageScores);
        Pipeline.Result b = run(pipelines.get(e.rankerB()), ctx, retrieved.ranking(), explain, "b.", trace, versions, stageScores);
        InterleavedList il = experiments.interleave(ids(a.ranking()), ids(b.ranking()), size, random);
        Map<String, Candidate> byId = new HashMap<>();
        b.ranking().candidates().forEach(c -> byId.put(c.docId(), c));
        a.ranking().candidates().forEach(c -> byId.put(c.docId(), c));
        shown = new ArrayList<>();
        teams = new ArrayList<>();
        for (int i = 0; i < il.size(); i++) {
          shown.add(byId.get(il.docs().get(i)));
          teams.add(il.teams().get(i).name());
        }
        experimentId = e.id();
        rankerUsed = "interleaved:" + e.rankerA() + "/" + e.rankerB();
        if (!shown.isEmpty()) {
          experiments.shown(e.id(), impressionId, il);
        }
      } else {
        Pipeline.Result r = run(pipelines.get(rankerName), ctx, retrieved.ranking(), explain, "", trace, versions, stageScores);
        shown = r.ranking().top(size).candidates();
      }

      List<SearchResponse.Item> items = responseItems.build(searcher, searcher.luceneQuery(request), shown, teams,
          null, explain, stageScores);
      String id = shown.isEmpty() ? null : impressionId;
      if (id != null) {
        log(id, Surface.SEARCH, key, q.strip(), userId, sessionId, shown, teams, experimentId, versions);
      }
      return new SearchResponse(id, key, rankerUsed, retrieved.totalHits(), retrieved.totalHitsExact(), items, trace,
          versions, experimentId);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Pipeline.Result run(Pipeline p, RequestContext ctx, RankedList in, boolean explain, String prefix,
                                     List<StageTrace> trace, Map<String, String> versions,
                                     Map<String, Map<String, Double>> stageScores) {
    Pipeline.Result r = p.run(ctx, in, explain);
    for (StageTrace t : r.trace()) {
      trace.add(prefix.isEmpty() ? t : new StageTrace(prefix + t.stage(), t.micros(), t.inputSize(), t.outputSize(),
          t.modelVersion(), t.passedThrough(), t.reason()));
      if (!t.modelVersion().isEmpty() && !t.passedThrough()) {
        versions.put(t.stage(), t.modelVersion());
      }
    }
    r.scores().forEach((stage, s) -> stageScores.put(prefix + stage, s));
    return r;
  }

  private static List<String> ids(RankedList l) {
    List<String> out = new ArrayList<>(l.size());
    l.candidates().forEach(c -> out.add(c.docId()));
    return out;
  }

  /** Builds, remembers and queues the impression of a shown list (never blocks, never fails the request). */
  public void log(String impressionId, Surface surface, String key, String query, String userId, String sessionId,
           List<Candidate> shown, List<String> teams, String experimentId, Map<String, String> versions) {
    List<ImpressionItem> items = new ArrayList<>(shown.size());
    for (int i = 0; i < shown.size(); i++) {
      Candidate c = shown.get(i);
      double[] f = new double[c.featureCount()];
      for (int j = 0; j < f.length; j++) {
        f[j] = c.feature(j);
      }
      // The ranking policy is deterministic given its state (propensity 1); interleaving flips coins
      // whose probabilities are not tracked per placement (NaN = unknown).
      items.add(new ImpressionItem(c.docId(), i + 1, Double.isNaN(c.score()) ? 0 : c.score(), f,
          teams == null ? 1.0 : Double.NaN));
    }
    ImpressionEvent e = new ImpressionEvent(EventJson.SCHEMA_VERSION, impressionId, System.currentTimeMillis(), surface,
        key, query, userId, sessionId, collection.name(), items, versions,
        experimentId == null ? null : new ImpressionEvent.Experiment(experimentId, teams));
    recent.add(e);
    events.impression(e);
  }
}
