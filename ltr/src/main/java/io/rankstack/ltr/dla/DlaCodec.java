package io.rankstack.ltr.dla;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Saves and loads a {@link DlaRanker} as a folder of two files, like the LambdaMART codec:
 * <ul>
 *   <li>{@value #WEIGHTS_FILE}: the standardisation and the layers as big-endian float32, in the order
 *       mean, scale, then W and b of each layer (W row-major (in, out));</li>
 *   <li>{@value #METADATA_FILE}: {@link Info} (kind, layer widths, training data, configuration,
 *       propensity ratios, metrics, created) as pretty-printed JSON with a {@code formatVersion}.</li>
 * </ul>
 */
public final class DlaCodec {
  public static final String WEIGHTS_FILE = "weights.f32";
  public static final String METADATA_FILE = "model.json";
  public static final int FORMAT_VERSION = 1;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private DlaCodec() {}

  /**
   * Provenance of a saved ranker.
   *
   * @param trainingData     where the clicks came from
   * @param method           dla, naive, ipw-randomised, ipw-oracle or true-grade
   * @param config           the training configuration
   * @param propensityRatios {@code P_o[0]/P_o[k]} the ranker was trained with (learned or given)
   * @param metrics          e.g. test nDCG@10
   * @param created          when training ended
   */
  public record Info(String trainingData, String method, DlaConfig config, double[] propensityRatios,
                     Map<String, Double> metrics, Instant created) {
    public Info {
      propensityRatios = propensityRatios.clone();
      metrics = Map.copyOf(metrics);
    }
  }

  /** A loaded model: the ranker and its provenance. */
  public record Saved(DlaRanker ranker, Info info) {}

  /** Writes the ranker and its metadata into {@code dir} (created when absent; files replaced). */
  public static void save(DlaRanker ranker, Info info, Path dir) {
    try {
      Files.createDirectories(dir);
      try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(dir.resolve(WEIGHTS_FILE))))) {
        write(out, ranker.mean());
        write(out, ranker.scale());
        List<float[]> w = ranker.weights();
        List<float[]> b = ranker.biases();
        for (int l = 0; l < w.size(); l++) {
          write(out, w.get(l));
          write(out, b.get(l));
        }
      }
      ObjectNode o = JSON.createObjectNode();
      o.put("formatVersion", FORMAT_VERSION);
      o.put("kind", DlaRanker.KIND);
      o.put("method", info.method());
      o.put("created", info.created().toString());
      o.put("trainingData", info.trainingData());
      o.put("features", ranker.featureCount());
      ArrayNode hidden = o.putArray("hidden");
      ranker.hidden().forEach(hidden::add);
      DlaConfig c = info.config();
      ObjectNode cfg = o.putObject("config");
      cfg.put("positions", c.positions());
      cfg.put("epochs", c.epochs());
      cfg.put("batchSize", c.batchSize());
      cfg.put("learningRate", c.learningRate());
      cfg.put("propensityLearningRate", c.propensityLearningRate());
      cfg.put("maxGradientNorm", c.maxGradientNorm());
      cfg.put("maxWeight", c.maxWeight());
      cfg.put("seed", c.seed());
      ArrayNode ratios = o.putArray("propensityRatios");
      for (double r : info.propensityRatios()) {
        ratios.add(r);
      }
      ObjectNode m = o.putObject("metrics");
      new TreeMap<>(info.metrics()).forEach(m::put);
      Files.writeString(dir.resolve(METADATA_FILE), JSON.writeValueAsString(o) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save DLA ranker to " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a folder written by {@link #save}.
   *
   * @throws IllegalArgumentException when a file is missing, the metadata is not a DLA ranker's, or the
   *                                  weights file does not match the widths in the metadata
   */
  public static Saved load(Path dir) {
    Path meta = dir.resolve(METADATA_FILE);
    Path weights = dir.resolve(WEIGHTS_FILE);
    if (!Files.isRegularFile(meta) || !Files.isRegularFile(weights)) {
      throw new IllegalArgumentException(dir + " is not a DLA ranker folder: needs " + METADATA_FILE + " and " + WEIGHTS_FILE);
    }
    JsonNode o;
    try {
      o = JSON.readTree(meta.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException(meta + ": not valid JSON: " + e.getMessage(), e);
    }
    int v = o.path("formatVersion").asInt(-1);
    if (v != FORMAT_VERSION || !DlaRanker.KIND.equals(o.path("kind").asText())) {
      throw new IllegalArgumentException(meta + ": not a " + DlaRanker.KIND + " model.json of format version " + FORMAT_VERSION
          + " (formatVersion " + v + ", kind '" + o.path("kind").asText() + "')");
    }
    int f = o.path("features").asInt(-1);
    if (f < 1) {
      throw new IllegalArgumentException(meta + ": field 'features' must be a positive integer");
    }
    List<Integer> hidden = new ArrayList<>();
    o.path("hidden").forEach(n -> hidden.add(n.asInt()));
    JsonNode c = o.path("config");
    DlaConfig cfg = new DlaConfig(hidden, c.path("positions").asInt(), c.path("epochs").asInt(), c.path("batchSize").asInt(),
        c.path("learningRate").asDouble(), c.path("propensityLearningRate").asDouble(), c.path("maxGradientNorm").asDouble(),
        c.path("maxWeight").asDouble(), c.path("seed").asLong());
    List<Double> ratios = new ArrayList<>();
    o.path("propensityRatios").forEach(n -> ratios.add(n.asDouble()));
    Map<String, Double> metrics = new TreeMap<>();
    o.path("metrics").fields().forEachRemaining(e -> metrics.put(e.getKey(), e.getValue().asDouble()));
    Info info = new Info(o.path("trainingData").asText(), o.path("method").asText(), cfg,
        ratios.stream().mapToDouble(Double::doubleValue).toArray(), metrics, Instant.parse(o.path("created").asText()));
    int[] widths = new int[hidden.size() + 2];
    widths[0] = f;
    for (int l = 0; l < hidden.size(); l++) {
      widths[l + 1] = hidden.get(l);
    }
    widths[widths.length - 1] = 1;
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(weights)))) {
      float[] mean = read(in, f, weights);
      float[] scale = read(in, f, weights);
      List<float[]> w = new ArrayList<>();
      List<float[]> b = new ArrayList<>();
      for (int l = 0; l + 1 < widths.length; l++) {
        w.add(read(in, widths[l] * widths[l + 1], weights));
        b.add(read(in, widths[l + 1], weights));
      }
      if (in.read() != -1) {
        throw new IllegalArgumentException(weights + " is longer than the widths in " + meta + " imply");
      }
      return new Saved(new DlaRanker(mean, scale, w, b), info);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + weights + ": " + e.getMessage(), e);
    }
  }

  private static void write(DataOutputStream out, float[] a) throws IOException {
    for (float v : a) {
      out.writeFloat(v);
    }
  }

  private static float[] read(DataInputStream in, int n, Path file) throws IOException {
    float[] a = new float[n];
    try {
      for (int i = 0; i < n; i++) {
        a[i] = in.readFloat();
      }
    } catch (EOFException e) {
      throw new IllegalArgumentException(file + " is shorter than its model.json's widths imply", e);
    }
    return a;
  }
}
