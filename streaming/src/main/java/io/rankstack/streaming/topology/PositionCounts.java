package io.rankstack.streaming.topology;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Per-position click and examination counts of one context, for propensity estimation: under the
 * cascade assumption the click-through rate at position p among examined impressions is
 * {@code clicks(p) / examinations(p)}. Immutable; positions are 1-based.
 *
 * @param impressions  joined impressions counted
 * @param clicks       clicks per position (index p-1)
 * @param examinations examinations per position (index p-1)
 */
public record PositionCounts(long impressions, long[] clicks, long[] examinations) {
  /** Binary codec version written first. */
  public static final byte CODEC_VERSION = 1;
  public static final PositionCounts EMPTY = new PositionCounts(0, new long[0], new long[0]);

  public PositionCounts {
    if (clicks.length != examinations.length) {
      throw new IllegalArgumentException("clicks and examinations differ in length");
    }
    clicks = clicks.clone();
    examinations = examinations.clone();
  }

  @Override
  public long[] clicks() {
    return clicks.clone();
  }

  @Override
  public long[] examinations() {
    return examinations.clone();
  }

  /** Deepest position with a count. */
  public int depth() {
    return clicks.length;
  }

  /** Clicks at 1-based {@code position} (0 beyond {@link #depth()}). */
  public long clicksAt(int position) {
    return position >= 1 && position <= clicks.length ? clicks[position - 1] : 0;
  }

  /** Examinations at 1-based {@code position} (0 beyond {@link #depth()}). */
  public long examinationsAt(int position) {
    return position >= 1 && position <= examinations.length ? examinations[position - 1] : 0;
  }

  /** Total clicks over all positions. */
  public long totalClicks() {
    return Arrays.stream(clicks).sum();
  }

  /** These counts plus one joined impression. */
  public PositionCounts plus(JoinedImpression j) {
    int depth = Math.max(this.clicks.length, j.examinedDepth());
    long[] c = Arrays.copyOf(this.clicks, depth);
    long[] e = Arrays.copyOf(this.examinations, depth);
    for (int p = 1; p <= j.examinedDepth(); p++) {
      e[p - 1]++;
    }
    for (int p : j.clickedPositions()) {
      c[p - 1]++;
    }
    return new PositionCounts(impressions + 1, c, e);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PositionCounts that && impressions == that.impressions
        && Arrays.equals(clicks, that.clicks) && Arrays.equals(examinations, that.examinations);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Long.hashCode(impressions) + Arrays.hashCode(clicks)) + Arrays.hashCode(examinations);
  }

  @Override
  public String toString() {
    return "PositionCounts[impressions=" + impressions + ", clicks=" + Arrays.toString(clicks)
        + ", examinations=" + Arrays.toString(examinations) + "]";
  }

  /** Binary serde: version byte, impressions, depth, then (clicks, examinations) per position. */
  public static Serde<PositionCounts> serde() {
    Serializer<PositionCounts> ser = (t, v) -> {
      if (v == null) {
        return null;
      }
      ByteBuffer b = ByteBuffer.allocate(1 + 8 + 4 + 16 * v.clicks.length);
      b.put(CODEC_VERSION).putLong(v.impressions).putInt(v.clicks.length);
      for (int i = 0; i < v.clicks.length; i++) {
        b.putLong(v.clicks[i]).putLong(v.examinations[i]);
      }
      return b.array();
    };
    Deserializer<PositionCounts> de = (t, bytes) -> {
      if (bytes == null) {
        return null;
      }
      ByteBuffer b = ByteBuffer.wrap(bytes);
      byte version = b.get();
      if (version != CODEC_VERSION) {
        throw new IllegalStateException("unknown PositionCounts codec version " + version);
      }
      long n = b.getLong();
      int d = b.getInt();
      long[] c = new long[d];
      long[] e = new long[d];
      for (int i = 0; i < d; i++) {
        c[i] = b.getLong();
        e[i] = b.getLong();
      }
      return new PositionCounts(n, c, e);
    };
    return Serdes.serdeFrom(ser, de);
  }
}
