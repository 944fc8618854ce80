package io.rankstack.server.pipeline;

import io.rankstack.core.Candidate;
import io.rankstack.core.RankedList;
import io.rankstack.core.Document;
import io.rankstack.rerank.RerankResult;
import io.rankstack.server.model.RerankRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The cross-encoder reranker (rerank module) over LambdaMART's top {@code topN}: the top N are
 * rescored with the model's ranking score and reordered (equal scores keep LambdaMART's order); the
 * candidates below stay below them in their order. The reranker checks its own time budget before
 * each batch and passes LambdaMART's list through when it runs out; the pipeline stops waiting a
 * little later ({@link #budget()}), so a forward pass that overruns is cut off too.
 *
 * <p>Before a model exists (the default one is trained in the background at the first start) the
 * stage passes through with the reason "no model yet".
 */
public final class NeuralRerankStage implements Stage {
  /** Time the pipeline allows on top of the reranker's own budget for the batch that crosses it. */
  static final Duration SLACK = Duration.ofMillis(50);
  private final RerankRegistry registry;
  private final int topN;
  private final Duration budget;

  public NeuralRerankStage(RerankRegistry registry, int topN, Duration budget) {
    this.registry = Objects.requireNonNull(registry);
    if (topN < 1) {
      throw new IllegalArgumentException("topN must be >= 1");
    }
    this.topN = topN;
    this.budget = Objects.requireNonNull(budget);
  }

  @Override
  public String name() {
    return "rerank";
  }

  @Override
  public String version(RequestContext context) {
    RerankRegistry.Active a = registry.active();
    return a == null ? "" : a.version();
  }

  @Override
  public Optional<Duration> budget() {
    return Optional.of(budget.plus(SLACK));
  }

  @Override
  public RankedList apply(RequestContext context, RankedList input) {
    RerankRegistry.Active a = registry.active();
    if (a == null) {
      throw new StagePassThrough("no model yet (the default reranker is training, or train one: POST /v1/admin/rerank/training)");
    }
    int n = Math.min(topN, input.size());
    RankedList head = input.top(n);
    RerankResult r = a.reranker().rerank(context.query(), head, id -> text(context, id), budget);
    if (r.passedThrough()) {
      throw new StagePassThrough(r.reason());
    }
    List<Candidate> out = new ArrayList<>(r.list().candidates());
    out.addAll(input.candidates().subList(n, input.size()));
    return new RankedList(input.queryId(), out);
  }

  /** Title and body, as the reranker was trained on (see {@code RerankTraining}). */
  static String text(RequestContext context, String docId) {
    return context.searcher().document(docId).map(NeuralRerankStage::text).orElse(null);
  }

  /** The text the cross-encoder reads for a document: its title, then its text (or contents). */
  public static String text(Document d) {
    String title = d.field("title");
    String body = d.field("text");
    if (body.isEmpty()) {
      body = d.field("contents");
    }
    return title.isEmpty() ? body : title + " " + body;
  }
}
