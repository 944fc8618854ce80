package io.rankstack.server.web;

import io.rankstack.server.config.RankstackProperties;
import io.rankstack.server.config.ServerConfiguration.AdminKey;
import io.rankstack.server.model.TrainingJob;
import io.rankstack.server.model.TrainingStatus;
import io.rankstack.server.model.VersionedModels;
import io.rankstack.server.search.BadRequestException;
import io.rankstack.server.search.Collection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The behaviour behind the model-admin routes that the LambdaMART and the reranker controllers share:
 * the admin-key check, the version listing with each version's metadata file, activation, and
 * background training on judged queries with progress. The controllers keep only their routes.
 */
final class ModelAdminRoutes {
  private final AdminKey key;
  private final RankstackProperties props;
  private final VersionedModels models;
  private final TrainingJob training;
  private final String configuredModel;
  private final String metadataFile;
  private final ExecutorService trainer;

  ModelAdminRoutes(AdminKey key, RankstackProperties props, VersionedModels models, TrainingJob training,
                   String configuredModel, String metadataFile, String threadName) {
    this.key = key;
    this.props = props;
    this.models = models;
    this.training = training;
    this.configuredModel = configuredModel;
    this.metadataFile = metadataFile;
    this.trainer = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, threadName);
      t.setDaemon(true);
      return t;
    });
  }

  /** Refuses a request without the admin key with 401 and nothing else. */
  void check(String apiKey) {
    if (!key.matches(apiKey)) {
      throw new UnauthorizedException(apiKey == null ? "this endpoint needs the admin key in the X-Api-Key header"
          : "the X-Api-Key header does not hold the admin key");
    }
  }

  Map<String, Object> versions(String apiKey) throws IOException {
    check(apiKey);
    List<Map<String, Object>> versions = new ArrayList<>();
    for (String v : models.versions()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("version", v);
      m.put("metadata", Files.readString(models.root().resolve(v).resolve(metadataFile)));
      versions.add(m);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("model", configuredModel);
    out.put("active", models.activeVersion());
    out.put("versions", versions);
    return out;
  }

  Map<String, Object> activate(String apiKey, String version) {
    check(apiKey);
    return Map.of("active", models.activateVersion(version));
  }

  /**
   * Starts a training on the bundled sample's judgments, or on server-side {@code queries} and
   * {@code qrels} files; 400 when a file is not readable, 409 when a training is already running.
   */
  ResponseEntity<TrainingStatus> train(String apiKey, String queries, String qrels, boolean activate) throws IOException {
    check(apiKey);
    Path q = queries == null ? Collection.sampleFile(props, "queries.jsonl") : Path.of(queries);
    Path j = qrels == null ? Collection.sampleFile(props, "qrels/test.tsv") : Path.of(qrels);
    if (!Files.isRegularFile(q) || !Files.isRegularFile(j)) {
      throw new BadRequestException(!Files.isRegularFile(q) ? "queries" : "qrels", "no readable file at '"
          + (!Files.isRegularFile(q) ? q : j) + "' on the server");
    }
    try {
      training.queue();
    } catch (IllegalStateException e) {
      throw new ConflictException(e.getMessage());
    }
    trainer.submit(() -> {
      String v = training.trainQueued(q, j, line -> { });
      if (activate) {
        models.activateVersion(v);
      }
      return v;
    });
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(training.status());
  }

  TrainingStatus status(String apiKey) {
    check(apiKey);
    return training.status();
  }
}
