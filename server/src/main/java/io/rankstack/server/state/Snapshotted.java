package io.rankstack.server.state;

import java.io.IOException;

/** In-memory state that a {@link SnapshotScheduler} saves to its snapshot file when it has changed. */
public interface Snapshotted {
  /** What the snapshot holds, for log lines. */
  String name();

  /** A counter that moves whenever the state changes. */
  long changes();

  /**
   * Writes the state as it is now to the snapshot file.
   *
   * @return the {@link #changes()} value the written snapshot includes
   */
  long save() throws IOException;
}
