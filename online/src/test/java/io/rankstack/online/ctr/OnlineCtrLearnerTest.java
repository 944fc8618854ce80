package io.rankstack.online.ctr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankstack.streaming.broker.EmbeddedKafka;
import io.rankstack.streaming.topology.TrainingExample;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The online learner against a real KRaft broker ({@link EmbeddedKafka}) and a real RocksDB store:
 * interrupted runs (an abrupt close in this JVM; SIGKILL of a child JVM) resume from the checkpoint,
 * and the final ledger and model equal one uninterrupted in-memory pass over the same examples.
 */
@Timeout(240)
class OnlineCtrLearnerTest {
  static final int DENSE = 2;
  static final int BATCH = 64;

  @TempDir
  static Path tmp;
  static EmbeddedKafka broker;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKafka.start(tmp.resolve("kafka"));
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  static CtrConfig config() {
    return new CtrConfig(TrainingExampleFeatures.CATEGORICAL_FIELDS, DENSE, 1024, 4, 3, 0.9, 3, new int[] {8}, 0.01,
        7, true, RoutingMode.LEARNED, RouterUpdate.DEFAULT);
  }

  /** Synthetic labelled examples: the click rate depends on the context group, the position and a feature. */
  static List<TrainingExample> examples(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<TrainingExample> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int ctx = rng.nextInt(40);
      int pos = 1 + rng.nextInt(5);
      double f = rng.nextDouble(-1, 1);
      double logit = (ctx % 2 == 0 ? 1 : -1) - 0.3 * pos + 1.5 * f;
      int y = rng.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
      out.add(new TrainingExample("imp" + i, "ctx" + ctx, "doc" + rng.nextInt(100), pos, y,
          new double[] {f, rng.nextDouble()}, Double.NaN, 1_700_000_000_000L + i));
    }
    return out;
  }

  static void createTopic(String topic) throws Exception {
    try (Admin admin = broker.admin()) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
    }
  }

  static KafkaProducer<String, byte[]> producer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }

  /** The model of one uninterrupted pass: batches of {@link #BATCH} valid examples in topic order. */
  static CtrModel reference(List<TrainingExample> data) {
    TrainingExampleFeatures f = new TrainingExampleFeatures(DENSE);
    CtrModel m = new CtrModel(config());
    for (int from = 0; from < data.size(); from += BATCH) {
      m.train(data.subList(from, Math.min(data.size(), from + BATCH)).stream().map(f).toList());
    }
    return m;
  }

  /** Sends the examples (and, before index {@code badAt}, one malformed record), adding their ledger terms. */
  static void produce(String topic, List<TrainingExample> data, int badAt, long[] digest) throws Exception {
    try (KafkaProducer<String, byte[]> p = producer()) {
      List<java.util.concurrent.Future<RecordMetadata>> sent = new ArrayList<>();
      for (int i = 0; i < data.size(); i++) {
        if (i == badAt) {
          p.send(new ProducerRecord<>(topic, "bad", "{not json".getBytes(StandardCharsets.UTF_8)));
        }
        sent.add(p.send(new ProducerRecord<>(topic, data.get(i).contextKey(), data.get(i).toJson())));
      }
      for (var f : sent) {
        RecordMetadata md = f.get();
        digest[0] += CtrCheckpoint.mix(md.partition(), md.offset());
      }
    }
  }

  OnlineCtrSettings settings(String topic, Path state, int checkpointBatches) {
    return new OnlineCtrSettings(broker.bootstrapServers(), topic, state, BATCH, checkpointBatches,
        Duration.ofHours(1), Duration.ZERO);
  }

  @Test
  void anAbruptCloseLosesOnlyUncheckpointedWorkWhichTheRestartTrainsAgain() throws Exception {
    String topic = "ctr-abrupt";
    createTopic(topic);
    List<TrainingExample> data = examples(20 * BATCH, 1);
    long[] digest = {0};
    int rejectedSent = 1;
    // First 11 batches and one record that is not a training example (counted and skipped).
    produce(topic, data.subList(0, 11 * BATCH), 300, digest);
    Path state = tmp.resolve("abrupt-state");
    CtrModelHolder holder = new CtrModelHolder();
    List<Long> versions = new ArrayList<>();
    try (OnlineCtrLearner first = new OnlineCtrLearner(settings(topic, state, 4), config(),
        new TrainingExampleFeatures(DENSE), holder, Clock.systemUTC())) {
      first.onCheckpoint(v -> versions.add(v.version()));
      while (first.trained() < 11 * BATCH) {
        first.pollOnce(Duration.ofMillis(100));
      }
      // checkpoints after batches 4 and 8; batches 9-11 are trained but not checkpointed
      assertEquals(List.of(1L, 2L), versions);
      // closed without a final checkpoint: the batches after version 2 are lost with the process
    }
    produce(topic, data.subList(11 * BATCH, data.size()), -1, digest);
    CtrModelVersion v2 = holder.current().orElseThrow();
    assertEquals(2, v2.version());
    assertEquals(8 * BATCH, v2.trained());
    float[] v2Scores = v2.score(data.subList(0, 10).stream().map(new TrainingExampleFeatures(DENSE)).toList());

    CtrModelHolder serving = new CtrModelHolder();
    try (OnlineCtrLearner second = new OnlineCtrLearner(settings(topic, state, 4), config(),
        new TrainingExampleFeatures(DENSE), serving, Clock.systemUTC())) {
      assertEquals(2, serving.current().orElseThrow().version(), "the restored model is served at once");
      CtrModelVersion last = second.runUntilCaughtUp(Duration.ofSeconds(60));
      assertEquals(last, serving.current().orElseThrow());
      CtrCheckpoint k = second.lastCheckpoint().orElseThrow();
      assertEquals(data.size(), k.trained());
      assertEquals(digest[0], k.digest(), "every example trained exactly once");
      assertEquals(rejectedSent, k.rejected());
      assertEquals(data.size() + rejectedSent, k.offsets().get(0));
      assertArrayEquals(CtrModelCodec.encode(reference(data)), k.model(), "resumed model = one uninterrupted pass");
      assertArrayEquals(CtrModelCodec.encodeRouter(reference(data).router()), k.router());
    }
    // a published version never changes after publication
    assertArrayEquals(v2Scores, v2.score(data.subList(0, 10).stream().map(new TrainingExampleFeatures(DENSE)).toList()));
    assertFalse(holder.publish(new CtrModelVersion(1, v2.model(), Map.of(), 0)), "versions only move forward");
  }

  /**
   * With a shuffle window of 3 batches and a checkpoint every 4 batches, checkpoints fall only
   * between windows: after 11 batches on the topic the first learner has trained 3 windows (9
   * batches; the last 2 batches wait in the buffer, untrained and not in the offsets) and checkpointed
   * after window 2. Killed there, a second learner resumes at that window boundary, and its final
   * model equals, byte for byte, that of one uninterrupted learner on the same topic, with every
   * example trained exactly once. Shuffling really happened: the model differs from arrival order.
   */
  @Test
  void withAShuffleWindowCheckpointsFallBetweenWindowsAndResumptionTrainsEachExampleOnce() throws Exception {
    String topic = "ctr-window";
    createTopic(topic);
    List<TrainingExample> data = examples(20 * BATCH, 5);
    long[] digest = {0};
    produce(topic, data.subList(0, 11 * BATCH), 100, digest);
    Path state = tmp.resolve("window-state");
    CtrModelHolder holder = new CtrModelHolder();
    try (OnlineCtrLearner first = new OnlineCtrLearner(windowed(topic, state), config(),
        new TrainingExampleFeatures(DENSE), holder, Clock.systemUTC())) {
      long deadline = System.currentTimeMillis() + 60_000;
      while (first.trained() < 9 * BATCH && System.currentTimeMillis() < deadline) {
        first.pollOnce(Duration.ofMillis(100));
      }
      for (int i = 0; i < 5; i++) {
        first.pollOnce(Duration.ofMillis(50)); // the buffered 2 batches stay untrained: no full window
      }
      assertEquals(9 * BATCH, first.trained());
      CtrCheckpoint k = first.lastCheckpoint().orElseThrow();
      assertEquals(1, k.version());
      assertEquals(6 * BATCH, k.trained(), "the checkpoint falls after window 2, not inside window 3");
      assertEquals(6 * BATCH + 1, k.offsets().get(0), "offsets past window 2 and the bad record, nothing buffered");
    }
    produce(topic, data.subList(11 * BATCH, data.size()), -1, digest);

    CtrCheckpoint resumed;
    try (OnlineCtrLearner second = new OnlineCtrLearner(windowed(topic, state), config(),
        new TrainingExampleFeatures(DENSE), new CtrModelHolder(), Clock.systemUTC())) {
      second.runUntilCaughtUp(Duration.ofSeconds(60));
      resumed = second.lastCheckpoint().orElseThrow();
    }
    CtrCheckpoint uninterrupted;
    try (OnlineCtrLearner once = new OnlineCtrLearner(windowed(topic, tmp.resolve("window-once")), config(),
        new TrainingExampleFeatures(DENSE), new CtrModelHolder(), Clock.systemUTC())) {
      once.runUntilCaughtUp(Duration.ofSeconds(60));
      uninterrupted = once.lastCheckpoint().orElseThrow();
    }
    assertEquals(data.size(), resumed.trained());
    assertEquals(digest[0], resumed.digest(), "every example trained exactly once");
    assertEquals(1, resumed.rejected());
    assertEquals(data.size() + 1, resumed.offsets().get(0));
    assertEquals(digest[0], uninterrupted.digest());
    assertArrayEquals(uninterrupted.model(), resumed.model(), "resumed model = one uninterrupted windowed pass");
    assertFalse(java.util.Arrays.equals(CtrModelCodec.encode(reference(data)), resumed.model()),
        "the shuffle window changes the training order");
  }

  OnlineCtrSettings windowed(String topic, Path state) {
    return new OnlineCtrSettings(broker.bootstrapServers(), topic, state, BATCH, 4, Duration.ofHours(1),
        Duration.ZERO, 3 * BATCH, 99);
  }

  @Test
  void aShuffleWindowMustBeAWholeNumberOfBatches() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new OnlineCtrSettings("b", "t",
        tmp, BATCH, 4, Duration.ofHours(1), Duration.ZERO, BATCH + 1, 1));
    assertEquals("shuffleWindow must be 0 or a positive multiple of batchSize 64, got 65", e.getMessage());
  }

  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    volatile long millis = 1_000_000;

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public java.time.Instant instant() {
      return java.time.Instant.ofEpochMilli(millis);
    }
  }

  @Test
  void aCheckpointIsAlsoWrittenWhenItsIntervalPassesBeforeItsBatchCount() throws Exception {
    String topic = "ctr-interval";
    createTopic(topic);
    List<TrainingExample> data = examples(3 * BATCH, 3);
    produce(topic, data, -1, new long[1]);
    ManualClock clock = new ManualClock();
    OnlineCtrSettings s = new OnlineCtrSettings(broker.bootstrapServers(), topic, tmp.resolve("interval-state"), BATCH,
        1000, Duration.ofMinutes(1), Duration.ZERO);
    try (OnlineCtrLearner learner = new OnlineCtrLearner(s, config(), new TrainingExampleFeatures(DENSE),
        new CtrModelHolder(), clock)) {
      while (learner.trained() < 3 * BATCH) {
        learner.pollOnce(Duration.ofMillis(100));
      }
      assertTrue(learner.lastCheckpoint().isEmpty(), "3 batches of 1000 and no time passed: no checkpoint yet");
      clock.millis += 61_000;
      learner.pollOnce(Duration.ofMillis(10));
      CtrCheckpoint k = learner.lastCheckpoint().orElseThrow();
      assertEquals(1, k.version());
      assertEquals(3 * BATCH, k.trained());
    }
  }

  @Test
  void afterRepeatedSigkillTheLedgerAndModelEqualOneUninterruptedPass() throws Exception {
    long seed = Long.getLong("rankstack.crash.seed", System.nanoTime());
    System.out.println("[ctr-crash] seed=" + seed + " (rerun with -Drankstack.crash.seed=" + seed + ")");
    String topic = "ctr-sigkill";
    createTopic(topic);
    List<TrainingExample> data = examples(80 * BATCH, 2);
    long[] digest = {0};
    Thread producer = new Thread(() -> {
      try {
        for (int from = 0; from < data.size(); from += 256) {
          produce(topic, data.subList(from, Math.min(data.size(), from + 256)), -1, digest);
          Thread.sleep(250); // about 5 s in all, so the kills land mid-stream
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, "producer");
    producer.start();
    Path state = tmp.resolve("sigkill-state");
    Map<String, String> child = Map.of("bootstrap.servers", broker.bootstrapServers(), "topic", topic,
        "state.dir", state.toString(), "batch.size", Integer.toString(BATCH), "checkpoint.batches", "5",
        "checkpoint.ms", "3600000", "dense", Integer.toString(DENSE), "clusters", "3", "seed", "7", "buckets", "1024");
    Map<String, String> args = new java.util.HashMap<>(child);
    args.put("embedding", "4");
    args.put("hidden", "8");
    args.put("lr", "0.01");
    Path log = Path.of("target", "ctr-crash", "child-" + seed + ".log").toAbsolutePath();
    java.nio.file.Files.createDirectories(log.getParent());
    SplittableRandom r = new SplittableRandom(seed);
    int midStreamKills = 0;
    for (int kill = 0; kill < 2; kill++) {
      ChildLearner c = ChildLearner.start(args, log);
      assertNotNull(c.awaitLine("RUNNING", 60_000), "child did not start; see " + log);
      String ckpt = c.awaitLine("CHECKPOINT", 30_000);
      Thread.sleep(100 + r.nextInt(900));
      c.kill();
      System.out.println("[ctr-crash] SIGKILL " + (kill + 1) + " after " + ckpt);
      if (ckpt != null && Long.parseLong(ckpt.split(" ")[2]) < data.size()) {
        midStreamKills++;
      }
    }
    producer.join();
    args.put("until", "caught-up");
    ChildLearner last = ChildLearner.start(args, log);
    assertEquals(0, last.process.waitFor(), "final run failed; see " + log);
    assertTrue(midStreamKills >= 1, "no kill landed mid-stream");
    try (CtrCheckpointStore store = CtrCheckpointStore.open(state)) {
      Optional<CtrCheckpoint> k = store.read();
      assertTrue(k.isPresent());
      assertEquals(data.size(), k.get().trained());
      assertEquals(digest[0], k.get().digest(), "every example trained exactly once");
      assertEquals(data.size(), k.get().offsets().get(0));
      assertArrayEquals(CtrModelCodec.encode(reference(data)), k.get().model(),
          "the model after the kills = one uninterrupted pass");
    }
  }
}
