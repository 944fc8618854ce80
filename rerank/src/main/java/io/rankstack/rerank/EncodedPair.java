package io.rankstack.rerank;

/**
 * A tokenised query–document pair: token ids and segment ids (0 query part, 1 document part), same
 * length, no padding. Arrays are not copied: treat them as read-only.
 */
public record EncodedPair(int[] tokens, int[] types) {
  public EncodedPair {
    if (tokens.length != types.length || tokens.length == 0) {
      throw new IllegalArgumentException("tokens and types must be non-empty and of equal length");
    }
  }

  public int length() {
    return tokens.length;
  }
}
