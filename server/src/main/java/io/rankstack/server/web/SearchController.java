package io.rankstack.server.web;

import io.rankstack.server.events.ClickIntake;
import io.rankstack.server.experiment.Experiments;
import io.rankstack.server.recommend.RecommendService;
import io.rankstack.server.search.SearchResponse;
import io.rankstack.server.search.SearchService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public API: search, recommendations, click events and experiment summaries. */
@RestController
public class SearchController {
  /** Largest accepted {@code POST /v1/events} body. */
  static final int MAX_EVENTS_BODY_CHARS = 4 << 20;

  private final SearchService search;
  private final RecommendService recommend;
  private final ClickIntake clicks;
  private final Experiments experiments;

  public SearchController(SearchService search, RecommendService recommend, ClickIntake clicks, Experiments experiments) {
    this.search = search;
    this.recommend = recommend;
    this.clicks = clicks;
    this.experiments = experiments;
  }

  @Operation(summary = "Search: BM25 top 1000, features, LambdaMART top 100, bandit slate; logs the impression")
  @GetMapping(value = "/v1/search", produces = MediaType.APPLICATION_JSON_VALUE)
  public SearchResponse search(
      @Parameter(description = "query text (at most rankstack.search.max-query-length characters)") @RequestParam(required = false) String q,
      @Parameter(description = "results wanted, 1..rankstack.search.max-k (default 10)") @RequestParam(required = false) Integer k,
      @Parameter(description = "field=value, field=min..max, field>=min or field<=max; repeatable") @RequestParam(required = false) List<String> filter,
      @Parameter(description = "add feature values and per-stage scores to each item") @RequestParam(defaultValue = "false") boolean explain,
      @Parameter(description = "bm25, ltr or full (default full)") @RequestParam(required = false) String ranker,
      @Parameter(description = "user id, logged with the impression") @RequestParam(required = false) String user,
      @Parameter(description = "session id, logged with the impression") @RequestParam(required = false) String session,
      @Parameter(description = "join this interleaving experiment whatever the traffic draw") @RequestParam(required = false) String experiment) {
    return search.search(q, k, filter, explain, ranker, user, session, experiment);
  }

  @Operation(summary = "Recommendations for a user: recent-click similarity, popularity, bandit slate; logs the impression")
  @GetMapping(value = "/v1/recommend", produces = MediaType.APPLICATION_JSON_VALUE)
  public SearchResponse recommend(
      @Parameter(description = "user id (1-128 letters, digits, _ . : @ -)") @RequestParam(required = false) String user,
      @Parameter(description = "results wanted (default 10)") @RequestParam(required = false) Integer k,
      @Parameter(description = "the collection (default: the served one)") @RequestParam(required = false) String domain,
      @RequestParam(defaultValue = "false") boolean explain) {
    return recommend.recommend(user, k, domain, explain);
  }

  @Operation(summary = "Clicks: one click object or an array (impressionId, docId, position, optional contextKey, timestamp, dwellMillis, userId)")
  @PostMapping(value = "/v1/events", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<ClickIntake.Accepted> events(@RequestBody(required = false) String body) {
    if (body != null && body.length() > MAX_EVENTS_BODY_CHARS) {
      throw new PayloadTooLargeException("the body has " + body.length() + " characters; at most " + MAX_EVENTS_BODY_CHARS
          + " are accepted: send smaller batches");
    }
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(clicks.accept(body));
  }

  @Operation(summary = "Interleaving experiment summary: wins, ties and losses of ranker A, with the sign test")
  @GetMapping(value = "/v1/experiments/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  public Experiments.Summary experiment(@PathVariable String id) {
    return experiments.summary(id);
  }
}
