package io.rankstack.streaming.topology;

import java.nio.ByteBuffer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Counts of one document in one context (CTR features): joined impressions that showed it, that
 * examined it (cascade assumption), and that clicked it. Immutable.
 */
public record DocCounts(long shown, long examined, long clicks) {
  public static final DocCounts ZERO = new DocCounts(0, 0, 0);

  public DocCounts plus(boolean examined, boolean clicked) {
    return new DocCounts(shown + 1, this.examined + (examined ? 1 : 0), clicks + (clicked ? 1 : 0));
  }

  /** Clicks per examination, or NaN before the first examination. */
  public double examinedCtr() {
    return examined == 0 ? Double.NaN : (double) clicks / examined;
  }

  /** Binary serde: three big-endian longs. */
  public static Serde<DocCounts> serde() {
    Serializer<DocCounts> ser = (t, v) -> v == null ? null
        : ByteBuffer.allocate(24).putLong(v.shown).putLong(v.examined).putLong(v.clicks).array();
    Deserializer<DocCounts> de = (t, b) -> {
      if (b == null) {
        return null;
      }
      ByteBuffer bb = ByteBuffer.wrap(b);
      return new DocCounts(bb.getLong(), bb.getLong(), bb.getLong());
    };
    return Serdes.serdeFrom(ser, de);
  }

  /** The store key of (context, document): the context, a NUL, the document id. */
  public static String key(String contextKey, String docId) {
    return contextKey + '\u0000' + docId;
  }

  /** The prefix of every key of one context. */
  public static String prefix(String contextKey) {
    return contextKey + '\u0000';
  }
}
