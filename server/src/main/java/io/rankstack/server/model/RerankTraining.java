package io.rankstack.server.model;

import io.rankstack.core.Judgments;
import io.rankstack.core.Query;
import io.rankstack.core.RankedList;
import io.rankstack.core.Shuffle;
import io.rankstack.index.Bm25Searcher;
import io.rankstack.rerank.ArchitectureConfig;
import io.rankstack.rerank.RerankDoc;
import io.rankstack.rerank.RerankModel;
import io.rankstack.rerank.RerankQuery;
import io.rankstack.rerank.RerankTrainer;
import io.rankstack.rerank.ScoreHead;
import io.rankstack.rerank.TargetScores;
import io.rankstack.rerank.Tokenizer;
import io.rankstack.rerank.TrainingConfig;
import io.rankstack.server.pipeline.NeuralRerankStage;
import io.rankstack.server.search.Collection;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Trains a neural reranker version from graded judgments over the served collection: for every
 * judged query the BM25 top {@code depth} (the candidates the stage sees, less LambdaMART's
 * reordering) with the document text the stage reads ({@link NeuralRerankStage#text}); targets
 * from the grades by {@link TargetScores#fromGrade} (unjudged = 0); a seeded 80/20 query split, the
 * 20% for the validation nDCG@10 in the progress lines. The architecture is deliberately tiny (one
 * Transformer layer of width 16, 64 tokens per pair, no first-stage features, vocabulary from the
 * training texts) and SFT runs one epoch: a default that trains in about a minute on 2 cores, not
 * an effectiveness claim (docs/experiments/rerank.md measures the reranker properly). One training
 * at a time; {@link #status()} reports progress.
 */
public final class RerankTraining implements TrainingJob {

  private final Collection collection;
  private final RerankRegistry registry;
  private final int depth;
  private final long seed;
  private final Clock clock;
  private final TrainingProgress state = new TrainingProgress("reranker training", "reranker training");


  public RerankTraining(Collection collection, RerankRegistry registry, int depth, long seed, Clock clock) {
    this.collection = Objects.requireNonNull(collection);
    this.registry = Objects.requireNonNull(registry);
    this.depth = depth;
    this.seed = seed;
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public TrainingStatus status() {
    return state.status();
  }

  public boolean running() {
    return state.running();
  }

  /**
   * Claims the trainer and sets the status to {@code queued}.
   *
   * @throws IllegalStateException when a training runs already
   */
  @Override
  public void queue() {
    state.queue();
  }

  /**
   * Runs the training claimed with {@link #queue()} and saves a new version (not activated).
   *
   * @param progress receives a line per step (the start-up log shows them)
   * @return the new version
   */
  @Override
  public String trainQueued(Path queriesFile, Path qrelsFile, Consumer<String> progress) throws Exception {
    state.requireQueued();
    try {
      JudgedQueries judged = JudgedQueries.read(queriesFile, qrelsFile);
      Judgments qrels = judged.qrels();
      List<Query> queries = judged.queries();
      List<RerankQuery> data = new ArrayList<>();
      try (Bm25Searcher searcher = collection.acquire()) {
        for (int i = 0; i < queries.size(); i++) {
          Query q = queries.get(i);
          RankedList first = searcher.search(q, depth);
          List<RerankDoc> docs = new ArrayList<>();
          for (var c : first.candidates()) {
            String text = searcher.document(c.docId()).map(NeuralRerankStage::text).orElse("");
            Integer g = qrels.grade(q.id(), c.docId());
            int grade = g == null || g < 0 ? 0 : g;
            docs.add(new RerankDoc(c.docId(), text, grade, TargetScores.fromGrade(grade), new float[0]));
          }
          if (!docs.isEmpty()) {
            data.add(new RerankQuery(q.id(), q.text(), docs));
          }
          if ((i + 1) % 50 == 0 || i + 1 == queries.size()) {
            state.step("extracting", 5 + 25 * (i + 1) / queries.size(), "candidates for " + (i + 1) + "/" + queries.size()
                + " queries", progress);
          }
        }
      }
      List<RerankQuery> shuffled = new ArrayList<>(data);
      SplittableRandom rnd = new SplittableRandom(seed);
      Shuffle.inPlace(shuffled, rnd);
      int nValid = Math.max(1, shuffled.size() / 5);
      List<RerankQuery> validation = shuffled.subList(0, nValid);
      List<RerankQuery> train = shuffled.subList(nValid, shuffled.size());
      List<String> texts = new ArrayList<>();
      for (RerankQuery q : train) {
        texts.add(q.text());
        q.docs().forEach(d -> texts.add(d.text()));
      }
      Tokenizer tokenizer = Tokenizer.build(texts, 2, 4000, 256);
      ArchitectureConfig arch = new ArchitectureConfig(ScoreHead.GRADED, 1, 16, 2, 64, 16, 0, tokenizer.idCount());
      int pairs = train.stream().mapToInt(q -> q.docs().size()).sum();
      state.step("training", 35, "cross-encoder SFT, 1 epoch over " + pairs + " pairs of " + train.size()
          + " queries (" + validation.size() + " for validation)", progress);
      RerankModel model = new RerankTrainer(TrainingConfig.defaults(seed).withEpochs(1, 0))
          .train(arch, tokenizer, train, validation, null, p -> state.step("training", 90, p.toString(), progress));
      String version = registry.newVersion(clock.instant());
      String saved;
      try {
        registry.save(version, model);
        saved = state.saved("version " + version + ": " + model.parameterCount() + " parameters, "
            + model.metrics(), version, model.metrics()).detail();
      } finally {
        model.close();
      }
      progress.accept("reranker training 100%: " + saved);
      return version;
    } catch (Exception | Error e) {
      state.failed(e);
      throw e;
    } finally {
      state.release();
    }
  }

}
