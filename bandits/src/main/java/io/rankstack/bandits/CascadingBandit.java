package io.rankstack.bandits;

/**
 * A learner for cascading bandits (Kveton et al., ICML 2015): each round it chooses an ordered list
 * of K distinct items out of L, and learns from cascade feedback. Only observed items are updated:
 * the items above the click (observed unattractive, weight 0), and the clicked item (attractive,
 * weight 1); items below the click are not observed. With no click all K items are observed
 * unattractive.
 *
 * <p>Round numbers are 1-based: {@link #select()} chooses the list of round t = {@link #round()} + 1
 * and {@link #update} completes it. Implementations are not thread-safe; each is a plain object
 * whose whole learning state is {@link #state()}, restorable exactly with {@link BanditStates#restore}.
 */
public interface CascadingBandit {
  /** Click position meaning "no item was clicked". */
  int NO_CLICK = CascadeModel.NO_CLICK;

  /** L, the number of items. */
  int numItems();

  /** K, the length of every list. */
  int listSize();

  /** The number of completed rounds (updates). */
  long round();

  /** The list for round {@link #round()} + 1: K distinct item ids, position 0 first. */
  int[] select();

  /**
   * Learns from the feedback of one round: {@code clickPosition} is the 0-based position of the
   * click in {@code list}, or {@link #NO_CLICK}. Items at positions {@code 0..clickPosition-1} (all
   * positions when there is no click) are updated with weight 0 and the clicked one with weight 1.
   */
  void update(int[] list, int clickPosition);

  /** A snapshot of the learning state (a value: later rounds do not change it). */
  BanditState state();

  /** The number of positions observed for a feedback: C for a click at C, K without a click. */
  static int observedCount(int listLength, int clickPosition) {
    if (clickPosition < NO_CLICK || clickPosition >= listLength) {
      throw new IllegalArgumentException("illegal click position " + clickPosition + " for a list of " + listLength);
    }
    return clickPosition == NO_CLICK ? listLength : clickPosition + 1;
  }
}
