package io.rankstack.rerank;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Engine set-up and engine-owned constants (see {@link #scalar}). */
public final class Tensors {
  private Tensors() {}

  /**
   * Sets DJL's offline mode and 1 intra-op / 1 inter-op thread unless the caller set them (runs are
   * bit-identical only at a fixed thread count), and returns the PyTorch engine.
   *
   * <p>One thread, not the two STACK.md suggests for a quiet machine: on the shared 2-core machine
   * (load 11–15) two OpenMP threads made this model's inference 40× slower at batch 16 and 45× at
   * batch 1 (busy-waiting workers that lose their core); see the module README.
   */
  public static Engine engine() {
    System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
    System.setProperty("ai.djl.pytorch.num_threads", System.getProperty("ai.djl.pytorch.num_threads", "1"));
    System.setProperty("ai.djl.pytorch.num_interop_threads", System.getProperty("ai.djl.pytorch.num_interop_threads", "1"));
    return Engine.getEngine("PyTorch");
  }

  /** The GPU when the engine sees one, else the CPU (the device is chosen once, at start-up). */
  public static Device defaultDevice() {
    return engine().getGpuCount() > 0 ? Device.gpu() : Device.cpu();
  }

  /**
   * An engine-owned scalar. {@code NDArray.mul(Number)} and friends wrap the number in a Java-owned
   * tensor that is freed right after the operation while autograd may still need it (NaN losses
   * depending on GC timing, found in ltr's TSPRank): every constant that meets a tensor requiring
   * gradients goes through here.
   */
  public static NDArray scalar(NDManager manager, float value) {
    try (NDArray blob = manager.create(value)) {
      return blob.duplicate();
    }
  }

  /** A float array in engine-owned memory (cloned from the Java buffer, which is closed at once). */
  public static NDArray owned(NDManager manager, float[] data, Shape shape) {
    try (NDArray blob = manager.create(data, shape)) {
      return blob.duplicate();
    }
  }

  /** An int64 array in engine-owned memory. */
  public static NDArray owned(NDManager manager, long[] data, Shape shape) {
    try (NDArray blob = manager.create(data, shape)) {
      return blob.duplicate();
    }
  }
}
