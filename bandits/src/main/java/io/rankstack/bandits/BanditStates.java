package io.rankstack.bandits;

/** Turns a {@link BanditState} back into the learner it was taken from. */
public final class BanditStates {
  private BanditStates() {}

  /** Restores a count-based learner (CascadeUCB1, CascadeKL-UCB or cascading Thompson sampling). */
  public static CascadingBandit restore(BanditState.Counts state) {
    return switch (state.algorithm()) {
      case UCB1 -> CascadeUcb1.restore(state);
      case KL_UCB -> CascadeKlUcb.restore(state);
      case THOMPSON -> CascadeThompson.restore(state);
    };
  }

  /**
   * Restores any learner; {@code features} is needed (and used) only for a linear state.
   */
  public static CascadingBandit restore(BanditState state, double[][] features) {
    if (state instanceof BanditState.Counts c) {
      return restore(c);
    }
    return CascadeLinUcb.restore((BanditState.Linear) state, features);
  }
}
