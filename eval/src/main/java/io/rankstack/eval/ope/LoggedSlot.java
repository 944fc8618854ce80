package io.rankstack.eval.ope;

/**
 * One shown action of a logged impression: what was shown where, how likely the logging policy was
 * to show it there, and the reward it earned (a click is 1, no click 0).
 *
 * @param action     the shown item
 * @param position   1-based slot it was shown in
 * @param propensity the logging policy's probability of showing {@code action} at {@code position}
 *                   in this context, in (0, 1]
 * @param reward     the observed reward, finite
 */
public record LoggedSlot(String action, int position, double propensity, double reward) {
  public LoggedSlot {
    if (action == null) {
      throw new IllegalArgumentException("action must not be null");
    }
    if (position < 1) {
      throw new IllegalArgumentException("position must be at least 1: " + position);
    }
    if (!(propensity > 0 && propensity <= 1)) {
      throw new IllegalArgumentException("propensity must be in (0, 1]: " + propensity);
    }
    if (!Double.isFinite(reward)) {
      throw new IllegalArgumentException("reward must be finite: " + reward);
    }
  }
}
