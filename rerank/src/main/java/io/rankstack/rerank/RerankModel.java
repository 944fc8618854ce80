package io.rankstack.rerank;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.JsonUtils;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained cross-encoder with its tokenizer, architecture and provenance.
 *
 * <p>Files ({@link #save}): {@code rerank-0000.params} (DJL's parameter file) and {@code model.json}:
 * {@code formatVersion}, {@code kind}, {@code version} (Rankstack's), {@code created},
 * {@code architecture} (every field of {@link ArchitectureConfig}), {@code featureNames} (the
 * first-stage features the head reads, see {@link #withFeatureNames}), {@code tokenizer} (buckets and
 * the vocabulary in id order), {@code training} and {@code metrics} (free-form provenance given by
 * the trainer and the caller), {@code parameters} (count). {@link #load} reads the architecture and
 * checks it against the tokenizer and, when given, the expected one before DJL reads the
 * parameters.
 *
 * <p>{@link #probabilities} may be called from several threads (each call has its own NDManager and
 * parameter store and PyTorch's inference on shared read-only weights is thread-safe); serving code
 * should use {@link Reranker}, which adds a predictor pool, batching and a time budget.
 */
public final class RerankModel implements AutoCloseable {
  public static final int FORMAT_VERSION = 1;
  public static final String KIND = "erank-cross-encoder";
  static final String PARAMS_NAME = "rerank";
  /** Rankstack's version, written into model.json. */
  public static final String RANKSTACK_VERSION = "0.1.0";

  private final Model model;
  private final Tokenizer tokenizer;
  private final ArchitectureConfig arch;
  private final Map<String, Object> training;
  private final Map<String, Object> metrics;
  private List<String> featureNames = List.of();

  RerankModel(Model model, Tokenizer tokenizer, ArchitectureConfig arch, Map<String, Object> training,
              Map<String, Object> metrics) {
    this.model = model;
    this.tokenizer = tokenizer;
    this.arch = arch;
    this.training = new LinkedHashMap<>(training);
    this.metrics = new LinkedHashMap<>(metrics);
  }

  public ArchitectureConfig architecture() {
    return arch;
  }

  public Tokenizer tokenizer() {
    return tokenizer;
  }

  /**
   * Names of the first-stage features the head reads, in input order; empty when unnamed (a model
   * saved before names were recorded) or when the architecture has no features.
   */
  public List<String> featureNames() {
    return featureNames;
  }

  /**
   * Records the names of the first-stage features (saved in model.json as {@code featureNames} and
   * checked by {@link #load(Path, ArchitectureConfig, List, Device)}), so that a model is never fed
   * another feature set of the same length.
   *
   * @throws IllegalArgumentException when the count differs from the architecture's featureCount
   */
  public RerankModel withFeatureNames(List<String> names) {
    if (names.size() != arch.featureCount()) {
      throw new IllegalArgumentException(names.size() + " feature names for an architecture with featureCount "
          + arch.featureCount());
    }
    this.featureNames = List.copyOf(names);
    return this;
  }

  /** Provenance of the training run (data, configuration, seed, times). */
  public Map<String, Object> training() {
    return Map.copyOf(training);
  }

  /** Metrics recorded with the model. */
  public Map<String, Object> metrics() {
    return Map.copyOf(metrics);
  }

  /** Adds (or replaces) a metric saved with the model, e.g. a test nDCG measured after training. */
  public void putMetric(String name, Object value) {
    metrics.put(name, value);
  }

  /** The device the parameters live on. */
  public Device device() {
    return model.getNDManager().getDevice();
  }

  Model djlModel() {
    return model;
  }

  /** Encodes one pair with this model's tokenizer and lengths. */
  public EncodedPair encode(String query, String document) {
    return tokenizer.encodePair(query, document, arch.maxLength(), arch.maxQueryTokens());
  }

  /** Number of trainable values. */
  public long parameterCount() {
    long n = 0;
    for (var p : model.getBlock().getParameters()) {
      n += p.getValue().getArray().getShape().size();
    }
    return n;
  }

  /**
   * Class probabilities of the pairs, computed in batches of {@code batchSize} (rows: pairs, columns:
   * the head's classes). {@code features} may be null when the architecture has none.
   */
  public float[][] probabilities(List<EncodedPair> pairs, float[][] features, int batchSize) {
    float[][] out = new float[pairs.size()][];
    for (int from = 0; from < pairs.size(); from += batchSize) {
      int to = Math.min(pairs.size(), from + batchSize);
      float[][] f = features == null ? null : java.util.Arrays.copyOfRange(features, from, to);
      float[][] p = batchProbabilities(new PairBatch(pairs.subList(from, to), f));
      System.arraycopy(p, 0, out, from, p.length);
    }
    return out;
  }

  float[][] batchProbabilities(PairBatch batch) {
    try (NDManager sub = model.getNDManager().newSubManager()) {
      NDArray logits = model.getBlock().forward(new ParameterStore(sub, false), batch.toNDList(sub, arch.featureCount()), false)
          .singletonOrThrow();
      return rows(logits.softmax(1).toFloatArray(), arch.head().classes());
    }
  }

  static float[][] rows(float[] flat, int cols) {
    float[][] out = new float[flat.length / cols][cols];
    for (int i = 0; i < out.length; i++) {
      System.arraycopy(flat, i * cols, out[i], 0, cols);
    }
    return out;
  }

  /** Writes the parameters and model.json into {@code dir} (created if needed). */
  public void save(Path dir) {
    try {
      Files.createDirectories(dir);
      // DJL numbers parameter files by epoch and loads the highest: replace, never add, so that the
      // folder holds exactly the model described by its model.json.
      try (var old = Files.list(dir)) {
        for (Path f : old.filter(f -> f.getFileName().toString().matches(PARAMS_NAME + "-\\d{4}\\.params")).toList()) {
          Files.delete(f);
        }
      }
      model.setProperty("Epoch", "0");
      model.save(dir, PARAMS_NAME);
      JsonObject json = new JsonObject();
      json.addProperty("formatVersion", FORMAT_VERSION);
      json.addProperty("kind", KIND);
      json.addProperty("version", RANKSTACK_VERSION);
      json.addProperty("created", Instant.now().toString());
      json.add("architecture", architectureJson(arch));
      JsonArray fnames = new JsonArray();
      featureNames.forEach(fnames::add);
      json.add("featureNames", fnames);
      JsonObject tok = new JsonObject();
      tok.addProperty("scheme", "words lower-cased, split at non-letter/digit; vocabulary + FNV-1a hashed 4-char pieces");
      tok.addProperty("buckets", tokenizer.buckets());
      JsonArray vocab = new JsonArray();
      tokenizer.vocabulary().forEach(vocab::add);
      tok.add("vocabulary", vocab);
      json.add("tokenizer", tok);
      json.add("training", JsonUtils.GSON.toJsonTree(training));
      json.add("metrics", JsonUtils.GSON.toJsonTree(metrics));
      json.addProperty("parameters", parameterCount());
      Files.writeString(dir.resolve("model.json"), JsonUtils.GSON_PRETTY.toJson(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonObject architectureJson(ArchitectureConfig a) {
    JsonObject o = new JsonObject();
    o.addProperty("head", a.head().name());
    o.addProperty("layers", a.layers());
    o.addProperty("hidden", a.hidden());
    o.addProperty("heads", a.heads());
    o.addProperty("maxLength", a.maxLength());
    o.addProperty("maxQueryTokens", a.maxQueryTokens());
    o.addProperty("featureCount", a.featureCount());
    o.addProperty("vocabularySize", a.vocabularySize());
    return o;
  }

  static ArchitectureConfig architectureOf(JsonObject o, Path file) {
    try {
      return new ArchitectureConfig(ScoreHead.valueOf(o.get("head").getAsString()), o.get("layers").getAsInt(),
          o.get("hidden").getAsInt(), o.get("heads").getAsInt(), o.get("maxLength").getAsInt(),
          o.get("maxQueryTokens").getAsInt(), o.get("featureCount").getAsInt(), o.get("vocabularySize").getAsInt());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(file + ": field 'architecture': " + e.getMessage(), e);
    }
  }

  /** Loads a model saved by {@link #save} onto {@link Tensors#defaultDevice()}. */
  public static RerankModel load(Path dir) {
    return load(dir, null, Tensors.defaultDevice());
  }

  /**
   * Loads a model saved by {@link #save}.
   *
   * @param expected when not null, the architecture the caller expects: a different one is an error
   *                 raised before any parameter is read
   */
  public static RerankModel load(Path dir, ArchitectureConfig expected, Device device) {
    return load(dir, expected, null, device);
  }

  /**
   * Loads a model saved by {@link #save}, checking its architecture and its first-stage feature names.
   *
   * @param expected             when not null, the architecture the caller expects
   * @param expectedFeatureNames when not null, the features (in order) the caller will feed: a model
   *                             recorded with other names, or without names, is an error raised before
   *                             any parameter is read
   */
  public static RerankModel load(Path dir, ArchitectureConfig expected, List<String> expectedFeatureNames, Device device) {
    Path file = dir.resolve("model.json");
    JsonObject json;
    try {
      json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(file + ": not a JSON object: " + e.getMessage(), e);
    }
    int format = json.has("formatVersion") ? json.get("formatVersion").getAsInt() : -1;
    if (format != FORMAT_VERSION) {
      throw new IllegalArgumentException(file + ": field 'formatVersion': " + format + ", expected " + FORMAT_VERSION);
    }
    String kind = json.has("kind") ? json.get("kind").getAsString() : "";
    if (!KIND.equals(kind)) {
      throw new IllegalArgumentException(file + ": field 'kind': '" + kind + "', expected '" + KIND + "'");
    }
    ArchitectureConfig arch = architectureOf(json.getAsJsonObject("architecture"), file);
    if (expected != null && !expected.equals(arch)) {
      throw new IllegalArgumentException(file + ": field 'architecture': " + arch + " differs from the expected " + expected);
    }
    List<String> names = new ArrayList<>();
    if (json.has("featureNames")) {
      for (JsonElement e : json.getAsJsonArray("featureNames")) {
        names.add(e.getAsString());
      }
    }
    if (!names.isEmpty() && names.size() != arch.featureCount()) {
      throw new IllegalArgumentException(file + ": field 'featureNames': " + names.size()
          + " names but architecture.featureCount is " + arch.featureCount());
    }
    if (expectedFeatureNames != null && !expectedFeatureNames.equals(names)) {
      throw new IllegalArgumentException(file + ": field 'featureNames': the model reads " + names
          + ", the caller feeds " + expectedFeatureNames);
    }
    JsonObject tok = json.getAsJsonObject("tokenizer");
    List<String> vocab = new ArrayList<>();
    for (JsonElement e : tok.getAsJsonArray("vocabulary")) {
      vocab.add(e.getAsString());
    }
    Tokenizer tokenizer = new Tokenizer(vocab, tok.get("buckets").getAsInt());
    if (tokenizer.idCount() != arch.vocabularySize()) {
      throw new IllegalArgumentException(file + ": field 'architecture.vocabularySize': " + arch.vocabularySize()
          + " but the tokenizer has " + tokenizer.idCount() + " ids");
    }
    Tensors.engine();
    Model model = Model.newInstance("rerank", device, "PyTorch");
    model.setBlock(new CrossEncoderBlock(arch));
    try {
      model.load(dir, PARAMS_NAME);
      completeLoadedBlock(model, arch);
    } catch (IOException | MalformedModelException e) {
      model.close();
      throw new IllegalArgumentException(dir + ": cannot load the parameters: " + e.getMessage(), e);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> training = json.has("training") ? JsonUtils.GSON.fromJson(json.get("training"), Map.class) : Map.of();
    @SuppressWarnings("unchecked")
    Map<String, Object> metrics = json.has("metrics") ? JsonUtils.GSON.fromJson(json.get("metrics"), Map.class) : Map.of();
    RerankModel loaded = new RerankModel(model, tokenizer, arch, training, metrics);
    loaded.featureNames = List.copyOf(names);
    return loaded;
  }

  /**
   * After {@code Model.load} a block has its parameters and input shapes but not its input names, and
   * DJL cannot save it again ("key value size mismatch"). Initialising it names the inputs and keeps
   * the loaded parameters (DJL initialises only parameters without a value).
   */
  static void completeLoadedBlock(Model model, ArchitectureConfig arch) {
    model.getBlock().initialize(model.getNDManager(), ai.djl.ndarray.types.DataType.FLOAT32, CrossEncoderBlock.inputShapes(arch));
  }

  /** Values of every parameter, by name (for tests comparing two runs). */
  public Map<String, float[]> parameterValues() {
    Map<String, float[]> out = new LinkedHashMap<>();
    for (var p : model.getBlock().getParameters()) {
      Parameter param = p.getValue();
      out.put(p.getKey(), param.getArray().toFloatArray());
    }
    return out;
  }

  @Override
  public void close() {
    model.close();
  }
}
