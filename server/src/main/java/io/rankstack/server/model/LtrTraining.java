package io.rankstack.server.model;

import io.rankstack.core.Judgments;
import io.rankstack.core.Query;
import io.rankstack.core.RankedList;
import io.rankstack.core.Shuffle;
import io.rankstack.index.Bm25Searcher;
import io.rankstack.index.features.FeatureExtractor;
import io.rankstack.ltr.LetorDataset;
import io.rankstack.ltr.LetorRow;
import io.rankstack.ltr.lambdamart.LambdaMartConfig;
import io.rankstack.ltr.lambdamart.LambdaMartModel;
import io.rankstack.ltr.lambdamart.LambdaMartTrainer;
import io.rankstack.server.search.Collection;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Trains a LambdaMART version from judgments over the served collection: BM25 top-{@code depth}
 * candidates per judged query, the serving feature vector of each (so training and serving see
 * the same features), grades from the qrels; a seeded 80/20 split of the queries, early stopping on
 * the 20%. One training at a time; {@link #status()} reports progress.
 */
public final class LtrTraining implements TrainingJob {

  private final Collection collection;
  private final ModelRegistry registry;
  private final int depth;
  private final int rounds;
  private final long seed;
  private final Clock clock;
  private final TrainingProgress state = new TrainingProgress("training", "LTR training");


  public LtrTraining(Collection collection, ModelRegistry registry, int depth, int rounds, long seed, Clock clock) {
    this.collection = Objects.requireNonNull(collection);
    this.registry = Objects.requireNonNull(registry);
    this.depth = depth;
    this.rounds = rounds;
    this.seed = seed;
    this.clock = clock;
  }

  @Override
  public TrainingStatus status() {
    return state.status();
  }

  /** Whether a training is running now. */
  public boolean running() {
    return state.running();
  }

  /**
   * Trains and saves a new version (not activated) from {@code queriesFile} (BEIR queries.jsonl) and
   * {@code qrelsFile} (TREC or BEIR qrels).
   *
   * @param progress receives a line per step (the start-up log shows it)
   * @return the new version
   * @throws IllegalStateException when a training runs already
   */
  public String train(Path queriesFile, Path qrelsFile, Consumer<String> progress) throws Exception {
    queue();
    return trainQueued(queriesFile, qrelsFile, progress);
  }

  /**
   * Claims the trainer and sets the status to {@code queued}, so that a caller who starts the
   * training on another thread reports this training's progress from now on.
   *
   * @throws IllegalStateException when a training runs already
   */
  @Override
  public void queue() {
    state.queue();
  }

  /** Runs the training claimed with {@link #queue()}. */
  @Override
  public String trainQueued(Path queriesFile, Path qrelsFile, Consumer<String> progress) throws Exception {
    state.requireQueued();
    try {
      JudgedQueries judged = JudgedQueries.read(queriesFile, qrelsFile);
      Judgments qrels = judged.qrels();
      List<Query> queries = judged.queries();
      List<Query> shuffled = new ArrayList<>(queries);
      SplittableRandom rnd = new SplittableRandom(seed);
      Shuffle.inPlace(shuffled, rnd);
      Set<String> valid = new HashSet<>();
      for (int i = 0; i < Math.max(1, shuffled.size() / 5); i++) {
        valid.add(shuffled.get(i).id());
      }
      List<LetorRow> train = new ArrayList<>();
      List<LetorRow> validation = new ArrayList<>();
      List<String> names;
      int width;
      try (Bm25Searcher searcher = collection.acquire()) {
        FeatureExtractor fx = collection.features(searcher);
        names = fx.names();
        width = fx.size();
        for (int i = 0; i < queries.size(); i++) {
          Query q = queries.get(i);
          RankedList first = searcher.search(q, depth);
          float[][] x = fx.extract(q, first);
          for (int r = 0; r < x.length; r++) {
            String doc = first.atRank(r + 1).docId();
            Integer g = qrels.grade(q.id(), doc);
            LetorRow row = new LetorRow(q.id(), g == null || g < 0 ? 0 : g, x[r], doc);
            (valid.contains(q.id()) ? validation : train).add(row);
          }
          if ((i + 1) % 25 == 0 || i + 1 == queries.size()) {
            state.step("extracting", 5 + 45 * (i + 1) / queries.size(),
                "features for " + (i + 1) + "/" + queries.size() + " queries", progress);
          }
        }
      }
      state.step("training", 50, "LambdaMART, " + train.size() + " training rows, " + validation.size()
          + " validation rows, up to " + rounds + " rounds", progress);
      LambdaMartConfig config = LambdaMartConfig.defaults().withSeed(seed).withRounds(rounds, Math.min(20, rounds));
      LambdaMartModel model = new LambdaMartTrainer(config, clock).train(
          new LetorDataset(qrelsFile.getFileName() + " (80%)", width, train),
          new LetorDataset(qrelsFile.getFileName() + " (20%)", width, validation), names);
      String version = registry.newVersion(clock.instant());
      registry.save(version, model);
      progress.accept(state.saved("version " + version + ": " + model.info().trees() + " trees, "
          + model.info().metrics(), version, model.info().metrics()).detail());
      return version;
    } catch (Exception | Error e) {
      state.failed(e);
      throw e;
    } finally {
      state.release();
    }
  }

}
