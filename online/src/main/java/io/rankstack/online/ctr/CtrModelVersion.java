package io.rankstack.online.ctr;

import java.util.List;
import java.util.Map;

/**
 * One published model: an immutable snapshot (nothing trains it after publication) with the
 * checkpoint version and the input offsets it was trained up to.
 */
public record CtrModelVersion(long version, CtrModel model, Map<Integer, Long> offsets, long trained) {
  public CtrModelVersion {
    offsets = Map.copyOf(offsets);
  }

  /** Click probabilities from this version. */
  public float[] score(List<CtrExample> candidates) {
    return model.predict(candidates);
  }
}
