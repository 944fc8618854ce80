package io.rankstack.ltr;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Small generated learning-to-rank data: grade depends on features 0 and 1 nonlinearly; feature 2 is noise. */
public final class SyntheticLetor {
  private SyntheticLetor() {}

  public static LetorDataset make(String name, int queries, int docsPerQuery, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<LetorRow> rows = new ArrayList<>();
    for (int q = 0; q < queries; q++) {
      for (int d = 0; d < docsPerQuery; d++) {
        float a = (float) rng.nextDouble();
        float b = (float) rng.nextDouble();
        float noise = (float) rng.nextDouble();
        double u = a * a + (b > 0.5 ? 0.5 : 0) + 0.2 * rng.nextDouble();
        int grade = u > 1.1 ? 3 : u > 0.8 ? 2 : u > 0.5 ? 1 : 0;
        rows.add(new LetorRow(name + q, grade, new float[] {a, b, noise}, "d" + d));
      }
    }
    return new LetorDataset(name, 3, rows);
  }
}
