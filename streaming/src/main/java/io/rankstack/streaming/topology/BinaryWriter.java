package io.rankstack.streaming.topology;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable big-endian byte writer for the join state's codec, the writing half of a
 * {@link ByteBuffer}: the same layout {@code DataOutputStream} writes for ints, longs and doubles,
 * without its stream layers (it was a tenth of the stream thread's time, profiled in
 * docs/benchmarks.md "Streaming"). Strings are an int length (-1 for null) and UTF-8 bytes.
 * Not thread-safe.
 */
final class BinaryWriter {
  private byte[] buf;
  private int size;

  BinaryWriter(int capacity) {
    buf = new byte[Math.max(16, capacity)];
  }

  private void room(int n) {
    if (size + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
    }
  }

  void writeByte(int v) {
    room(1);
    buf[size++] = (byte) v;
  }

  void writeBoolean(boolean v) {
    writeByte(v ? 1 : 0);
  }

  void writeInt(int v) {
    room(4);
    buf[size] = (byte) (v >>> 24);
    buf[size + 1] = (byte) (v >>> 16);
    buf[size + 2] = (byte) (v >>> 8);
    buf[size + 3] = (byte) v;
    size += 4;
  }

  void writeLong(long v) {
    writeInt((int) (v >>> 32));
    writeInt((int) v);
  }

  /** The raw IEEE bits, so every value (NaN payloads, -0.0) round-trips exactly. */
  void writeDouble(double v) {
    writeLong(Double.doubleToRawLongBits(v));
  }

  void writeBytes(byte[] b) {
    room(b.length);
    System.arraycopy(b, 0, buf, size, b.length);
    size += b.length;
  }

  void writeString(String s) {
    if (s == null) {
      writeInt(-1);
      return;
    }
    int n = s.length();
    room(4 + n);
    int start = size + 4;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) { // not ASCII: let the JDK encode it
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        writeInt(b.length);
        writeBytes(b);
        return;
      }
      buf[start + i] = (byte) c;
    }
    writeInt(n);
    size += n;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  /** Reads a string written by {@link #writeString}. */
  static String readString(ByteBuffer in) {
    int len = in.getInt();
    if (len < 0) {
      return null;
    }
    String s = new String(in.array(), in.arrayOffset() + in.position(), len, StandardCharsets.UTF_8);
    in.position(in.position() + len);
    return s;
  }
}
