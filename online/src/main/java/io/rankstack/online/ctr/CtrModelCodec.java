package io.rankstack.online.ctr;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Binary form of a {@link CtrModel}: magic {@code RSCTR}, format version, the full config (the
 * architecture is checked before any weight is read), the step count, every parameter array with
 * its Adam moments, and the router (β, iterations, seed, update flags, whether initialised, K × D
 * centres as doubles, the running mean of x and its batch count). Version 2 added the router update
 * (config and router); version 1 files are refused. Big-endian ({@link DataOutputStream}). A model read back predicts and trains exactly as
 * the one written.
 */
public final class CtrModelCodec {
  static final String MAGIC = "RSCTR";
  static final int VERSION = 2;

  private CtrModelCodec() {}

  public static byte[] encode(CtrModel model) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF(MAGIC);
      out.writeInt(VERSION);
      writeConfig(out, model.config());
      out.writeLong(model.steps());
      float[][] p = model.params();
      out.writeInt(p.length);
      for (int i = 0; i < p.length; i++) {
        writeFloats(out, p[i]);
        writeFloats(out, model.adamM()[i]);
        writeFloats(out, model.adamV()[i]);
      }
      writeRouter(out, model.router());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static CtrModel decode(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      String magic = in.readUTF();
      if (!MAGIC.equals(magic)) {
        throw new IllegalArgumentException("not a CTR model (magic '" + magic + "')");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new IllegalArgumentException("CTR model format version " + version + " is not supported (expected " + VERSION + ")");
      }
      CtrConfig config = readConfig(in);
      long steps = in.readLong();
      int n = in.readInt();
      int expected = CtrModel.shapes(config).size();
      if (n != expected) {
        throw new IllegalArgumentException("model has " + n + " parameter arrays, its config needs " + expected);
      }
      float[][] p = new float[n][];
      float[][] m = new float[n][];
      float[][] v = new float[n][];
      for (int i = 0; i < n; i++) {
        p[i] = readFloats(in);
        m[i] = readFloats(in);
        v[i] = readFloats(in);
      }
      DistributionRouter router = readRouter(in);
      return new CtrModel(config, p, m, v, steps, router);
    } catch (IOException e) {
      throw new IllegalArgumentException("truncated or corrupt CTR model: " + e.getMessage(), e);
    }
  }

  /** The router alone (what a checkpoint stores next to the model for inspection). */
  public static byte[] encodeRouter(DistributionRouter router) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      writeRouter(out, router);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static DistributionRouter decodeRouter(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      return readRouter(in);
    } catch (IOException e) {
      throw new IllegalArgumentException("truncated or corrupt router: " + e.getMessage(), e);
    }
  }

  private static void writeConfig(DataOutputStream out, CtrConfig c) throws IOException {
    out.writeInt(c.categoricalFields());
    out.writeInt(c.denseFeatures());
    out.writeInt(c.buckets());
    out.writeInt(c.embeddingDim());
    out.writeInt(c.clusters());
    out.writeDouble(c.beta());
    out.writeInt(c.iterations());
    int[] h = c.hidden();
    out.writeInt(h.length);
    for (int x : h) {
      out.writeInt(x);
    }
    out.writeDouble(c.learningRate());
    out.writeLong(c.seed());
    out.writeBoolean(c.clusterWeights());
    out.writeUTF(c.routing().name());
    out.writeInt(c.routerUpdate().bits());
  }

  private static CtrConfig readConfig(DataInputStream in) throws IOException {
    int fields = in.readInt();
    int dense = in.readInt();
    int buckets = in.readInt();
    int emb = in.readInt();
    int k = in.readInt();
    double beta = in.readDouble();
    int iterations = in.readInt();
    int[] h = new int[in.readInt()];
    for (int i = 0; i < h.length; i++) {
      h[i] = in.readInt();
    }
    return new CtrConfig(fields, dense, buckets, emb, k, beta, iterations, h, in.readDouble(), in.readLong(),
        in.readBoolean(), RoutingMode.valueOf(in.readUTF()), RouterUpdate.ofBits(in.readInt()));
  }

  private static void writeRouter(DataOutputStream out, DistributionRouter r) throws IOException {
    out.writeInt(r.clusters());
    out.writeInt(r.dim());
    out.writeDouble(r.beta());
    out.writeInt(r.iterations());
    out.writeLong(r.seed());
    out.writeInt(r.update().bits());
    out.writeBoolean(r.initialised());
    for (double[] c : r.centres()) {
      for (double v : c) {
        out.writeDouble(v);
      }
    }
    for (double v : r.mean()) {
      out.writeDouble(v);
    }
    out.writeLong(r.meanBatches());
  }

  private static DistributionRouter readRouter(DataInputStream in) throws IOException {
    int k = in.readInt();
    int dim = in.readInt();
    double beta = in.readDouble();
    int iterations = in.readInt();
    long seed = in.readLong();
    RouterUpdate update = RouterUpdate.ofBits(in.readInt());
    boolean initialised = in.readBoolean();
    double[][] c = new double[k][dim];
    for (int j = 0; j < k; j++) {
      for (int d = 0; d < dim; d++) {
        c[j][d] = in.readDouble();
      }
    }
    double[] mean = new double[dim];
    for (int d = 0; d < dim; d++) {
      mean[d] = in.readDouble();
    }
    long meanBatches = in.readLong();
    return new DistributionRouter(k, dim, beta, iterations, seed, c, initialised, update, mean, meanBatches);
  }

  private static void writeFloats(DataOutputStream out, float[] a) throws IOException {
    out.writeInt(a.length);
    for (float f : a) {
      out.writeFloat(f);
    }
  }

  private static float[] readFloats(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > (1 << 28)) {
      throw new IllegalArgumentException("implausible array length " + n);
    }
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = in.readFloat();
    }
    return a;
  }
}
