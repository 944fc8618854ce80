package io.rankstack.streaming.topology;

import io.rankstack.streaming.event.ImpressionEvent;
import io.rankstack.streaming.event.ImpressionItem;
import java.util.Arrays;
import java.util.Objects;

/**
 * An impression with the clicks that joined it inside the window: the outcome every learner
 * step sees. Immutable.
 *
 * <p>Examination follows the cascade assumption (Craswell et al., 2008): the person scans the list
 * top-down, so every position down to the last click was examined. With no click, the cascade
 * model says the whole list was scanned and nothing attracted: every shown position counts as
 * examined ({@link #examinedDepth()} = {@link ImpressionEvent#depth()}), which is the feedback a
 * cascading bandit receives when no item is clicked (Kveton et al., 2015).
 *
 * @param impression       the impression
 * @param clickedPositions the distinct clicked positions, ascending (a copy is kept)
 * @param closedAt         join time (epoch ms) at which the join window closed
 */
public record JoinedImpression(ImpressionEvent impression, int[] clickedPositions, long closedAt) {
  public JoinedImpression {
    Objects.requireNonNull(impression, "impression");
    clickedPositions = clickedPositions.clone();
    Arrays.sort(clickedPositions);
  }

  @Override
  public int[] clickedPositions() {
    return clickedPositions.clone();
  }

  public String contextKey() {
    return impression.contextKey();
  }

  /** Number of distinct clicks. */
  public int clickCount() {
    return clickedPositions.length;
  }

  /** Whether the item at 1-based {@code position} was clicked. */
  public boolean clicked(int position) {
    return Arrays.binarySearch(clickedPositions, position) >= 0;
  }

  /** The deepest examined position: the last click, or the list depth when nothing was clicked. */
  public int examinedDepth() {
    return clickedPositions.length == 0 ? impression.depth() : clickedPositions[clickedPositions.length - 1];
  }

  /** Whether 1-based {@code position} was examined under the cascade assumption. */
  public boolean examined(int position) {
    return position >= 1 && position <= examinedDepth();
  }

  /** The item shown at {@code position}, or null. */
  public ImpressionItem itemAt(int position) {
    return impression.itemAt(position);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JoinedImpression that && impression.equals(that.impression)
        && Arrays.equals(clickedPositions, that.clickedPositions) && closedAt == that.closedAt;
  }

  @Override
  public int hashCode() {
    return Objects.hash(impression, Arrays.hashCode(clickedPositions), closedAt);
  }

  @Override
  public String toString() {
    return "JoinedImpression[" + impression.impressionId() + ", clicked=" + Arrays.toString(clickedPositions)
        + ", examinedDepth=" + examinedDepth() + "]";
  }
}
