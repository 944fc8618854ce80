package io.rankstack.server.pipeline;

/**
 * Thrown by a stage that chose not to act on this request (no model yet, its own budget ran out):
 * the {@link Pipeline} passes the input through and reports the message alone as the reason, since
 * this is an expected state rather than a fault.
 */
public final class StagePassThrough extends RuntimeException {
  public StagePassThrough(String reason) {
    super(reason, null, false, false);
  }
}
