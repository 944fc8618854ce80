package io.rankstack.rerank;

/**
 * The cross-encoder's architecture. Stored in {@code model.json} and compared before parameters are
 * loaded: DJL's loader reports a mismatched architecture only as a misleading version error.
 *
 * @param head           graded (11 outputs) or binary (2)
 * @param layers         Transformer encoder layers, at least 1
 * @param hidden         width d of the token embeddings, at least 2
 * @param heads          attention heads, dividing {@code hidden}
 * @param maxLength      tokens per pair including [CLS] and two [SEP], at least 8
 * @param maxQueryTokens query tokens kept, at least 1 and at most maxLength − 4
 * @param featureCount   first-stage features that enter the head next to the pooled [CLS] vector, 0 for none
 * @param vocabularySize size of the token id space (see {@link Tokenizer#idCount()}), at least 4
 */
public record ArchitectureConfig(ScoreHead head, int layers, int hidden, int heads, int maxLength, int maxQueryTokens,
                                 int featureCount, int vocabularySize) {
  public ArchitectureConfig {
    if (head == null) {
      throw new IllegalArgumentException("head is required");
    }
    if (layers < 1) {
      throw new IllegalArgumentException("illegal layers " + layers + ", must be at least 1");
    }
    if (hidden < 2 || heads < 1 || hidden % heads != 0) {
      throw new IllegalArgumentException("illegal hidden " + hidden + " / heads " + heads + ": heads must divide hidden");
    }
    if (maxLength < 8) {
      throw new IllegalArgumentException("illegal maxLength " + maxLength + ", must be at least 8");
    }
    if (maxQueryTokens < 1 || maxQueryTokens > maxLength - 4) {
      throw new IllegalArgumentException("illegal maxQueryTokens " + maxQueryTokens + ", must be in [1, maxLength − 4]");
    }
    if (featureCount < 0) {
      throw new IllegalArgumentException("illegal featureCount " + featureCount + ", must be non-negative");
    }
    if (vocabularySize < 4) {
      throw new IllegalArgumentException("illegal vocabularySize " + vocabularySize + ", must be at least 4");
    }
  }

  public ArchitectureConfig withHead(ScoreHead h) {
    return new ArchitectureConfig(h, layers, hidden, heads, maxLength, maxQueryTokens, featureCount, vocabularySize);
  }
}
