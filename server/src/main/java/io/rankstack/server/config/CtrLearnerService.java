package io.rankstack.server.config;

import io.rankstack.online.ctr.CtrConfig;
import io.rankstack.online.ctr.CtrModelHolder;
import io.rankstack.online.ctr.OnlineCtrLearner;
import io.rankstack.online.ctr.OnlineCtrSettings;
import io.rankstack.online.ctr.TrainingExampleFeatures;
import io.rankstack.streaming.Topics;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link OnlineCtrLearner} in-process on one thread over the learn loop's
 * {@code rankstack.training-examples} topic, with its RocksDB checkpoints under
 * {@code data-dir/ctr}; each checkpoint publishes a version to {@link #holder()}, which the CTR
 * stage reads. Features: {@link TrainingExampleFeatures} with no dense features (recommendation
 * impressions carry none); examples with a feature vector (search impressions after the feature
 * stage) are counted by the learner as rejected and skipped. It starts when the learn loop runs
 * ({@link #start(String)}); on close it writes a final checkpoint.
 */
public final class CtrLearnerService implements AutoCloseable {
  /** Dense features of the CTR examples: none (see the class comment). */
  public static final int DENSE_FEATURES = 0;
  private static final Logger LOG = LoggerFactory.getLogger(CtrLearnerService.class);
  private final CtrModelHolder holder = new CtrModelHolder();
  private final RankstackProperties props;
  private OnlineCtrLearner learner; // guarded by this; null until start
  private Thread thread; // guarded by this
  private boolean closed; // guarded by this
  private volatile boolean stop;

  /** Holds no model until {@link #start(String)}; the CTR stage passes through meanwhile. */
  public CtrLearnerService(RankstackProperties props) {
    this.props = props;
  }

  /**
   * Restores the last checkpoint (published at once), positions the consumer on the cluster's
   * training-examples topic and starts learning on its own thread. Call once the learn loop runs
   * (it creates the topic). Does nothing after {@link #close()}.
   */
  public void start(String bootstrapServers) {
    RankstackProperties.Ctr c = props.ctr();
    OnlineCtrSettings settings = new OnlineCtrSettings(bootstrapServers, Topics.DEFAULT.trainingExamples(),
        props.dataDir().resolve("ctr"), c.batchSize(), c.checkpointBatches(), Duration.ofMillis(c.checkpointMs()),
        Duration.ofMillis(c.idleFlushMs()));
    CtrConfig config = CtrConfig.adaptDhm(TrainingExampleFeatures.CATEGORICAL_FIELDS, DENSE_FEATURES, c.clusters(), c.seed());
    synchronized (this) {
      if (closed || learner != null) {
        return;
      }
      learner = new OnlineCtrLearner(settings, config, new TrainingExampleFeatures(DENSE_FEATURES), holder,
          Clock.systemUTC());
      learner.onCheckpoint(v -> LOG.info("CTR model version {} published ({} examples trained)", v.version(), v.trained()));
      OnlineCtrLearner l = learner;
      thread = new Thread(() -> run(l), "rankstack-ctr-learner");
      thread.setDaemon(true);
      thread.start();
    }
    LOG.info("online CTR learner (AdaptDHM, K = {}) reading {} from the start or its last checkpoint",
        c.clusters(), Topics.DEFAULT.trainingExamples());
  }

  private void run(OnlineCtrLearner l) {
    try {
      l.run(() -> stop);
    } catch (RuntimeException e) {
      // The stage keeps serving the last published version; the log says why learning stopped.
      LOG.error("the online CTR learner stopped: {}", e.toString(), e);
    }
  }

  public CtrModelHolder holder() {
    return holder;
  }

  @Override
  public void close() throws InterruptedException {
    stop = true;
    OnlineCtrLearner l;
    Thread t;
    synchronized (this) {
      closed = true;
      l = learner;
      t = thread;
    }
    if (l == null) {
      return;
    }
    t.join(10_000);
    try {
      if (!t.isAlive()) {
        l.checkpoint();
      }
    } catch (RuntimeException e) {
      LOG.warn("final CTR checkpoint failed: {}", e.toString());
    } finally {
      l.close();
    }
  }
}
