package io.rankstack.server.recommend;

import io.rankstack.core.Candidate;
import io.rankstack.core.Document;
import io.rankstack.core.Query;
import io.rankstack.core.RankedList;
import io.rankstack.index.Bm25Searcher;
import io.rankstack.index.IndexFields;
import io.rankstack.server.config.RankstackProperties;
import io.rankstack.server.events.ClickStats;
import io.rankstack.server.pipeline.Pipeline;
import io.rankstack.server.pipeline.RequestContext;
import io.rankstack.server.pipeline.StageTrace;
import io.rankstack.server.search.BadRequestException;
import io.rankstack.server.search.Collection;
import io.rankstack.server.search.ResponseItems;
import io.rankstack.server.search.SearchResponse;
import io.rankstack.server.search.Validation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * {@code /v1/recommend}: candidates from the user's recent clicks (documents similar to each, found
 * with the clicked document's title and opening words as a BM25 query), from popularity (clicks on
 * this instance), and, when neither gives enough, from the collection in index order; then the
 * {@code recommend} pipeline (the bandit slate over the user's context {@code user:<id>}).
 * Candidate scores: similarity as a share of the best similar document's BM25 score, popularity as
 * a share of the most clicked document's count, 0 for the fallback; the highest source wins.
 */
public final class RecommendService {
  private static final int SIMILAR_PER_CLICK = 20;
  private static final int RECENT_USED = 5;
  private static final int QUERY_WORDS = 40;

  private final RankstackProperties props;
  private final Collection collection;
  private final Pipeline pipeline;
  private final ClickStats clicks;
  private final ResponseItems responseItems;
  private final ImpressionLogger logger;

  /** Logs a recommendation impression (the search service's logger). */
  @FunctionalInterface
  public interface ImpressionLogger {
    void log(String impressionId, String key, String userId, List<Candidate> shown, Map<String, String> versions);
  }

  public RecommendService(RankstackProperties props, Collection collection, Pipeline pipeline, ClickStats clicks,
                          ResponseItems responseItems, ImpressionLogger logger) {
    this.props = props;
    this.collection = collection;
    this.pipeline = pipeline;
    this.clicks = clicks;
    this.responseItems = responseItems;
    this.logger = logger;
  }

  /** The context key of a user's recommendations. */
  public static String contextKey(String user) {
    return "user:" + user;
  }

  public SearchResponse recommend(String user, Integer k, String domain, boolean explain) {
    Validation.id("user", user);
    int size = Validation.k(k, props.search().maxK());
    if (domain != null && !domain.equals(collection.name())) {
      throw new BadRequestException("domain", "unknown domain '" + domain + "'; this server serves '" + collection.name() + "'");
    }
    String key = contextKey(user);
    int pool = Math.max(size, props.bandit().poolSize());
    try (Bm25Searcher searcher = collection.acquire()) {
      long t0 = System.nanoTime();
      Map<String, Double> score = new HashMap<>();
      Map<String, String> source = new HashMap<>();
      List<String> recent = clicks.recent(user);
      Set<String> seen = new HashSet<>(recent);
      for (String clicked : recent.subList(0, Math.min(RECENT_USED, recent.size()))) {
        Document d = searcher.document(clicked).orElse(null);
        if (d == null) {
          continue;
        }
        String text = words(d.field("title") + " " + d.field("text"));
        if (text.isBlank()) {
          continue;
        }
        RankedList similar = searcher.search(new Query("similar", text), SIMILAR_PER_CLICK + 1);
        double best = similar.size() == 0 ? 1 : similar.atRank(1).score();
        for (Candidate c : similar.candidates()) {
          if (!seen.contains(c.docId())) {
            offer(score, source, c.docId(), best > 0 ? c.score() / best : 0, "similar:" + clicked);
          }
        }
      }
      List<Map.Entry<String, Long>> popular = clicks.popular(pool);
      long most = popular.isEmpty() ? 1 : popular.get(0).getValue();
      for (Map.Entry<String, Long> e : popular) {
        if (!seen.contains(e.getKey()) && searcher.document(e.getKey()).isPresent()) {
          offer(score, source, e.getKey(), (double) e.getValue() / most, "popular");
        }
      }
      if (score.size() < pool) {
        TopDocs td = searcher.indexSearcher().search(new MatchAllDocsQuery(), pool + seen.size());
        for (ScoreDoc sd : td.scoreDocs) {
          String id = searcher.indexSearcher().storedFields().document(sd.doc).get(IndexFields.ID);
          if (id != null && !seen.contains(id) && !score.containsKey(id)) {
            offer(score, source, id, 0, "fallback");
            if (score.size() >= pool) {
              break;
            }
          }
        }
      }
      List<Candidate> cands = new ArrayList<>();
      score.forEach((id, s) -> cands.add(new Candidate(id, s)));
      RankedList candidates = RankedList.sortedByScore(key, cands);
      List<StageTrace> trace = new ArrayList<>();
      trace.add(new StageTrace("candidates", (System.nanoTime() - t0) / 1000, 0, candidates.size(),
          "recent " + Math.min(RECENT_USED, recent.size()) + ", popular " + popular.size(), false, null));
      Pipeline.Result r = pipeline.run(new RequestContext(new Query("user", ""), key, searcher), candidates, explain);
      trace.addAll(r.trace());
      Map<String, String> versions = new LinkedHashMap<>();
      for (StageTrace t : r.trace()) {
        if (!t.modelVersion().isEmpty() && !t.passedThrough()) {
          versions.put(t.stage(), t.modelVersion());
        }
      }
      List<Candidate> shown = r.ranking().top(size).candidates();
      List<String> sources = new ArrayList<>();
      shown.forEach(c -> sources.add(source.get(c.docId())));
      Map<String, Map<String, Double>> stageScores = new LinkedHashMap<>(r.scores());
      List<SearchResponse.Item> items = responseItems.build(searcher, null, shown, null, sources, explain, stageScores);
      String impressionId = shown.isEmpty() ? null : UUID.randomUUID().toString();
      if (impressionId != null) {
        logger.log(impressionId, key, user, shown, versions);
      }
      return new SearchResponse(impressionId, key, pipeline.name(), candidates.size(), true, items, trace, versions, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void offer(Map<String, Double> score, Map<String, String> source, String id, double s, String from) {
    Double old = score.get(id);
    if (old == null || s > old) {
      score.put(id, s);
      source.put(id, from);
    }
  }

  private static String words(String text) {
    String[] w = text.strip().split("\\s+");
    return String.join(" ", java.util.Arrays.asList(w).subList(0, Math.min(QUERY_WORDS, w.length)));
  }
}
