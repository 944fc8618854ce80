package io.rankstack.bandits;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * Compact versioned binary encoding of {@link BanditState}, for a key-value store (the streaming
 * layer keeps one state per context key) and for checkpoints.
 *
 * <p>Format version 1, big-endian: magic {@code 'R' 'S' 'B'}, version byte {@code 1}, kind byte
 * ({@code 1} counts, {@code 2} linear), then
 * <ul>
 *   <li>counts: algorithm byte (0 UCB1, 1 KL-UCB, 2 Thompson), varint K, varlong round, double
 *       exploration, long seed, varint L, then per item varlong T(e) and varlong T(e) - S(e);</li>
 *   <li>linear: varint L, varint K, varlong round, double λ, double α, varint d, d² doubles of M⁻¹
 *       (row-major), d doubles of b.</li>
 * </ul>
 * Varints are unsigned LEB128 (7 bits a byte), so an item seen a hundred times costs two bytes.
 * Decoding rejects a wrong magic, an unknown version or kind, truncated input and trailing bytes.
 */
public final class BanditStateCodec {
  /** The format version written by {@link #encode}. */
  public static final int VERSION = 1;
  private static final byte[] MAGIC = {'R', 'S', 'B'};
  private static final int KIND_COUNTS = 1;
  private static final int KIND_LINEAR = 2;

  private BanditStateCodec() {}

  public static byte[] encode(BanditState state) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.write(MAGIC);
      out.writeByte(VERSION);
      if (state instanceof BanditState.Counts c) {
        out.writeByte(KIND_COUNTS);
        out.writeByte(c.algorithm().ordinal());
        writeVarLong(out, c.listSize());
        writeVarLong(out, c.round());
        out.writeDouble(c.exploration());
        out.writeLong(c.seed());
        long[] pulls = c.pulls();
        long[] clicks = c.clicks();
        writeVarLong(out, pulls.length);
        for (int e = 0; e < pulls.length; e++) {
          writeVarLong(out, pulls[e]);
          writeVarLong(out, pulls[e] - clicks[e]);
        }
      } else {
        BanditState.Linear l = (BanditState.Linear) state;
        out.writeByte(KIND_LINEAR);
        writeVarLong(out, l.numItems());
        writeVarLong(out, l.listSize());
        writeVarLong(out, l.round());
        out.writeDouble(l.lambda());
        out.writeDouble(l.alpha());
        writeVarLong(out, l.dim());
        for (double v : l.gramInverse()) {
          out.writeDouble(v);
        }
        for (double v : l.b()) {
          out.writeDouble(v);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** @throws IllegalArgumentException on malformed input, naming what is wrong */
  public static BanditState decode(byte[] data) {
    ByteBuffer in = ByteBuffer.wrap(data);
    try {
      for (byte m : MAGIC) {
        if (in.get() != m) {
          throw new IllegalArgumentException("not a bandit state: bad magic");
        }
      }
      int version = in.get() & 0xff;
      if (version != VERSION) {
        throw new IllegalArgumentException("unsupported bandit state version " + version + ", this build reads " + VERSION);
      }
      int kind = in.get() & 0xff;
      BanditState state;
      if (kind == KIND_COUNTS) {
        int alg = in.get() & 0xff;
        BanditState.Algorithm[] algs = BanditState.Algorithm.values();
        if (alg >= algs.length) {
          throw new IllegalArgumentException("unknown algorithm code " + alg);
        }
        int listSize = toInt(readVarLong(in));
        long round = readVarLong(in);
        double exploration = in.getDouble();
        long seed = in.getLong();
        int n = toInt(readVarLong(in));
        if (n > in.remaining()) {
          throw new IllegalArgumentException("truncated bandit state: " + n + " items declared");
        }
        long[] pulls = new long[n];
        long[] clicks = new long[n];
        for (int e = 0; e < n; e++) {
          pulls[e] = readVarLong(in);
          clicks[e] = pulls[e] - readVarLong(in);
        }
        state = new BanditState.Counts(algs[alg], listSize, round, exploration, seed, pulls, clicks);
      } else if (kind == KIND_LINEAR) {
        int numItems = toInt(readVarLong(in));
        int listSize = toInt(readVarLong(in));
        long round = readVarLong(in);
        double lambda = in.getDouble();
        double alpha = in.getDouble();
        int d = toInt(readVarLong(in));
        if ((long) d * d * 8 > in.remaining()) {
          throw new IllegalArgumentException("truncated bandit state: d = " + d + " declared");
        }
        double[] m = new double[d * d];
        for (int i = 0; i < m.length; i++) {
          m[i] = in.getDouble();
        }
        double[] b = new double[d];
        for (int i = 0; i < d; i++) {
          b[i] = in.getDouble();
        }
        state = new BanditState.Linear(numItems, listSize, round, lambda, alpha, d, m, b);
      } else {
        throw new IllegalArgumentException("unknown bandit state kind " + kind);
      }
      if (in.hasRemaining()) {
        throw new IllegalArgumentException("bandit state has " + in.remaining() + " trailing bytes");
      }
      return state;
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("truncated bandit state", e);
    }
  }

  private static int toInt(long v) {
    if (v > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("value " + v + " out of range");
    }
    return (int) v;
  }

  private static void writeVarLong(DataOutputStream out, long v) throws IOException {
    if (v < 0) {
      throw new IllegalArgumentException("negative varint " + v);
    }
    while ((v & ~0x7FL) != 0) {
      out.writeByte((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.writeByte((int) v);
  }

  private static long readVarLong(ByteBuffer in) {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      byte b = in.get();
      v |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
    }
    throw new IllegalArgumentException("malformed varint");
  }
}
