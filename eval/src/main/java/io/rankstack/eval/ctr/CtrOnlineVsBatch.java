package io.rankstack.eval.ctr;

import io.rankstack.online.ctr.CtrConfig;
import io.rankstack.online.ctr.CtrExample;
import io.rankstack.online.ctr.CtrModel;
import io.rankstack.online.ctr.CtrModelHolder;
import io.rankstack.online.ctr.CtrModelVersion;
import io.rankstack.online.ctr.OnlineCtrLearner;
import io.rankstack.online.ctr.OnlineCtrSettings;
import io.rankstack.online.ctr.TrainingExampleFeatures;
import io.rankstack.streaming.Topics;
import io.rankstack.streaming.broker.EmbeddedKafka;
import io.rankstack.streaming.topology.TrainingExample;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Experiment 2 of issue 8: the same AdaptDHM model trained (a) online, by the {@link OnlineCtrLearner}
 * reading the MovieLens training ratings in time order from the labelled-examples topic of a real
 * embedded Kafka broker, one pass with checkpoints to RocksDB; (b) in batch on the same examples:
 * one epoch in the same time order (which must give the online model exactly: the topic path loses
 * and repeats nothing), and shuffled for 1 and for {@code epochs} epochs. Both use {@link TrainingExampleFeatures} on the same
 * {@link TrainingExample}s and are scored on the same time-later test split.
 */
public final class CtrOnlineVsBatch {
  /** One arm: name, examples it trained on (counting repeats), test AUC, test log loss, wall seconds. */
  public record Arm(String name, long trained, double auc, double logLoss, double seconds) {}

  /** Name prefix of the online arms. */
  public static final String ONLINE = "online: learner on the Kafka topic";

  private CtrOnlineVsBatch() {}

  /**
   * Runs the online arm once per shuffle window ({@code 0}: arrival order; see
   * {@link OnlineCtrSettings#shuffleWindow()}), each from a fresh checkpoint store on the same topic,
   * then the batch arms.
   */
  public static List<Arm> run(MovieLensCtr.Split split, CtrConfig config, int batchSize, int epochs, int[] windows,
      PrintWriter log) {
    List<TrainingExample> train = split.train().stream().map(MovieLensCtr::trainingExample).toList();
    TrainingExampleFeatures features = new TrainingExampleFeatures(MovieLensCtr.DENSE);
    List<CtrExample> trainX = train.stream().map(features).toList();
    List<CtrExample> test = split.test().stream().map(MovieLensCtr::trainingExample).map(features).toList();
    List<Arm> arms = new ArrayList<>();
    Path dir;
    try {
      dir = Files.createTempDirectory("rankstack-ctr-online");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      long t0 = System.nanoTime();
      CtrModelVersion v;
      try (EmbeddedKafka broker = EmbeddedKafka.start(dir.resolve("kafka"))) {
        String topic = Topics.DEFAULT.trainingExamples();
        try (Admin admin = broker.admin()) {
          admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        produce(broker.bootstrapServers(), topic, train);
        log.printf("[ctr] produced %d training examples to %s in %.1f s%n", train.size(), topic, (System.nanoTime() - t0) / 1e9);
        log.flush();
        for (int w : windows) {
          long t1 = System.nanoTime();
          // One holder per arm: a holder only moves forward in version, and each arm counts from v1.
          CtrModelHolder holder = new CtrModelHolder();
          OnlineCtrSettings s = new OnlineCtrSettings(broker.bootstrapServers(), topic, dir.resolve("state-" + w),
              batchSize, 20, Duration.ofSeconds(5), Duration.ZERO, w, config.seed());
          try (OnlineCtrLearner learner = new OnlineCtrLearner(s, config, features, holder, Clock.systemUTC())) {
            v = learner.runUntilCaughtUp(Duration.ofMinutes(30));
          }
          double seconds = (System.nanoTime() - t1) / 1e9;
          float[] p = CtrTraining.predict(holder.current().orElseThrow().model(), test);
          double[] m = CtrTraining.metrics(p, test, -1);
          String order = w == 0 ? "in time order" : "shuffle window " + w;
          arms.add(new Arm(ONLINE + ", 1 pass, " + order + " (checkpoint v" + v.version() + ")",
              v.trained(), m[0], m[1], seconds));
          log.printf("[ctr] online, %s: AUC %.4f after %d examples, %.1f s%n", order, m[0], v.trained(), seconds);
          log.flush();
        }
      }
      // Batch arms: the same examples in time order (what the learner sees), then shuffled for 1 and E epochs.
      batchArm(arms, "batch: 1 epoch in time order", config, trainX, test, 1, batchSize, false, log);
      batchArm(arms, "batch: 1 epoch, shuffled", config, trainX, test, 1, batchSize, true, log);
      if (epochs > 1) {
        batchArm(arms, "batch: " + epochs + " epochs, shuffled", config, trainX, test, epochs, batchSize, true, log);
      }
    } catch (Exception e) {
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e);
    } finally {
      deleteQuietly(dir);
    }
    return arms;
  }

  private static void batchArm(List<Arm> arms, String name, CtrConfig config, List<CtrExample> train,
      List<CtrExample> test, int epochs, int batchSize, boolean shuffle, PrintWriter log) {
    long t1 = System.nanoTime();
    CtrModel batch = new CtrModel(config);
    CtrTraining.train(batch, train, epochs, batchSize, config.seed(), shuffle);
    double seconds = (System.nanoTime() - t1) / 1e9;
    double[] m = CtrTraining.metrics(CtrTraining.predict(batch, test), test, -1);
    arms.add(new Arm(name, (long) epochs * train.size(), m[0], m[1], seconds));
    log.printf("[ctr] %s: AUC %.4f, %.1f s%n", name, m[0], seconds);
    log.flush();
  }

  private static void produce(String bootstrap, String topic, List<TrainingExample> data) throws Exception {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
      List<Future<RecordMetadata>> sent = new ArrayList<>(data.size());
      for (TrainingExample t : data) {
        sent.add(producer.send(new ProducerRecord<>(topic, t.contextKey(), t.toJson())));
      }
      for (Future<RecordMetadata> f : sent) {
        f.get();
      }
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException ignored) {
      // a temp folder left behind is harmless
    }
  }

  public static String table(List<Arm> arms) {
    StringBuilder sb = new StringBuilder("| arm | examples trained | test AUC | test log loss | wall s |\n|---|---|---|---|---|\n");
    for (Arm a : arms) {
      sb.append(String.format("| %s | %,d | %.4f | %.4f | %.1f |%n", a.name(), a.trained(), a.auc(), a.logLoss(), a.seconds()));
    }
    return sb.toString();
  }
}
