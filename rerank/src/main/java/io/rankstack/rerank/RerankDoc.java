package io.rankstack.rerank;

/**
 * One training or validation document of a query.
 *
 * @param docId    document id
 * @param text     the text the cross-encoder reads (title and body)
 * @param grade    the judged grade, 0 for non-relevant or unjudged; relevant means grade &gt; 0
 * @param target   the fine-grained target 0..10 of the graded head (see {@link TargetScores})
 * @param features first-stage features (length = the architecture's featureCount), never null
 */
public record RerankDoc(String docId, String text, int grade, int target, float[] features) {
  public RerankDoc {
    if (docId == null || text == null || features == null) {
      throw new IllegalArgumentException("docId, text and features are required");
    }
    if (target < 0 || target > ScoreHead.MAX_SCORE) {
      throw new IllegalArgumentException("target " + target + " of " + docId + " is outside 0..10");
    }
  }

  public boolean relevant() {
    return grade > 0;
  }
}
