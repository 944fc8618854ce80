package io.rankstack.online.ctr;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** DJL plumbing shared by the CTR model: engine settings and engine-owned arrays. */
final class CtrEngine {
  private CtrEngine() {}

  /**
   * Offline mode (nothing is downloaded at run time) and ONE intra-op thread unless the caller set
   * it (before the engine's first use in this JVM): runs repeat bit for bit only at a fixed thread
   * count. One, not STACK.md's two, because the CTR matrices are tiny (batch × 36 × 32): on the shared
   * 2-core machine, with a load average of 16, two OpenMP threads spin-waiting on each other made a
   * step 15 times slower (842 vs 12,986 training examples/s; p50 for 100 candidates 28 ms vs 0.8 ms).
   */
  static Engine engine() {
    System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
    System.setProperty("ai.djl.pytorch.num_threads", System.getProperty("ai.djl.pytorch.num_threads", "1"));
    System.setProperty("ai.djl.pytorch.num_interop_threads",
        System.getProperty("ai.djl.pytorch.num_interop_threads", "1"));
    return Engine.getEngine("PyTorch");
  }

  static NDManager newManager() {
    return NDManager.newBaseManager(Device.cpu(), engine().getEngineName());
  }

  /**
   * A float32 array whose memory belongs to the engine. {@code NDManager.create} makes the tensor
   * point at a Java direct buffer; autograd may keep such an operand for the backward pass after
   * Java freed it (the NaN losses found in the ltr module's TSPRank trainer), so the buffer is
   * cloned into engine storage and released at once.
   */
  static NDArray owned(NDManager m, float[] data, Shape shape) {
    try (NDArray blob = m.create(data, shape)) {
      return blob.duplicate();
    }
  }

  static NDArray owned(NDManager m, long[] data, Shape shape) {
    try (NDArray blob = m.create(data, shape)) {
      return blob.duplicate();
    }
  }
}
