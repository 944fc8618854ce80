package io.rankstack.online.ctr;

import io.rankstack.streaming.topology.TrainingExample;
import java.util.function.Function;

/**
 * Turns the learn loop's {@link TrainingExample} into a {@link CtrExample}: three categorical
 * fields (the context key, the document id, the position as text) and the example's feature vector
 * as dense features. The domain is unknown (-1): the router finds the distributions itself.
 */
public final class TrainingExampleFeatures implements Function<TrainingExample, CtrExample> {
  /** The categorical fields this mapping produces. */
  public static final int CATEGORICAL_FIELDS = 3;
  private final int denseFeatures;

  /** @param denseFeatures the length every example's feature vector must have */
  public TrainingExampleFeatures(int denseFeatures) {
    if (denseFeatures < 0) {
      throw new IllegalArgumentException("denseFeatures must be >= 0");
    }
    this.denseFeatures = denseFeatures;
  }

  public int denseFeatures() {
    return denseFeatures;
  }

  @Override
  public CtrExample apply(TrainingExample t) {
    double[] f = t.features();
    if (f.length != denseFeatures) {
      throw new IllegalArgumentException("training example " + t.impressionId() + "/" + t.docId() + " has "
          + f.length + " features, expected " + denseFeatures);
    }
    float[] d = new float[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = (float) f[i];
    }
    return new CtrExample(new String[] {t.contextKey(), t.docId(), Integer.toString(t.position())}, d, t.label(), -1);
  }
}
