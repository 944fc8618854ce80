package io.rankstack.server.pipeline;

import io.rankstack.core.RankedList;

/**
 * One ranking stage of the serving pipeline: takes the ranked list of the stage before and returns
 * its own. A stage may reorder, rescore, cut or add features; the {@link Pipeline} runs it under a
 * time budget and passes its input through when it throws or runs over, so a stage never fails a
 * request. Implementations are thread-safe (one instance serves every request).
 *
 * <p>A stage that decides not to act (no model yet) throws {@link StagePassThrough}: the trace then
 * shows its reason without an exception class.
 */
public interface Stage {
  /** Short name shown in the {@code stages} trace and the latency metric's tag. */
  String name();

  /** The version of the model behind the stage for this request, or the empty string when none. */
  String version(RequestContext context);

  /**
   * The stage's own time budget, or empty for the pipeline's ({@code search.stage-budget-ms}). A
   * stage with an expensive model (the neural reranker) sets its own.
   */
  default java.util.Optional<java.time.Duration> budget() {
    return java.util.Optional.empty();
  }

  /**
   * The stage's list for this request.
   *
   * @throws Exception anything: the pipeline reports it and passes {@code input} through
   */
  RankedList apply(RequestContext context, RankedList input) throws Exception;
}
