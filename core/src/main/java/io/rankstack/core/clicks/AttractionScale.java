package io.rankstack.core.clicks;

import java.util.Arrays;

/**
 * The probability that an examined document is clicked, by grade, as in the DLA paper (Ai et al.,
 * SIGIR 2018) and ERR: {@code P(click | examined, y) = ε⁻ + (ε⁺ − ε⁻)·(2^y − 1)/(2^ymax − 1)}.
 * With the defaults ε⁻ = 0.1, ε⁺ = 1 and ymax = 4 this is [0.1, 0.16, 0.28, 0.52, 1.0] for
 * y = 0..4.
 */
public final class AttractionScale {
  /** The DLA paper's scale: ε⁻ = 0.1, ε⁺ = 1, ymax = 4. */
  public static final AttractionScale DEFAULT = new AttractionScale(0.1, 1.0, 4);

  private final double[] byGrade;

  /**
   * @param epsilonMinus click probability of an examined grade-0 document, in [0, 1]
   * @param epsilonPlus  click probability of an examined top-grade document, in [ε⁻, 1]
   * @param maxGrade     the top grade ymax, at least 1
   */
  public AttractionScale(double epsilonMinus, double epsilonPlus, int maxGrade) {
    if (!(epsilonMinus >= 0 && epsilonMinus <= epsilonPlus && epsilonPlus <= 1)) {
      throw new IllegalArgumentException("need 0 <= epsilonMinus <= epsilonPlus <= 1, got " + epsilonMinus + ", " + epsilonPlus);
    }
    if (maxGrade < 1 || maxGrade > 30) {
      throw new IllegalArgumentException("illegal maxGrade " + maxGrade + ", must be in [1, 30]");
    }
    byGrade = new double[maxGrade + 1];
    double denominator = Math.pow(2, maxGrade) - 1;
    for (int y = 0; y <= maxGrade; y++) {
      byGrade[y] = epsilonMinus + (epsilonPlus - epsilonMinus) * (Math.pow(2, y) - 1) / denominator;
    }
  }

  private AttractionScale(double[] byGrade) {
    this.byGrade = byGrade;
  }

  /** A scale given grade by grade (index = grade), each a probability. */
  public static AttractionScale of(double... byGrade) {
    if (byGrade.length < 2) {
      throw new IllegalArgumentException("need probabilities for at least grades 0 and 1");
    }
    for (double p : byGrade) {
      ClickModels.checkProbability(p, "attraction");
    }
    return new AttractionScale(byGrade.clone());
  }

  /** {@code P(click | examined, grade)}; negative grades as 0, grades above the top as the top. */
  public double probability(int grade) {
    return byGrade[Math.max(0, Math.min(grade, byGrade.length - 1))];
  }

  /** The top grade of this scale. */
  public int maxGrade() {
    return byGrade.length - 1;
  }

  /** The probabilities by grade. */
  public double[] toArray() {
    return byGrade.clone();
  }

  @Override
  public String toString() {
    return "AttractionScale" + Arrays.toString(byGrade);
  }
}
