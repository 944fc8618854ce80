package io.rankstack.index;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Receives progress of a long indexing run: {@link #progress} every {@link #interval()} documents,
 * and {@link #done} once at the end of a successful run.
 */
public interface ProgressListener {
  /** Ignores everything. */
  ProgressListener NONE = new ProgressListener() {
    @Override
    public long interval() {
      return Long.MAX_VALUE;
    }

    @Override
    public void progress(long documents, Duration elapsed) {}
  };

  /** How many documents between two {@link #progress} calls; at least 1. */
  default long interval() {
    return 10_000;
  }

  /** Called after every {@link #interval()} documents with the count so far. */
  void progress(long documents, Duration elapsed);

  /** Called once when the run has committed {@code documents} documents. */
  default void done(long documents, Duration elapsed) {}

  /** Prints a line such as {@code indexed 20000 documents in 3.1 s (6452 docs/s)} every {@code every} documents. */
  static ProgressListener printingTo(PrintStream out, long every) {
    Objects.requireNonNull(out, "out");
    if (every < 1) {
      throw new IllegalArgumentException("progress interval must be at least 1 document: " + every);
    }
    return new ProgressListener() {
      @Override
      public long interval() {
        return every;
      }

      @Override
      public void progress(long documents, Duration elapsed) {
        out.println(line("indexed", documents, elapsed));
      }

      @Override
      public void done(long documents, Duration elapsed) {
        out.println(line("done: indexed", documents, elapsed));
      }
    };
  }

  private static String line(String what, long documents, Duration elapsed) {
    double s = elapsed.toNanos() / 1e9;
    return String.format(Locale.ROOT, "%s %d documents in %.1f s (%.0f docs/s)", what, documents, s, s > 0 ? documents / s : 0.0);
  }
}
