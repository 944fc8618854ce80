package io.rankstack.server.model;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The one-at-a-time claim and the progress report that every {@link TrainingJob} keeps: claimed
 * by {@link #queue()} on the request thread, moved through its phases by the training thread,
 * released by {@link #release()}. Thread-safe.
 */
final class TrainingProgress {
  private final String busyName;
  private final String logName;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicReference<TrainingStatus> status =
      new AtomicReference<>(new TrainingStatus("idle", 0, "", null, null));

  /**
   * @param busyName what a refused second request is told is running ("a {busyName} is running already")
   * @param logName  the prefix of each progress line ("{logName} {percent}%: {detail}")
   */
  TrainingProgress(String busyName, String logName) {
    this.busyName = busyName;
    this.logName = logName;
  }

  TrainingStatus status() {
    return status.get();
  }

  boolean running() {
    return running.get();
  }

  /**
   * Claims the trainer and reports {@code queued}.
   *
   * @throws IllegalStateException when a training is claimed already
   */
  void queue() {
    if (!running.compareAndSet(false, true)) {
      throw new IllegalStateException("a " + busyName + " is running already: " + status.get().detail());
    }
    status.set(new TrainingStatus("queued", 0, "waiting for the training thread", null, null));
  }

  /** @throws IllegalStateException unless {@link #queue()} claimed the trainer */
  void requireQueued() {
    if (!running.get()) {
      throw new IllegalStateException("call queue() first");
    }
  }

  /** Reports a phase and sends its line to {@code progress}. */
  void step(String phase, int percent, String detail, Consumer<String> progress) {
    status.set(new TrainingStatus(phase, percent, detail, null, null));
    progress.accept(logName + " " + percent + "%: " + detail);
  }

  /** Reports the saved version; returns the report. */
  TrainingStatus saved(String detail, String version, Map<String, ?> metrics) {
    TrainingStatus s = new TrainingStatus("saved", 100, detail, version, metrics);
    status.set(s);
    return s;
  }

  /** Reports why the training failed. */
  void failed(Throwable e) {
    status.set(new TrainingStatus("failed", 100, e.getClass().getSimpleName() + ": " + e.getMessage(), null, null));
  }

  /** Releases the claim, so that the next training may be queued. */
  void release() {
    running.set(false);
  }
}
