package io.rankstack.eval.plot;

import java.awt.Color;

/** The series colours of every chart (the bandit charts' palette). */
final class Palette {
  private static final Color[] COLORS = {
      new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd),
      new Color(0xff7f0e), new Color(0x8c564b)};

  private Palette() {}

  static Color color(int i) {
    return COLORS[i % COLORS.length];
  }
}
