package io.rankstack.rerank;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * A batch of encoded pairs (and their first-stage features) ready to become the block's inputs:
 * padded to the longest pair of the batch, not to the model's maximum, since attention cost grows
 * with the square of the length.
 */
record PairBatch(List<EncodedPair> pairs, float[][] features) {
  PairBatch {
    if (pairs.isEmpty()) {
      throw new IllegalArgumentException("empty batch");
    }
    if (features != null && features.length != pairs.size()) {
      throw new IllegalArgumentException(features.length + " feature rows for " + pairs.size() + " pairs");
    }
  }

  /** Token ids, segment ids, padding mask and (when {@code featureCount > 0}) features, in engine-owned memory. */
  NDList toNDList(NDManager m, int featureCount) {
    int b = pairs.size();
    int len = 0;
    for (EncodedPair p : pairs) {
      len = Math.max(len, p.length());
    }
    long[] tokens = new long[b * len];
    long[] types = new long[b * len];
    float[] mask = new float[b * len];
    for (int i = 0; i < b; i++) {
      EncodedPair p = pairs.get(i);
      for (int k = 0; k < p.length(); k++) {
        tokens[i * len + k] = p.tokens()[k];
        types[i * len + k] = p.types()[k];
        mask[i * len + k] = 1f;
      }
    }
    Shape s = new Shape(b, len);
    NDList list = new NDList(Tensors.owned(m, tokens, s), Tensors.owned(m, types, s), Tensors.owned(m, mask, s));
    if (featureCount > 0) {
      float[] f = new float[b * featureCount];
      for (int i = 0; i < b; i++) {
        if (features == null || features[i].length != featureCount) {
          throw new IllegalArgumentException("pair " + i + " needs " + featureCount + " first-stage features, has "
              + (features == null ? 0 : features[i].length));
        }
        System.arraycopy(features[i], 0, f, i * featureCount, featureCount);
      }
      list.add(Tensors.owned(m, f, new Shape(b, featureCount)));
    }
    return list;
  }
}
