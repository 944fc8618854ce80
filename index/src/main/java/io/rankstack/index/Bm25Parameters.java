package io.rankstack.index;

/**
 * The two BM25 parameters (Robertson et al.), as Lucene's {@code BM25Similarity} uses them:
 * <pre>
 *   score(t, d) = idf(t) · freq / (freq + k1 · (1 − b + b · dl / avgdl))
 *   idf(t)      = ln(1 + (N − n + 0.5) / (n + 0.5))
 * </pre>
 * with freq the term's frequency in the field of d, dl the field length of d (stored lossily in one
 * byte: exact up to about 40 terms, within ~1/8 above), avgdl the field's average length, N the
 * number of documents with the field and n the number containing t. Lucene 9 omits the constant
 * (k1 + 1) factor of the textbook numerator; rankings are unchanged.
 *
 * <p>The defaults k1 = 0.9, b = 0.4 are Anserini's (after Trotman et al., "Improvements to BM25 and
 * Language Models Examined", ADCS 2014), which its published BEIR and TREC baselines use.
 *
 * @param k1 term-frequency saturation, finite and non-negative (0 ignores frequency)
 * @param b  length normalisation, in [0, 1] (0 ignores length)
 */
public record Bm25Parameters(float k1, float b) {
  /** k1 = 0.9, b = 0.4. */
  public static final Bm25Parameters DEFAULT = new Bm25Parameters(0.9f, 0.4f);

  public Bm25Parameters {
    if (!Float.isFinite(k1) || k1 < 0) {
      throw new IllegalArgumentException("illegal k1 value: " + k1 + ", must be a non-negative finite value");
    }
    if (Float.isNaN(b) || b < 0 || b > 1) {
      throw new IllegalArgumentException("illegal b value: " + b + ", must be between 0 and 1");
    }
  }
}
