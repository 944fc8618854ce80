package io.rankstack.ltr.lambdamart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Saves and loads {@link LambdaMartModel}s as a folder of two files:
 * <ul>
 *   <li>{@value #BOOSTER_FILE}: the booster in XGBoost's own Universal Binary JSON format (readable
 *       by every XGBoost binding, Python included);
 *   <li>{@value #METADATA_FILE}: our metadata ({@link ModelInfo}: kind, features, training and
 *       validation data, configuration, seed, trees, metrics, created), pretty-printed JSON with a
 *       {@code formatVersion}.
 * </ul>
 * Separate from the model so that the algorithm is testable without disk (house style).
 */
public final class LambdaMartCodec {
  /** The booster file inside a model folder. */
  public static final String BOOSTER_FILE = "booster.ubj";
  /** The metadata file inside a model folder. */
  public static final String METADATA_FILE = "model.json";
  /** Version of the metadata layout. */
  public static final int FORMAT_VERSION = 1;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private LambdaMartCodec() {}

  /** Writes {@code model} into {@code dir} (created when absent; existing files are replaced). */
  public static void save(LambdaMartModel model, Path dir) {
    try {
      Files.createDirectories(dir);
      model.booster().saveModel(dir.resolve(BOOSTER_FILE).toString());
      Files.writeString(dir.resolve(METADATA_FILE), JSON.writeValueAsString(toJson(model.info())) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save model to " + dir + ": " + e.getMessage(), e);
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost cannot save the booster to " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a model folder written by {@link #save}.
   *
   * @throws IllegalArgumentException when a file is missing, the metadata is not ours, or the booster
   *                                  disagrees with the metadata on the number of features
   */
  public static LambdaMartModel load(Path dir) {
    Path meta = dir.resolve(METADATA_FILE);
    Path boost = dir.resolve(BOOSTER_FILE);
    if (!Files.isRegularFile(meta) || !Files.isRegularFile(boost)) {
      throw new IllegalArgumentException(dir + " is not a LambdaMART model folder: needs " + METADATA_FILE + " and " + BOOSTER_FILE);
    }
    ModelInfo info;
    try {
      info = fromJson(JSON.readTree(meta.toFile()), meta);
    } catch (IOException e) {
      throw new IllegalArgumentException(meta + ": not valid JSON: " + e.getMessage(), e);
    }
    try {
      Booster b = XGBoost.loadModel(boost.toString());
      long n = b.getNumFeature();
      if (n != info.features().size()) {
        b.dispose();
        throw new IllegalArgumentException(boost + " expects " + n + " features, " + meta + " lists " + info.features().size());
      }
      return new LambdaMartModel(b, info);
    } catch (XGBoostError e) {
      throw new IllegalArgumentException("XGBoost cannot read " + boost + ": " + e.getMessage(), e);
    }
  }

  static ObjectNode toJson(ModelInfo info) {
    ObjectNode o = JSON.createObjectNode();
    o.put("formatVersion", FORMAT_VERSION);
    o.put("kind", info.kind());
    o.put("created", info.created().toString());
    o.put("trainingData", info.trainingData());
    o.put("validationData", info.validationData());
    o.put("trees", info.trees());
    LambdaMartConfig c = info.config();
    ObjectNode cfg = o.putObject("config");
    cfg.put("maxRounds", c.maxRounds());
    cfg.put("earlyStoppingRounds", c.earlyStoppingRounds());
    cfg.put("eta", c.eta());
    cfg.put("maxDepth", c.maxDepth());
    cfg.put("minChildWeight", c.minChildWeight());
    cfg.put("subsample", c.subsample());
    cfg.put("colsampleByTree", c.colsampleByTree());
    cfg.put("lambda", c.lambda());
    cfg.put("evalAt", c.evalAt());
    cfg.put("threads", c.threads());
    cfg.put("seed", c.seed());
    ObjectNode m = o.putObject("metrics");
    new TreeMap<>(info.metrics()).forEach(m::put);
    ArrayNode f = o.putArray("features");
    info.features().forEach(f::add);
    return o;
  }

  static ModelInfo fromJson(JsonNode o, Path source) {
    int v = o.path("formatVersion").asInt(-1);
    if (v != FORMAT_VERSION || !LambdaMartModel.KIND.equals(o.path("kind").asText())) {
      throw new IllegalArgumentException(source + ": not a " + LambdaMartModel.KIND + " model.json of format version "
          + FORMAT_VERSION + " (formatVersion " + v + ", kind '" + o.path("kind").asText() + "')");
    }
    JsonNode c = o.path("config");
    LambdaMartConfig cfg = new LambdaMartConfig(c.path("maxRounds").asInt(), c.path("earlyStoppingRounds").asInt(),
        c.path("eta").asDouble(), c.path("maxDepth").asInt(), c.path("minChildWeight").asDouble(),
        c.path("subsample").asDouble(), c.path("colsampleByTree").asDouble(), c.path("lambda").asDouble(),
        c.path("evalAt").asInt(), c.path("threads").asInt(), c.path("seed").asLong());
    List<String> features = new ArrayList<>();
    o.path("features").forEach(n -> features.add(n.asText()));
    Map<String, Double> metrics = new TreeMap<>();
    o.path("metrics").fields().forEachRemaining(e -> metrics.put(e.getKey(), e.getValue().asDouble()));
    return new ModelInfo(o.path("kind").asText(), features, o.path("trainingData").asText(),
        o.path("validationData").asText(), cfg, o.path("trees").asInt(), metrics, Instant.parse(o.path("created").asText()));
  }
}
