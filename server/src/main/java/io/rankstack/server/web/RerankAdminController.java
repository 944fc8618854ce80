package io.rankstack.server.web;

import io.rankstack.server.config.RankstackProperties;
import io.rankstack.server.config.ServerConfiguration.AdminKey;
import io.rankstack.server.model.RerankRegistry;
import io.rankstack.server.model.RerankTraining;
import io.rankstack.server.model.TrainingStatus;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.util.Map;
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
  private final ModelAdminRoutes routes;

  public RerankAdminController(AdminKey key, RankstackProperties props, RerankRegistry models, RerankTraining training) {
    this.routes = new ModelAdminRoutes(key, props, models, training, props.rerank().model(), "model.json",
        "rankstack-rerank-admin-training");
  }

  @Operation(summary = "List the neural reranker versions (with model.json) and the active one")
  @GetMapping(value = "/v1/admin/rerank/models", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> models(@RequestHeader(value = "X-Api-Key", required = false) String apiKey) throws IOException {
    return routes.versions(apiKey);
  }

  @Operation(summary = "Activate a reranker version (loaded fully, then swapped atomically)")
  @PostMapping(value = "/v1/admin/rerank/models/{version}/activate", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> activate(@RequestHeader(value = "X-Api-Key", required = false) String apiKey,
                                      @PathVariable String version) {
    return routes.activate(apiKey, version);
  }

  @Operation(summary = "Start reranker training from the sample's graded judgments (or server-side 'queries' and 'qrels' paths); poll GET for progress")
  @PostMapping(value = "/v1/admin/rerank/training", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<TrainingStatus> train(@RequestHeader(value = "X-Api-Key", required = false) String apiKey,
                                                     @RequestParam(required = false) String queries,
                                                     @RequestParam(required = false) String qrels,
                                                     @RequestParam(defaultValue = "false") boolean activate) throws IOException {
    return routes.train(apiKey, queries, qrels, activate);
  }

  @Operation(summary = "Progress of the latest reranker training")
  @GetMapping(value = "/v1/admin/rerank/training", produces = MediaType.APPLICATION_JSON_VALUE)
  public TrainingStatus trainingStatus(@RequestHeader(value = "X-Api-Key", required = false) String apiKey) {
    return routes.status(apiKey);
  }
}
