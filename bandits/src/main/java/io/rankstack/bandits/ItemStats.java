package io.rankstack.bandits;

/**
 * Per-item Bernoulli counts shared by the count-based learners: T(e) observations and S(e)
 * attractive observations. Package-private helper; each learner owns one.
 */
final class ItemStats {
  final long[] pulls;
  final long[] clicks;
  final int listSize;
  long round;

  ItemStats(int numItems, int listSize) {
    if (numItems < 1) {
      throw new IllegalArgumentException("illegal number of items " + numItems + ", must be at least 1");
    }
    if (listSize < 1 || listSize > numItems) {
      throw new IllegalArgumentException("illegal list size " + listSize + ", must be in [1, " + numItems + "]");
    }
    this.pulls = new long[numItems];
    this.clicks = new long[numItems];
    this.listSize = listSize;
  }

  ItemStats(BanditState.Counts s) {
    this.pulls = s.pulls();
    this.clicks = s.clicks();
    this.listSize = s.listSize();
    this.round = s.round();
  }

  /**
   * Applies cascade feedback and calls {@code changed} for each updated item. The list must have
   * length K and distinct in-range ids.
   */
  void update(int[] list, int clickPosition, ItemListener changed) {
    if (list.length != listSize) {
      throw new IllegalArgumentException("illegal list length " + list.length + ", must be " + listSize);
    }
    checkList(list, pulls.length);
    int observed = CascadingBandit.observedCount(list.length, clickPosition);
    for (int k = 0; k < observed; k++) {
      int e = list[k];
      pulls[e]++;
      if (k == clickPosition) {
        clicks[e]++;
      }
      changed.itemChanged(e);
    }
    round++;
  }

  /** Item ids must be in [0, L) and distinct (O(K²), K is small). */
  static void checkList(int[] list, int numItems) {
    for (int k = 0; k < list.length; k++) {
      int e = list[k];
      if (e < 0 || e >= numItems) {
        throw new IllegalArgumentException("illegal item id " + e + " at position " + k + ", must be in [0, " + numItems + ")");
      }
      for (int j = 0; j < k; j++) {
        if (list[j] == e) {
          throw new IllegalArgumentException("item " + e + " appears twice in the list");
        }
      }
    }
  }

  BanditState.Counts snapshot(BanditState.Algorithm algorithm, double exploration, long seed) {
    return new BanditState.Counts(algorithm, listSize, round, exploration, seed, pulls, clicks);
  }

  @FunctionalInterface
  interface ItemListener {
    void itemChanged(int item);
  }
}
