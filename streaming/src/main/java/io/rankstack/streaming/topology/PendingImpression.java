package io.rankstack.streaming.topology;

import io.rankstack.streaming.event.ClickEvent;
import io.rankstack.streaming.event.EventJson;
import io.rankstack.streaming.event.ImpressionEvent;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Join state of one impression id (store {@code rankstack-join}): the impression once it arrived,
 * the distinct clicks seen so far (with their source offsets, for dead letters), and when the
 * entry expires. {@code closed} entries are kept one more window after their join window closed,
 * with no payload, so that duplicates and late clicks are recognised. Immutable.
 *
 * @param contextKey the context
 * @param impression the impression, or null while only clicks have arrived
 * @param clicks     the distinct clicks so far
 * @param deadline   join time (epoch ms) at which this entry is next looked at
 * @param closed     whether the join window already closed (entry kept only for dedupe)
 */
record PendingImpression(String contextKey, ImpressionEvent impression, List<SourcedClick> clicks, long deadline,
    boolean closed) {
  /**
   * Written first. 1: impression as JSON; 2: impression in {@link ImpressionBinary}, the rest with
   * {@code DataOutputStream} (modified-UTF-8 strings); 3: all of it in {@link BinaryWriter}'s layout
   * (the stream layers cost a tenth of the stream thread). 1 and 2 are still read.
   */
  static final byte CODEC_VERSION = 3;
  private static final byte CODEC_VERSION_DATA_STREAM = 2;
  private static final byte CODEC_VERSION_JSON = 1;

  PendingImpression {
    clicks = List.copyOf(clicks);
  }

  /** A click and where it was read from. */
  record SourcedClick(ClickEvent click, int partition, long offset) {}

  PendingImpression withClick(SourcedClick c) {
    List<SourcedClick> l = new ArrayList<>(clicks.size() + 1);
    l.addAll(clicks);
    l.add(c);
    return new PendingImpression(contextKey, impression, l, deadline, closed);
  }

  static Serde<PendingImpression> serde() {
    Serializer<PendingImpression> ser = (t, p) -> p == null ? null : write(p);
    Deserializer<PendingImpression> de = (t, b) -> b == null ? null : read(b);
    return Serdes.serdeFrom(ser, de);
  }

  private static byte[] write(PendingImpression p) {
    BinaryWriter o = new BinaryWriter(p.impression == null ? 64 : 512);
    o.writeByte(CODEC_VERSION);
    o.writeBoolean(p.closed);
    o.writeLong(p.deadline);
    o.writeString(p.contextKey);
    o.writeBoolean(p.impression != null);
    if (p.impression != null) {
      ImpressionBinary.write(o, p.impression);
    }
    o.writeInt(p.clicks.size());
    for (SourcedClick s : p.clicks) {
      ClickEvent c = s.click();
      o.writeString(c.impressionId());
      o.writeString(c.docId());
      o.writeInt(c.position());
      o.writeLong(c.timestamp());
      o.writeLong(c.dwellMillis());
      o.writeInt(s.partition());
      o.writeLong(s.offset());
    }
    return o.toByteArray();
  }

  private static PendingImpression read(byte[] b) {
    if (b.length > 0 && b[0] != CODEC_VERSION) {
      return readDataStream(b);
    }
    ByteBuffer in = ByteBuffer.wrap(b);
    in.get();
    boolean closed = in.get() != 0;
    long deadline = in.getLong();
    String contextKey = BinaryWriter.readString(in);
    ImpressionEvent imp = in.get() != 0 ? ImpressionBinary.read(in) : null;
    int n = in.getInt();
    List<SourcedClick> clicks = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String impressionId = BinaryWriter.readString(in);
      String docId = BinaryWriter.readString(in);
      int pos = in.getInt();
      long ts = in.getLong();
      long dwell = in.getLong();
      int part = in.getInt();
      long off = in.getLong();
      clicks.add(new SourcedClick(
          new ClickEvent(EventJson.SCHEMA_VERSION, impressionId, contextKey, docId, pos, ts, dwell), part, off));
    }
    return new PendingImpression(contextKey, imp, clicks, deadline, closed);
  }

  /** Codec versions 1 and 2, written by earlier releases. */
  private static PendingImpression readDataStream(byte[] b) {
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(b));
      byte v = in.readByte();
      if (v != CODEC_VERSION_DATA_STREAM && v != CODEC_VERSION_JSON) {
        throw new IllegalStateException("unknown join-state codec version " + v);
      }
      boolean closed = in.readBoolean();
      long deadline = in.readLong();
      String contextKey = in.readUTF();
      ImpressionEvent imp = null;
      if (v == CODEC_VERSION_JSON) {
        int len = in.readInt();
        if (len >= 0) {
          imp = EventJson.readImpression(in.readNBytes(len), null);
        }
      } else if (in.readBoolean()) {
        ByteBuffer rest = ByteBuffer.wrap(b, b.length - in.available(), in.available());
        int before = rest.position();
        imp = ImpressionBinary.read(rest); // version 2 wrote it in the same layout
        in.skipNBytes(rest.position() - before);
      }
      int n = in.readInt();
      List<SourcedClick> clicks = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String impressionId = in.readUTF();
        String docId = in.readUTF();
        int pos = in.readInt();
        long ts = in.readLong();
        long dwell = in.readLong();
        int part = in.readInt();
        long off = in.readLong();
        clicks.add(new SourcedClick(
            new ClickEvent(EventJson.SCHEMA_VERSION, impressionId, contextKey, docId, pos, ts, dwell), part, off));
      }
      return new PendingImpression(contextKey, imp, clicks, deadline, closed);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
