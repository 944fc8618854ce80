package io.rankstack.ltr.tsp;

/** Which TSPRank objective a training run optimises (see {@link TspLosses}). */
public enum TrainingMode {
  /** Row-wise softmax cross-entropy against each item's gold successor. */
  LOCAL,
  /** Structured max-margin with exact loss-augmented decoding. */
  GLOBAL,
  /** Alternating batches: even-numbered batches local, odd-numbered global. */
  HYBRID
}
