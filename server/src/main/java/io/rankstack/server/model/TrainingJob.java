package io.rankstack.server.model;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A model training that runs one at a time in the background and reports its progress: the admin
 * routes claim it with {@link #queue()} on the request thread (so a second request is refused at
 * once), then run {@link #trainQueued} on a training thread.
 */
public interface TrainingJob {
  /**
   * Claims the trainer and reports {@code queued}.
   *
   * @throws IllegalStateException when a training is already queued or running
   */
  void queue();

  /** Runs the claimed training on judged queries and saves a new version (not activated); returns it. */
  String trainQueued(Path queriesFile, Path qrelsFile, Consumer<String> progress) throws Exception;

  /** The progress of the latest training. */
  TrainingStatus status();
}
