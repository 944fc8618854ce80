package io.rankstack.streaming.topology;

import java.time.Duration;

/**
 * How the join decides by time (see {@link LearnLoopTopology} for the rules).
 *
 * @param window       clicks at most this long after their impression join
 * @param grace        extra join time before a window closes, for out-of-order arrival
 * @param maxInputSkew how far the join time may lag the faster input topic once the slower one is
 *                     quiet: the longest a quiet topic holds windows open
 * @param quietInput   wall-clock time without a record from a topic after which it counts as
 *                     quiet; until then the join waits for it however far behind it is, as it must
 *                     while a lagging topic is still being read (a fetch that returned only the
 *                     other topic, a restart catching up)
 */
public record JoinSettings(Duration window, Duration grace, Duration maxInputSkew, Duration quietInput) {
  public JoinSettings {
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("join window must be > 0: " + window);
    }
    if (grace.isNegative()) {
      throw new IllegalArgumentException("grace must be >= 0: " + grace);
    }
    if (maxInputSkew.isNegative()) {
      throw new IllegalArgumentException("max input skew must be >= 0: " + maxInputSkew);
    }
    if (quietInput.isNegative()) {
      throw new IllegalArgumentException("quiet input time must be >= 0: " + quietInput);
    }
  }

  /**
   * Kafka Streams' stream time (the largest timestamp of either topic) as the join time: no skew,
   * every topic always quiet. For tests that state a join rule on one merged sequence of records.
   */
  public static JoinSettings streamTime(Duration window, Duration grace) {
    return new JoinSettings(window, grace, Duration.ZERO, Duration.ZERO);
  }
}
