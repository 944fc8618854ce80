package io.rankstack.server.config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.rankstack.server.events.ClickIntake;
import io.rankstack.server.events.ClickStats;
import io.rankstack.server.events.EventLog;
import io.rankstack.server.events.RecentImpressions;
import io.rankstack.server.experiment.Experiments;
import io.rankstack.server.model.LtrTraining;
import io.rankstack.server.model.ModelRegistry;
import io.rankstack.server.model.RerankRegistry;
import io.rankstack.server.model.RerankTraining;
import io.rankstack.server.pipeline.CtrStage;
import io.rankstack.server.pipeline.NeuralRerankStage;
import io.rankstack.server.pipeline.BanditSlateStage;
import io.rankstack.server.pipeline.FeatureStage;
import io.rankstack.server.pipeline.LambdaMartStage;
import io.rankstack.server.pipeline.Pipeline;
import io.rankstack.server.pipeline.Stage;
import io.rankstack.server.recommend.RecommendService;
import io.rankstack.server.search.Collection;
import io.rankstack.server.search.Pipelines;
import io.rankstack.server.search.ResponseItems;
import io.rankstack.server.search.SearchService;
import io.rankstack.streaming.Topics;
import io.rankstack.streaming.event.Surface;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the serving pipeline from the settings: the collection, the model registry (training the
 * default model when there is none), the learn loop, the event log and the named rankers.
 *
 * <p>Search stages in order: BM25 retrieval ({@code search.retrieval-depth}) → features for the top
 * {@code search.rerank-depth} → LambdaMART ({@code ltr.enabled}) → neural reranker over the top
 * {@code rerank.top-n} ({@code rerank.enabled}, {@code full} ranker only) → bandit slate
 * ({@code bandit.enabled}). Recommendations: candidates → AdaptDHM CTR ({@code ctr.enabled}) → slate.
 */
@Configuration(proxyBeanMethods = false)
public class ServerConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(ServerConfiguration.class);

  @Bean(destroyMethod = "close")
  Collection collection(RankstackProperties props) throws IOException {
    return Collection.open(props);
  }

  @Bean(destroyMethod = "close")
  ModelRegistry modelRegistry(RankstackProperties props) {
    return new ModelRegistry(props.dataDir().resolve("models").resolve(props.ltr().model()));
  }

  @Bean
  LtrTraining ltrTraining(RankstackProperties props, Collection collection, ModelRegistry registry) throws Exception {
    LtrTraining t = new LtrTraining(collection, registry, props.search().rerankDepth(), props.ltr().trainRounds(),
        props.ltr().trainSeed(), Clock.systemUTC());
    if (props.ltr().enabled()) {
      String version = registry.preferredVersion().orElse(null);
      if (version == null) {
        LOG.info("no LambdaMART model under {}: training the default model from the sample's judgments ...", registry.root());
        version = t.train(Collection.sampleFile(props, "queries.jsonl"), Collection.sampleFile(props, "qrels/test.tsv"),
            LOG::info);
      }
      registry.activate(version);
      LOG.info("LambdaMART model {} active", version);
    }
    return t;
  }

  @Bean(destroyMethod = "close")
  RerankRegistry rerankRegistry(RankstackProperties props) {
    return new RerankRegistry(props.dataDir().resolve("models").resolve(props.rerank().model()),
        props.rerank().poolSize(), props.rerank().topN());
  }

  /**
   * The reranker trainer; with {@code rerank.enabled} it activates the preferred saved version, or,
   * when there is none and {@code rerank.train-on-start} is set, trains the default one on a
   * background thread (the stage passes through until it is active) so the start is not delayed.
   */
  @Bean
  RerankTraining rerankTraining(RankstackProperties props, Collection collection, RerankRegistry registry) {
    RerankTraining t = new RerankTraining(collection, registry, props.rerank().topN(), props.rerank().trainSeed(),
        Clock.systemUTC());
    if (!props.rerank().enabled()) {
      return t;
    }
    String version = registry.preferredVersion().orElse(null);
    if (version != null) {
      registry.activate(version);
      LOG.info("neural reranker {} active", version);
    } else if (props.rerank().trainOnStart()) {
      LOG.info("no reranker model under {}: training the default one from the sample's judgments in the background"
          + " (the rerank stage passes through until it is ready) ...", registry.root());
      t.queue();
      Thread th = new Thread(() -> {
        try {
          String v = t.trainQueued(Collection.sampleFile(props, "queries.jsonl"),
              Collection.sampleFile(props, "qrels/test.tsv"), LOG::info);
          registry.activate(v);
          LOG.info("neural reranker {} active", v);
        } catch (Exception | Error e) {
          LOG.error("training the default reranker failed; the rerank stage passes through: {}", e.toString(), e);
        }
      }, "rankstack-rerank-training");
      th.setDaemon(true);
      th.start();
    } else {
      LOG.info("no reranker model under {} and rerank.train-on-start=false: the rerank stage passes through"
          + " until one is trained (POST /v1/admin/rerank/training)", registry.root());
    }
    return t;
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnProperty(name = "rankstack.ctr.enabled", havingValue = "true", matchIfMissing = true)
  CtrLearnerService ctrLearner(RankstackProperties props, LearnLoopService loop) {
    CtrLearnerService s = new CtrLearnerService(props);
    if (loop.isRunning()) { // the embedded broker: start now, a bad checkpoint stops the server
      s.start(loop.bootstrapServers());
    } else { // an external cluster: once the learn loop has created the topics
      loop.whenRunning(l -> s.start(l.bootstrapServers()));
    }
    return s;
  }

  @Bean(destroyMethod = "close")
  LearnLoopService learnLoop(RankstackProperties props, MeterRegistry registry) {
    LearnLoopService s = new LearnLoopService(props);
    Gauge.builder("rankstack.learnloop.running", s, l -> l.isRunning() ? 1 : 0)
        .description("1 once the learn loop runs (0 while an external Kafka cluster is not reachable yet)")
        .register(registry);
    s.whenRunning(l -> new KafkaStreamsMetrics(l.streams(), Tags.of("app", "learn-loop")).bindTo(registry));
    return s;
  }

  /**
   * The event log on the learn loop's cluster; it holds events (bounded) until the learn loop runs,
   * so that a send never creates a topic the learn loop has not created with its partition count.
   */
  @Bean(destroyMethod = "close")
  EventLog eventLog(RankstackProperties props, LearnLoopService loop, MeterRegistry registry) {
    return new EventLog(loop.bootstrapServers(), Topics.DEFAULT, props.events().queueCapacity(), registry,
        loop::isRunning);
  }

  @Bean(destroyMethod = "shutdownNow")
  ExecutorService stageExecutor() {
    AtomicInteger n = new AtomicInteger();
    int threads = Math.max(4, Runtime.getRuntime().availableProcessors() * 4);
    return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(10_000), r -> {
      Thread t = new Thread(r, "rankstack-stage-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  @Bean
  Pipelines pipelines(RankstackProperties props, Collection collection, ModelRegistry models, LearnLoopService loop,
                      RerankRegistry rerankModels, ObjectProvider<CtrLearnerService> ctr,
                      ExecutorService stageExecutor, MeterRegistry registry) {
    Duration budget = Duration.ofMillis(props.search().stageBudgetMs());
    Stage features = new FeatureStage(collection, props.search().rerankDepth());
    Stage ltr = new LambdaMartStage(models);
    Stage bandit = new BanditSlateStage(loop::bandit, props.bandit().poolSize(), props.bandit().slateSize());
    List<Stage> ltrStages = new ArrayList<>(List.of(features));
    if (props.ltr().enabled()) {
      ltrStages.add(ltr);
    }
    List<Stage> full = new ArrayList<>(ltrStages);
    if (props.rerank().enabled()) {
      full.add(new NeuralRerankStage(rerankModels, props.rerank().topN(), Duration.ofMillis(props.rerank().budgetMs())));
    }
    List<Stage> recommend = new ArrayList<>();
    if (props.ctr().enabled()) {
      recommend.add(new CtrStage(ctr.getObject().holder(), CtrLearnerService.DENSE_FEATURES));
    }
    if (props.bandit().enabled()) {
      full.add(bandit);
      recommend.add(bandit);
    }
    Map<String, Pipeline> m = new LinkedHashMap<>();
    m.put("bm25", new Pipeline("bm25", List.of(), budget, stageExecutor, registry));
    m.put("ltr", new Pipeline("ltr", ltrStages, budget, stageExecutor, registry));
    m.put("full", new Pipeline("full", full, budget, stageExecutor, registry));
    m.put("recommend", new Pipeline("recommend", recommend, budget, stageExecutor, registry));
    Gauge.builder("rankstack.model.active", models, r -> r.active() == null ? 0 : 1)
        .description("1 while a LambdaMART version is active")
        .tag("model", props.ltr().model()).register(registry);
    MultiGauge versions = MultiGauge.builder("rankstack.model.version")
        .description("1 for the active version of each model").register(registry);
    models.onActivate(v -> versions.register(List.of(MultiGauge.Row.of(
        Tags.of("model", props.ltr().model(), "version", v), 1)), true));
    return new Pipelines(m);
  }

  @Bean
  RecentImpressions recentImpressions() {
    return new RecentImpressions(100_000);
  }

  @Bean
  ResponseItems responseItems(Collection collection) {
    return new ResponseItems(collection);
  }

  @Bean
  SearchService searchService(RankstackProperties props, Collection collection, Pipelines pipelines, Experiments experiments,
                              EventLog events, RecentImpressions recent, ResponseItems items, MeterRegistry registry) {
    return new SearchService(props, collection, pipelines, experiments, events, recent, items, 20261129L,
        Timer.builder("rankstack.stage.latency").description("time of one ranking stage").tag("stage", "bm25")
            .publishPercentileHistogram().register(registry));
  }

  @Bean
  RecommendService recommendService(RankstackProperties props, Collection collection, Pipelines pipelines,
                                    ClickStats clicks, ResponseItems items, SearchService search) {
    return new RecommendService(props, collection, pipelines.get("recommend"), clicks, items,
        (id, key, user, shown, versions) -> search.log(id, Surface.RECOMMEND, key, null, user, null, shown, null, null, versions));
  }

  @Bean
  ClickIntake clickIntake(RankstackProperties props, EventLog events, RecentImpressions recent, ClickStats stats,
                          Experiments experiments) {
    return new ClickIntake(events, recent, stats, experiments, props.events().maxBatch());
  }

  /** The admin key: configured, or generated once and kept in {@code data-dir/admin-api-key}. */
  @Bean
  AdminKey adminKey(RankstackProperties props) throws IOException {
    if (!props.admin().apiKey().isEmpty()) {
      return new AdminKey(props.admin().apiKey());
    }
    Path f = props.dataDir().resolve("admin-api-key");
    if (Files.isRegularFile(f)) {
      return new AdminKey(Files.readString(f, StandardCharsets.UTF_8).strip());
    }
    byte[] b = new byte[24];
    new SecureRandom().nextBytes(b);
    String key = HexFormat.of().formatHex(b);
    Files.createDirectories(f.getParent());
    Files.writeString(f, key + "\n", StandardCharsets.UTF_8);
    LOG.info("no rankstack.admin.api-key set: generated one in {}", f.toAbsolutePath());
    return new AdminKey(key);
  }

  /** The admin API key (compared in constant time). */
  public record AdminKey(String value) {
    public boolean matches(String candidate) {
      return candidate != null && java.security.MessageDigest.isEqual(
          value.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }
  }
}
