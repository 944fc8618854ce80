package io.rankstack.server.web;

import io.rankstack.server.config.RankstackProperties;
import io.rankstack.server.config.ServerConfiguration.AdminKey;
import io.rankstack.server.model.RerankRegistry;
import io.rankstack.server.model.RerankTraining;
import io.rankstack.server.search.BadRequestException;
import io.rankstack.server.search.Collection;
import io.swagger.v3.oas.annotations.Operation;
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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin routes of the neural reranker (admin key required, like {@link AdminController}'s):
 * versions with their {@code model.json}, activation, and training with progress.
 */
@RestController
public class RerankAdminController {
  private final AdminKey key;
  private final RankstackProperties props;
  private final RerankRegistry models;
  private final RerankTraining training;
  private final ExecutorService trainer = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "rankstack-rerank-admin-training");
    t.setDaemon(true);
    return t;
  });

  public RerankAdminController(AdminKey key, RankstackProperties props, RerankRegistry models, RerankTraining training) {
    this.key = key;
    this.props = props;
    this.models = models;
    this.training = training;
  }

  private void check(String apiKey) {
    if (!key.matches(apiKey)) {
      throw new UnauthorizedException(apiKey == null ? "this endpoint needs the admin key in the X-Api-Key header"
          : "the X-Api-Key header does not hold the admin key");
    }
  }

  @Operation(summary = "List the neural reranker versions (with model.json) and the active one")
  @GetMapping(value = "/v1/admin/rerank/models", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> models(@RequestHeader(value = "X-Api-Key", required = false) String apiKey) throws IOException {
    check(apiKey);
    List<Map<String, Object>> versions = new ArrayList<>();
    for (String v : models.versions()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("version", v);
      m.put("metadata", Files.readString(models.root().resolve(v).resolve("model.json")));
      versions.add(m);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("model", props.rerank().model());
    out.put("active", models.active() == null ? null : models.active().version());
    out.put("versions", versions);
    return out;
  }

  @Operation(summary = "Activate a reranker version (loaded fully, then swapped atomically)")
  @PostMapping(value = "/v1/admin/rerank/models/{version}/activate", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> activate(@RequestHeader(value = "X-Api-Key", required = false) String apiKey,
                                      @PathVariable String version) {
    check(apiKey);
    return Map.of("active", models.activate(version).version());
  }

  @Operation(summary = "Start reranker training from the sample's graded judgments (or server-side 'queries' and 'qrels' paths); poll GET for progress")
  @PostMapping(value = "/v1/admin/rerank/training", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<RerankTraining.Status> train(@RequestHeader(value = "X-Api-Key", required = false) String apiKey,
                                                     @RequestParam(required = false) String queries,
                                                     @RequestParam(required = false) String qrels,
                                                     @RequestParam(defaultValue = "false") boolean activate) throws IOException {
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
        models.activate(v);
      }
      return v;
    });
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(training.status());
  }

  @Operation(summary = "Progress of the latest reranker training")
  @GetMapping(value = "/v1/admin/rerank/training", produces = MediaType.APPLICATION_JSON_VALUE)
  public RerankTraining.Status trainingStatus(@RequestHeader(value = "X-Api-Key", required = false) String apiKey) {
    check(apiKey);
    return training.status();
  }
}
