package io.rankstack.server.web;

import io.rankstack.index.io.DocumentFormat;
import io.rankstack.ltr.lambdamart.LambdaMartCodec;
import io.rankstack.server.config.RankstackProperties;
import io.rankstack.server.config.ServerConfiguration.AdminKey;
import io.rankstack.server.model.LtrTraining;
import io.rankstack.server.model.TrainingStatus;
import io.rankstack.server.model.ModelRegistry;
import io.rankstack.server.search.BadRequestException;
import io.rankstack.server.search.Collection;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Admin, behind the {@code X-Api-Key} header: documents (JSONL upload or a server-side path),
 * model versions, activation, and LTR training with progress. A missing or wrong key gets 401 and
 * nothing else.
 */
@RestController
public class AdminController {
  private final RankstackProperties props;
  private final Collection collection;
  private final ModelAdminRoutes routes;

  public AdminController(AdminKey key, RankstackProperties props, Collection collection, ModelRegistry models,
                         LtrTraining training) {
    this.props = props;
    this.collection = collection;
    this.routes = new ModelAdminRoutes(key, props, models, training, props.ltr().model(),
        LambdaMartCodec.METADATA_FILE, "rankstack-ltr-training");
  }

  private void check(String apiKey) {
    routes.check(apiKey);
  }

  @Operation(summary = "Index documents from an uploaded file (multipart field 'file'); format beir (default), json, anserini_json or trec")
  @PostMapping(value = "/v1/admin/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> upload(@RequestHeader(value = "X-Api-Key", required = false) String apiKey,
                                    @RequestPart(value = "file", required = false) MultipartFile file,
                                    @RequestParam(defaultValue = "beir") String format) throws IOException {
    check(apiKey);
    DocumentFormat f = format(format);
    if (file == null || file.isEmpty()) {
      throw new BadRequestException("file", "upload the documents as multipart field 'file' (JSON lines)");
    }
    String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "upload.jsonl"
        : Path.of(file.getOriginalFilename()).getFileName().toString().replaceAll("[^A-Za-z0-9_.-]", "_");
    if (!name.endsWith(".jsonl") && !name.endsWith(".json") && !name.endsWith(".gz") && !name.endsWith(".trec")) {
      name = name + ".jsonl";
    }
    Path tmp = Files.createTempDirectory("rankstack-upload").resolve(name);
    try {
      file.transferTo(tmp);
      int n = collection.addAll(f, tmp);
      return Map.of("added", n, "documents", collection.documentCount(), "source", file.getOriginalFilename() == null ? name : file.getOriginalFilename());
    } finally {
      Files.deleteIfExists(tmp);
      Files.deleteIfExists(tmp.getParent());
    }
  }

  /** Body of {@code POST /v1/admin/documents} with a path. */
  public record PathRequest(String path, String format) {}

  @Operation(summary = "Index documents from a file on the server: {\"path\": \"...\", \"format\": \"beir\"}")
  @PostMapping(value = "/v1/admin/documents", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> fromPath(@RequestHeader(value = "X-Api-Key", required = false) String apiKey,
                                      @org.springframework.web.bind.annotation.RequestBody(required = false) PathRequest body)
      throws IOException {
    check(apiKey);
    if (body == null || body.path() == null || body.path().isBlank()) {
      throw new BadRequestException("path", "send {\"path\": \"/file/on/the/server.jsonl\", \"format\": \"beir\"}");
    }
    Path p = Path.of(body.path());
    if (!Files.isRegularFile(p)) {
      throw new BadRequestException("path", "no readable file at '" + body.path() + "' on the server");
    }
    int n = collection.addAll(format(body.format() == null ? "beir" : body.format()), p);
    return Map.of("added", n, "documents", collection.documentCount(), "source", body.path());
  }

  @Operation(summary = "Delete a document by id")
  @DeleteMapping(value = "/v1/admin/documents/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> delete(@RequestHeader(value = "X-Api-Key", required = false) String apiKey, @PathVariable String id)
      throws IOException {
    check(apiKey);
    if (!collection.delete(id)) {
      throw new NoSuchElementException("no document '" + id + "' in collection " + collection.name());
    }
    return Map.of("deleted", id, "documents", collection.documentCount());
  }

  @Operation(summary = "List the LambdaMART versions and the active one")
  @GetMapping(value = "/v1/admin/models", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> models(@RequestHeader(value = "X-Api-Key", required = false) String apiKey) throws IOException {
    return routes.versions(apiKey);
  }

  @Operation(summary = "Activate a model version (loaded fully, then swapped atomically)")
  @PostMapping(value = "/v1/admin/models/{version}/activate", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> activate(@RequestHeader(value = "X-Api-Key", required = false) String apiKey,
                                      @PathVariable String version) {
    return routes.activate(apiKey, version);
  }

  @Operation(summary = "Start LTR training from the sample's judgments (or server-side 'queries' and 'qrels' paths); poll GET for progress")
  @PostMapping(value = "/v1/admin/training", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<TrainingStatus> train(@RequestHeader(value = "X-Api-Key", required = false) String apiKey,
                                                  @RequestParam(required = false) String queries,
                                                  @RequestParam(required = false) String qrels,
                                                  @RequestParam(defaultValue = "false") boolean activate) throws IOException {
    return routes.train(apiKey, queries, qrels, activate);
  }

  @Operation(summary = "Progress of the latest training")
  @GetMapping(value = "/v1/admin/training", produces = MediaType.APPLICATION_JSON_VALUE)
  public TrainingStatus trainingStatus(@RequestHeader(value = "X-Api-Key", required = false) String apiKey) {
    return routes.status(apiKey);
  }

  private static DocumentFormat format(String name) {
    try {
      return DocumentFormat.parse(name);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("format", e.getMessage());
    }
  }
}
