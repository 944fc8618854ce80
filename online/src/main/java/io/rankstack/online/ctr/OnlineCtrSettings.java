package io.rankstack.online.ctr;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the {@link OnlineCtrLearner}.
 *
 * @param bootstrapServers  the Kafka cluster
 * @param topic             the labelled-examples topic (the learn loop's {@code rankstack.training-examples})
 * @param stateDir          the folder of the RocksDB checkpoint store
 * @param batchSize         examples per optimiser step
 * @param checkpointBatches write a checkpoint after this many batches ...
 * @param checkpointEvery   ... or when this much time passed since the last one (whichever first)
 * @param idleFlush         train an incomplete batch when no record arrived for this long (zero: never;
 *                          then a tail shorter than a batch waits for more input)
 * @param shuffleWindow     0: train in arrival order; else a multiple of {@code batchSize}: the learner
 *                          collects this many examples, shuffles them (seeded) and trains them batch by
 *                          batch before it moves the offsets, so a checkpoint always falls between windows
 * @param shuffleSeed       seeds the shuffle (mixed with the count of examples trained before the window)
 */
public record OnlineCtrSettings(String bootstrapServers, String topic, Path stateDir, int batchSize,
    int checkpointBatches, Duration checkpointEvery, Duration idleFlush, int shuffleWindow, long shuffleSeed) {
  /** Training in arrival order (no shuffle window). */
  public OnlineCtrSettings(String bootstrapServers, String topic, Path stateDir, int batchSize,
      int checkpointBatches, Duration checkpointEvery, Duration idleFlush) {
    this(bootstrapServers, topic, stateDir, batchSize, checkpointBatches, checkpointEvery, idleFlush, 0, 0);
  }

  public OnlineCtrSettings {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(stateDir, "stateDir");
    if (batchSize < 1 || checkpointBatches < 1) {
      throw new IllegalArgumentException("batchSize and checkpointBatches must be >= 1");
    }
    if (checkpointEvery.isNegative() || checkpointEvery.isZero() || idleFlush.isNegative()) {
      throw new IllegalArgumentException("checkpointEvery must be positive and idleFlush not negative");
    }
    if (shuffleWindow < 0 || shuffleWindow % batchSize != 0) {
      throw new IllegalArgumentException("shuffleWindow must be 0 or a positive multiple of batchSize " + batchSize
          + ", got " + shuffleWindow);
    }
  }
}
