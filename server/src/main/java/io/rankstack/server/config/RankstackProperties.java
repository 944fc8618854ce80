package io.rankstack.server.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every {@code rankstack.*} setting of the server, bound and validated at start-up: a bad value stops
 * the start with a message that names the property. Each nested record is one area.
 *
 * @param dataDir     {@code rankstack.data-dir}: index, models, state and the embedded broker's logs live below it
 * @param kafka       {@code rankstack.kafka.*}: where events go
 * @param streaming   {@code rankstack.streaming.*}: the in-process learn loop
 * @param index       {@code rankstack.index.*}: the collection served
 * @param search      {@code rankstack.search.*}: request limits and stage depths and budgets
 * @param ltr         {@code rankstack.ltr.*}: the LambdaMART stage and its default model
 * @param rerank      {@code rankstack.rerank.*}: the neural reranker stage and its default model
 * @param ctr         {@code rankstack.ctr.*}: the online AdaptDHM CTR stage of recommendations
 * @param bandit      {@code rankstack.bandit.*}: the online slate
 * @param events      {@code rankstack.events.*}: event logging and intake
 * @param admin       {@code rankstack.admin.*}: the admin API key
 * @param server      {@code rankstack.server.*}: the server's own state (click signals, experiment tallies)
 * @param experiments {@code rankstack.experiments[i].*}: interleaving experiments
 */
@ConfigurationProperties("rankstack")
public record RankstackProperties(
    @DefaultValue("data") Path dataDir,
    @DefaultValue Kafka kafka,
    @DefaultValue Streaming streaming,
    @DefaultValue Index index,
    @DefaultValue Search search,
    @DefaultValue Ltr ltr,
    @DefaultValue Rerank rerank,
    @DefaultValue Ctr ctr,
    @DefaultValue Bandit bandit,
    @DefaultValue Events events,
    @DefaultValue Admin admin,
    @DefaultValue Server server,
    List<Experiment> experiments) {

  public RankstackProperties {
    experiments = experiments == null ? List.of() : List.copyOf(experiments);
    Set<String> ids = new java.util.HashSet<>();
    for (int i = 0; i < experiments.size(); i++) {
      if (!ids.add(experiments.get(i).id())) {
        throw bad("experiments[" + i + "].id", experiments.get(i).id(), "experiment ids must be unique");
      }
    }
  }

  static IllegalArgumentException bad(String key, Object value, String rule) {
    return new IllegalArgumentException("invalid setting rankstack." + key + "=" + value + ": " + rule);
  }

  static void check(boolean ok, String key, Object value, String rule) {
    if (!ok) {
      throw bad(key, value, rule);
    }
  }

  /**
   * @param bootstrapServers an external cluster; empty starts the embedded KRaft broker under {@code data-dir/kafka}
   * @param retryMaxMs       with an external cluster that cannot be reached at start, the longest pause between
   *                         attempts to start the learn loop (pauses double from 1 s up to this; default 30 s)
   */
  public record Kafka(@DefaultValue("") String bootstrapServers, @DefaultValue("30000") long retryMaxMs) {
    public Kafka {
      bootstrapServers = bootstrapServers == null ? "" : bootstrapServers.strip();
      check(retryMaxMs >= 100, "kafka.retry-max-ms", retryMaxMs, "must be >= 100");
    }
  }

  /**
   * @param joinWindowMs     clicks at most this long after their impression are joined; the bandit
   *                         learns from an impression when its window closes (default 60 s)
   * @param graceMs          extra stream time before a window closes (default 1 s)
   * @param partitions       partitions of the topics the server creates (default 4)
   * @param commitIntervalMs exactly-once transaction length (default 100 ms)
   * @param applicationServer host:port this instance advertises for reads of the learned state; empty for a
   *                          single instance (then every context is read locally)
   */
  public record Streaming(@DefaultValue("60000") long joinWindowMs, @DefaultValue("1000") long graceMs,
                          @DefaultValue("4") int partitions, @DefaultValue("100") long commitIntervalMs,
                          @DefaultValue("") String applicationServer) {
    public Streaming {
      check(joinWindowMs >= 1, "streaming.join-window-ms", joinWindowMs, "must be >= 1");
      check(graceMs >= 0, "streaming.grace-ms", graceMs, "must be >= 0");
      check(partitions >= 1, "streaming.partitions", partitions, "must be >= 1");
      check(commitIntervalMs >= 1, "streaming.commit-interval-ms", commitIntervalMs, "must be >= 1");
      applicationServer = applicationServer == null ? "" : applicationServer.strip();
      check(applicationServer.isEmpty() || applicationServer.matches("[^:]+:\\d+"), "streaming.application-server",
          applicationServer, "must be host:port");
    }
  }

  /**
   * @param collection name of the collection (its index is {@code data-dir/index/<collection>}; also the
   *                   only accepted {@code domain} of recommendations)
   * @param sample     a BEIR folder indexed when the index is empty; empty uses the Cranfield sample inside the jar
   * @param fields     text fields for features, in vector order (the default model's 60 features)
   */
  public record Index(@DefaultValue("cranfield") String collection, @DefaultValue("") String sample,
                      @DefaultValue({"contents", "title", "text"}) List<String> fields) {
    public Index {
      check(collection != null && collection.matches("[A-Za-z0-9_.-]{1,64}"), "index.collection", collection,
          "must be 1-64 letters, digits, '.', '_' or '-'");
      check(fields != null && !fields.isEmpty(), "index.fields", fields, "must name at least one text field");
      fields = List.copyOf(fields);
    }
  }

  /**
   * @param maxQueryLength  longest accepted {@code q}, in characters
   * @param maxK            largest accepted {@code k}
   * @param retrievalDepth  BM25 candidates (default 1000)
   * @param rerankDepth     candidates that get features and LambdaMART scores (default 100)
   * @param stageBudgetMs   time budget of each stage after retrieval; a stage over it passes its input through
   * @param maxFilters      most {@code filter} parameters in one request
   */
  public record Search(@DefaultValue("512") int maxQueryLength, @DefaultValue("100") int maxK,
                       @DefaultValue("1000") int retrievalDepth, @DefaultValue("100") int rerankDepth,
                       @DefaultValue("200") long stageBudgetMs, @DefaultValue("8") int maxFilters) {
    public Search {
      check(maxQueryLength >= 1 && maxQueryLength <= 65536, "search.max-query-length", maxQueryLength, "must be in [1, 65536]");
      check(maxK >= 1 && maxK <= 1000, "search.max-k", maxK, "must be in [1, 1000]");
      check(retrievalDepth >= 1 && retrievalDepth <= 10000, "search.retrieval-depth", retrievalDepth, "must be in [1, 10000]");
      check(rerankDepth >= 1 && rerankDepth <= retrievalDepth, "search.rerank-depth", rerankDepth,
          "must be in [1, search.retrieval-depth]");
      check(maxK <= rerankDepth, "search.max-k", maxK, "must be <= search.rerank-depth (" + rerankDepth + ")");
      check(stageBudgetMs >= 1, "search.stage-budget-ms", stageBudgetMs, "must be >= 1");
      check(maxFilters >= 0, "search.max-filters", maxFilters, "must be >= 0");
    }
  }

  /**
   * @param enabled       whether the LambdaMART stage runs
   * @param model         model name: versions live under {@code data-dir/models/<model>/<version>}
   * @param trainRounds   boosting rounds of the default model (early stopping on held-out queries)
   * @param trainSeed     seed of the default model and its query split
   */
  public record Ltr(@DefaultValue("true") boolean enabled, @DefaultValue("lambdamart") String model,
                    @DefaultValue("200") int trainRounds, @DefaultValue("12345") long trainSeed) {
    public Ltr {
      check(model != null && model.matches("[A-Za-z0-9_.-]{1,64}"), "ltr.model", model, "must be 1-64 letters, digits, '.', '_' or '-'");
      check(trainRounds >= 1 && trainRounds <= 5000, "ltr.train-rounds", trainRounds, "must be in [1, 5000]");
    }
  }

  /**
   * @param enabled   whether the bandit slate stage runs
   * @param poolSize  top candidates the bandit chooses among (default 10: it reorders the top 10; larger explores deeper)
   * @param slateSize K, the slate length (default 10)
   */
  public record Bandit(@DefaultValue("true") boolean enabled, @DefaultValue("10") int poolSize,
                       @DefaultValue("10") int slateSize) {
    public Bandit {
      check(slateSize >= 1 && slateSize <= 100, "bandit.slate-size", slateSize, "must be in [1, 100]");
      check(poolSize >= slateSize && poolSize <= 1000, "bandit.pool-size", poolSize, "must be in [bandit.slate-size, 1000]");
    }
  }

  /**
   * @param enabled     the neural rerank stage runs after LambdaMART in the {@code full} ranker
   * @param topN        candidates the cross-encoder rescores (the rest keep LambdaMART's order below them)
   * @param budgetMs    the stage's own time budget; over it the stage passes LambdaMART's list through
   * @param model       folder name under {@code data-dir/models} holding the versions
   * @param trainOnStart train a small default model in the background when there is no version
   * @param trainSeed   seeds the default model's initialiser and shuffling
   * @param poolSize    predictors, i.e. requests reranked concurrently
   */
  public record Rerank(@DefaultValue("true") boolean enabled, @DefaultValue("30") int topN,
                       @DefaultValue("150") long budgetMs, @DefaultValue("rerank") String model,
                       @DefaultValue("true") boolean trainOnStart, @DefaultValue("12345") long trainSeed,
                       @DefaultValue("4") int poolSize) {
    public Rerank {
      check(topN >= 1 && topN <= 1000, "rerank.top-n", topN, "must be in [1, 1000]");
      check(budgetMs >= 1, "rerank.budget-ms", budgetMs, "must be >= 1");
      check(model != null && model.matches("[A-Za-z0-9._-]+"), "rerank.model", model, "must be a folder name");
      check(poolSize >= 1 && poolSize <= 64, "rerank.pool-size", poolSize, "must be in [1, 64]");
    }
  }

  /**
   * @param enabled     the CTR stage runs before the slate in recommendations, and its learner in-process
   * @param clusters    K of AdaptDHM's distribution router
   * @param batchSize   training examples per optimiser step of the online learner
   * @param checkpointBatches   a checkpoint (and a new published version) after this many batches ...
   * @param checkpointMs        ... or after this much time, whichever comes first
   * @param idleFlushMs train an incomplete batch when no example arrived for this long
   * @param seed        seeds the model's initialiser
   */
  public record Ctr(@DefaultValue("true") boolean enabled, @DefaultValue("4") int clusters,
                    @DefaultValue("64") int batchSize, @DefaultValue("10") int checkpointBatches,
                    @DefaultValue("30000") long checkpointMs, @DefaultValue("2000") long idleFlushMs,
                    @DefaultValue("20261129") long seed) {
    public Ctr {
      check(clusters >= 1 && clusters <= 64, "ctr.clusters", clusters, "must be in [1, 64]");
      check(batchSize >= 1 && batchSize <= 100000, "ctr.batch-size", batchSize, "must be in [1, 100000]");
      check(checkpointBatches >= 1, "ctr.checkpoint-batches", checkpointBatches, "must be >= 1");
      check(checkpointMs >= 1, "ctr.checkpoint-ms", checkpointMs, "must be >= 1");
      check(idleFlushMs >= 0, "ctr.idle-flush-ms", idleFlushMs, "must be >= 0");
    }
  }

  /**
   * @param queueCapacity events held while Kafka is slow or down; beyond it impressions are dropped (and counted)
   *                      and clicks are refused with 503
   * @param maxBatch      most clicks in one {@code POST /v1/events}
   */
  public record Events(@DefaultValue("10000") int queueCapacity, @DefaultValue("1000") int maxBatch) {
    public Events {
      check(queueCapacity >= 1, "events.queue-capacity", queueCapacity, "must be >= 1");
      check(maxBatch >= 1 && maxBatch <= 100000, "events.max-batch", maxBatch, "must be in [1, 100000]");
    }
  }

  /** @param apiKey the admin key (header {@code X-Api-Key}); empty generates one at start and writes it to {@code data-dir/admin-api-key} */
  public record Admin(@DefaultValue("") String apiKey) {
    public Admin {
      apiKey = apiKey == null ? "" : apiKey;
      check(apiKey.isEmpty() || apiKey.length() >= 16, "admin.api-key", "(hidden)", "must be at least 16 characters");
    }
  }

  /**
   * @param snapshotIntervalMs how often the click signals (popularity, recent clicks) and the interleaving
   *                           experiments' impressions are saved under {@code data-dir/server} when they changed
   *                           (also at shutdown; loaded at start). A crash loses at most this much. Default 30 s.
   */
  public record Server(@DefaultValue("30000") long snapshotIntervalMs) {
    public Server {
      check(snapshotIntervalMs >= 100, "server.snapshot-interval-ms", snapshotIntervalMs, "must be >= 100");
    }
  }

  /**
   * A team-draft interleaving experiment between two named rankers ({@code bm25}, {@code ltr}, {@code full}).
   *
   * @param id           experiment id (in impressions and {@code /v1/experiments/{id}})
   * @param rankerA      ranker A
   * @param rankerB      ranker B
   * @param trafficShare share of search requests interleaved, in [0, 1]
   */
  public record Experiment(String id, String rankerA, String rankerB, @DefaultValue("0.1") double trafficShare) {
    public Experiment {
      check(id != null && id.matches("[A-Za-z0-9_.-]{1,64}"), "experiments[].id", id, "must be 1-64 letters, digits, '.', '_' or '-'");
      check(Rankers.NAMES.contains(rankerA), "experiments[" + id + "].ranker-a", rankerA, "must be one of " + Rankers.NAMES);
      check(Rankers.NAMES.contains(rankerB), "experiments[" + id + "].ranker-b", rankerB, "must be one of " + Rankers.NAMES);
      check(!rankerA.equals(rankerB), "experiments[" + id + "].ranker-b", rankerB, "must differ from ranker-a");
      check(trafficShare >= 0 && trafficShare <= 1, "experiments[" + id + "].traffic-share", trafficShare, "must be in [0, 1]");
    }
  }

  /** Names of the rankers a request or an experiment can choose. */
  public static final class Rankers {
    /** {@code bm25}: retrieval only; {@code ltr}: + features + LambdaMART; {@code full}: + the bandit slate. */
    public static final List<String> NAMES = List.of("bm25", "ltr", "full");

    private Rankers() {}
  }
}
