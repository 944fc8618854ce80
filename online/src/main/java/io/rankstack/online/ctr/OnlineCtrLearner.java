package io.rankstack.online.ctr;

import io.rankstack.core.Shuffle;
import io.rankstack.streaming.topology.TrainingExample;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Trains a {@link CtrModel} online from the labelled-examples topic.
 *
 * <p>It reads every partition of the topic with a plain consumer (assign + seek, no consumer group,
 * read_committed: the learn loop writes the topic in transactions), trains on mini-batches of
 * {@code batchSize} examples in arrival order, and after every {@code checkpointBatches} batches or
 * {@code checkpointEvery} (whichever comes first) writes a {@link CtrCheckpoint} — model, router,
 * next offsets, ledger — in one RocksDB write, then publishes the model as a new
 * {@link CtrModelVersion} to the {@link CtrModelHolder}.
 *
 * <p>Exactly once: the offsets in a checkpoint are those of the examples the checkpointed model was
 * trained on, written together with it. On start the learner loads the last checkpoint and seeks
 * each partition to its offset, so examples trained after that checkpoint (and lost with the
 * process) are trained again on the model they had not reached, and none is trained twice into the
 * surviving model. With one partition and a fixed batch size the resumed model is bit for bit the
 * model of an uninterrupted run. A record that is not a valid training example is counted in the
 * ledger as rejected and skipped.
 *
 * <p>With a shuffle window ({@link OnlineCtrSettings#shuffleWindow()}) the learner trains each window
 * of W examples in a seeded random order: one time-ordered pass over rating data trains on batches of
 * one user's session at a time, which a shuffled batch epoch avoids. The window is the unit of
 * exactly-once: its offsets are committed after all its examples are trained, so checkpoints fall
 * between windows and the model of a resumed learner is still bit for bit the uninterrupted one.
 *
 * <p>Single-threaded: call {@link #run} from one thread; {@link #close()} does not checkpoint
 * (that is the crash case the checkpoint protects against); call {@link #checkpoint()} first for a
 * clean stop.
 */
public final class OnlineCtrLearner implements AutoCloseable {
  private final OnlineCtrSettings settings;
  private final CtrModelHolder holder;
  private final Function<TrainingExample, CtrExample> features;
  private final Clock clock;
  private final CtrCheckpointStore store;
  private final KafkaConsumer<String, byte[]> consumer;
  private final List<TopicPartition> partitions;
  private final Deque<Pending> pending = new ArrayDeque<>();
  private final Map<Integer, Long> offsets = new TreeMap<>();
  private final CtrModel model;
  private Consumer<CtrModelVersion> onCheckpoint = v -> {};
  private long version;
  private long trained;
  private long digest;
  private long rejected;
  private int validPending;
  private int batchesSinceCheckpoint;
  private long lastCheckpointMs;
  private long lastRecordMs;

  private record Pending(int partition, long offset, CtrExample example) {}

  /**
   * Opens the checkpoint store, restores the last checkpoint (or starts {@code initial} when there
   * is none) and positions the consumer. The restored model is published at once.
   */
  public OnlineCtrLearner(OnlineCtrSettings settings, CtrConfig initial, Function<TrainingExample, CtrExample> features,
      CtrModelHolder holder, Clock clock) {
    this.settings = settings;
    this.holder = holder;
    this.features = features;
    this.clock = clock;
    this.store = CtrCheckpointStore.open(settings.stateDir());
    KafkaConsumer<String, byte[]> c = null;
    try {
      Optional<CtrCheckpoint> last = store.read();
      if (last.isPresent()) {
        CtrCheckpoint k = last.get();
        model = CtrModelCodec.decode(k.model());
        if (!model.config().equals(initial)) {
          throw new IllegalStateException("the checkpoint in " + settings.stateDir() + " holds a model with "
              + model.config() + ", not the configured " + initial + "; use a new state folder");
        }
        version = k.version();
        trained = k.trained();
        digest = k.digest();
        rejected = k.rejected();
        offsets.putAll(k.offsets());
        holder.publish(new CtrModelVersion(version, model.snapshot(), offsets, trained));
      } else {
        model = new CtrModel(initial);
      }
      c = consumer(settings.bootstrapServers());
      List<PartitionInfo> infos = c.partitionsFor(settings.topic(), Duration.ofSeconds(30));
      if (infos == null || infos.isEmpty()) {
        throw new IllegalStateException("topic " + settings.topic() + " does not exist");
      }
      partitions = new ArrayList<>();
      for (PartitionInfo i : infos) {
        partitions.add(new TopicPartition(settings.topic(), i.partition()));
      }
      c.assign(partitions);
      for (TopicPartition tp : partitions) {
        Long next = offsets.get(tp.partition());
        if (next == null) {
          c.seekToBeginning(List.of(tp));
        } else {
          c.seek(tp, next);
        }
      }
      this.consumer = c;
    } catch (RuntimeException e) {
      if (c != null) {
        c.close();
      }
      store.close();
      throw e;
    }
    lastCheckpointMs = clock.millis();
    lastRecordMs = clock.millis();
  }

  private static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
    return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
  }

  /** Called after each checkpoint with the version just published (for logs and tests). */
  public void onCheckpoint(Consumer<CtrModelVersion> listener) {
    this.onCheckpoint = listener;
  }

  /** Polls, trains and checkpoints until {@code stop} answers true (checked after every poll). */
  public void run(BooleanSupplier stop) {
    while (!stop.getAsBoolean()) {
      pollOnce(Duration.ofMillis(100));
    }
  }

  /**
   * Runs until every record that existed when called has been consumed, trains the incomplete last
   * batch, and writes a final checkpoint. Returns the checkpoint's version.
   */
  public CtrModelVersion runUntilCaughtUp(Duration timeout) {
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
    long deadline = clock.millis() + timeout.toMillis();
    while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
      if (clock.millis() > deadline) {
        throw new IllegalStateException("not caught up with " + end + " within " + timeout);
      }
      pollOnce(Duration.ofMillis(100));
    }
    if (validPending > 0) {
      trainUnit(validPending);
    }
    return checkpoint();
  }

  /** One poll and whatever training and checkpointing it makes due. */
  public void pollOnce(Duration timeout) {
    var records = consumer.poll(timeout);
    long now = clock.millis();
    for (ConsumerRecord<String, byte[]> r : records) {
      pending.add(new Pending(r.partition(), r.offset(), decode(r.value())));
      if (pending.peekLast().example() != null) {
        validPending++;
      }
      lastRecordMs = now;
    }
    int unit = settings.shuffleWindow() > 0 ? settings.shuffleWindow() : settings.batchSize();
    while (validPending >= unit) {
      trainUnit(unit);
      checkpointIfDue();
    }
    if (records.isEmpty() && validPending > 0 && !settings.idleFlush().isZero()
        && now - lastRecordMs >= settings.idleFlush().toMillis()) {
      trainUnit(validPending);
    }
    checkpointIfDue();
  }

  /** Checked after every batch, so checkpoints fall every N batches exactly whatever the poll sizes. */
  private void checkpointIfDue() {
    if (batchesSinceCheckpoint > 0 && (batchesSinceCheckpoint >= settings.checkpointBatches()
        || clock.millis() - lastCheckpointMs >= settings.checkpointEvery().toMillis())) {
      checkpoint();
    }
  }

  private CtrExample decode(byte[] value) {
    try {
      return features.apply(TrainingExample.fromJson(value));
    } catch (RuntimeException e) {
      return null; // counted as rejected when its offset is passed
    }
  }

  /**
   * Takes records from the front of the queue until {@code n} valid examples, trains on them, and
   * only then moves the offsets. Without a shuffle window n is one batch; with one, n is the window
   * (or the tail on a flush), shuffled with a generator seeded by the shuffle seed and the count of
   * examples trained before it (which the checkpoint holds, so a resumed learner shuffles its windows
   * as an uninterrupted one would), and trained in consecutive batches. Examples in the window are
   * not in the offsets until all of them are trained, so no checkpoint holds a half-trained window.
   */
  private void trainUnit(int n) {
    List<CtrExample> batch = new ArrayList<>(n);
    Map<Integer, Long> next = new HashMap<>();
    long batchDigest = 0;
    long batchRejected = 0;
    while (batch.size() < n) {
      Pending p = pending.poll();
      next.merge(p.partition(), p.offset() + 1, Math::max);
      if (p.example() == null) {
        batchRejected++;
      } else {
        batch.add(p.example());
        batchDigest += CtrCheckpoint.mix(p.partition(), p.offset());
      }
    }
    // Rejected records right behind the batch are passed too, so a checkpoint does not re-read them.
    while (!pending.isEmpty() && pending.peek().example() == null) {
      Pending p = pending.poll();
      next.merge(p.partition(), p.offset() + 1, Math::max);
      batchRejected++;
    }
    if (settings.shuffleWindow() > 0) {
      Shuffle.inPlace(batch, new SplittableRandom(settings.shuffleSeed() ^ CtrCheckpoint.mix(-1, trained)));
      for (int from = 0; from < batch.size(); from += settings.batchSize()) {
        model.train(batch.subList(from, Math.min(batch.size(), from + settings.batchSize())));
        batchesSinceCheckpoint++;
      }
    } else {
      model.train(batch);
      batchesSinceCheckpoint++;
    }
    validPending -= n;
    trained += n;
    digest += batchDigest;
    rejected += batchRejected;
    next.forEach((part, off) -> offsets.merge(part, off, Math::max));
  }


  /** Writes a checkpoint of everything trained so far and publishes it; returns the new version. */
  public CtrModelVersion checkpoint() {
    version++;
    CtrModel snap = model.snapshot();
    store.write(new CtrCheckpoint(version, CtrModelCodec.encode(snap), CtrModelCodec.encodeRouter(snap.router()),
        offsets, trained, digest, rejected));
    CtrModelVersion v = new CtrModelVersion(version, snap, offsets, trained);
    holder.publish(v);
    batchesSinceCheckpoint = 0;
    lastCheckpointMs = clock.millis();
    onCheckpoint.accept(v);
    return v;
  }

  /** Examples trained into the current (in-memory) model, over all runs. */
  public long trained() {
    return trained;
  }

  /** The last checkpoint in the store. */
  public Optional<CtrCheckpoint> lastCheckpoint() {
    return store.read();
  }

  @Override
  public void close() {
    try {
      consumer.close(Duration.ofSeconds(5));
    } finally {
      store.close();
    }
  }
}
