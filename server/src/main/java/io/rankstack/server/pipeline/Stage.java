package io.rankstack.server.pipeline;

import io.rankstack.core.RankedList;

/**
 * One ranking stage of the serving pipeline: takes the ranked list of the stage before and returns
 * its own. A stage may reorder, rescore, cut or add features; the {@link Pipeline} runs it under a
 * time budget and passes its input through when it throws or runs over, so a stage never fails a
 * request. Implementations are thread-safe (one instance serves every request).
 *
 * <p>The neural reranker and the CTR model plug in here when their modules land: each is one more
 * implementation added to the pipeline in {@code PipelineFactory}.
 */
public interface Stage {
  /** Short name shown in the {@code stages} trace and the latency metric's tag. */
  String name();

  /** The version of the model behind the stage for this request, or the empty string when none. */
  String version(RequestContext context);

  /**
   * The stage's list for this request.
   *
   * @throws Exception anything: the pipeline reports it and passes {@code input} through
   */
  RankedList apply(RequestContext context, RankedList input) throws Exception;
}
