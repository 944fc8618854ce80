package io.rankstack.online.bandit;

import io.rankstack.bandits.BanditState;
import io.rankstack.bandits.BanditStateCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Binary form of a {@link ContextBandit}, version 1: magic {@code RSC}, version byte, algorithm
 * ordinal, K, the number of documents n, the n document ids (modified UTF-8), then, when n > 0, the
 * length-prefixed {@link BanditStateCodec} encoding of the counts (round, T(e), clicks), so the
 * counts' format is the bandits module's one. Changing the layout means a new version; old
 * versions stay readable.
 */
public final class ContextBanditCodec {
  /** The version {@link #encode} writes. */
  public static final int VERSION = 1;
  private static final byte[] MAGIC = {'R', 'S', 'C'};

  private ContextBanditCodec() {}

  public static byte[] encode(ContextBandit state) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.write(MAGIC);
      out.writeByte(VERSION);
      out.writeByte(state.algorithm().ordinal());
      out.writeInt(state.listSize());
      out.writeInt(state.docIds().size());
      for (String id : state.docIds()) {
        out.writeUTF(id);
      }
      BanditState.Counts counts = state.toBanditState();
      if (counts != null) {
        byte[] c = BanditStateCodec.encode(counts);
        out.writeInt(c.length);
        out.write(c);
      } else {
        out.writeLong(state.round());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** @throws IllegalArgumentException on malformed bytes, naming what is wrong */
  public static ContextBandit decode(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      for (byte m : MAGIC) {
        if (in.readByte() != m) {
          throw new IllegalArgumentException("not a context bandit state: bad magic");
        }
      }
      int version = in.readUnsignedByte();
      if (version != VERSION) {
        throw new IllegalArgumentException("unsupported context bandit version " + version + ", this build reads " + VERSION);
      }
      int alg = in.readUnsignedByte();
      BanditState.Algorithm[] algs = BanditState.Algorithm.values();
      if (alg >= algs.length) {
        throw new IllegalArgumentException("unknown algorithm code " + alg);
      }
      int k = in.readInt();
      int n = in.readInt();
      if (n < 0 || n > data.length) {
        throw new IllegalArgumentException("corrupt document count " + n);
      }
      List<String> ids = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        ids.add(in.readUTF());
      }
      if (n == 0) {
        return new ContextBandit(algs[alg], k, in.readLong(), ids, new long[0], new long[0]);
      }
      int len = in.readInt();
      if (len < 0 || len > in.available()) {
        throw new IllegalArgumentException("truncated counts: " + len + " bytes declared, " + in.available() + " left");
      }
      byte[] c = in.readNBytes(len);
      BanditState.Counts counts = (BanditState.Counts) BanditStateCodec.decode(c);
      if (counts.pulls().length != n) {
        throw new IllegalArgumentException("counts for " + counts.pulls().length + " items but " + n + " document ids");
      }
      return new ContextBandit(algs[alg], k, counts.round(), ids, counts.pulls(), counts.clicks());
    } catch (EOFException e) {
      throw new IllegalArgumentException("truncated context bandit state", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A Kafka serde over this codec (null stays null). */
  public static Serde<ContextBandit> serde() {
    return Serdes.serdeFrom((topic, v) -> v == null ? null : encode(v), (topic, b) -> b == null ? null : decode(b));
  }
}
