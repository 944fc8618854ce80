package io.rankstack.server.experiment;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import io.rankstack.core.interleaving.InterleavedList;
import io.rankstack.server.state.SnapshotFile;
import io.rankstack.server.state.SnapshotFormatException;
import io.rankstack.server.state.SnapshotJson;
import io.rankstack.server.state.Snapshotted;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the interleaving experiments' impressions ({@link Experiments}) in a snapshot file, version 1:
 * <pre>{"version": 1,
 *  "experiments": {"&lt;id&gt;": [{"impressionId": "...", "docs": [...], "teams": ["A", "B", ...],
 *                          "a": [...], "b": [...], "clicked": [1-based positions, ascending]}, ...]}}</pre>
 * with each experiment's impressions oldest first. The interleaved list is stored whole (documents,
 * teams and both rankings), so its credit after a restart is the credit before it. On load, an
 * experiment that is no longer configured is dropped (and logged), and one that is keeps its most
 * recent {@link Experiments#capacity()} impressions.
 */
public final class ExperimentsSnapshot implements Snapshotted {
  private static final Logger LOG = LoggerFactory.getLogger(ExperimentsSnapshot.class);
  /** The file format's version. */
  public static final int VERSION = 1;

  private final SnapshotFile file;
  private final Experiments experiments;

  record ImpressionJson(String impressionId, List<String> docs, List<InterleavedList.Team> teams, List<String> a,
                        List<String> b, List<Integer> clicked) {}

  /** Keeps {@code experiments} in {@code file}; {@link #load()} restores it from there. */
  public ExperimentsSnapshot(SnapshotFile file, Experiments experiments) {
    this.file = file;
    this.experiments = experiments;
  }

  /**
   * Restores {@code experiments} from the file; a missing or unusable file leaves them as they are
   * (see {@link SnapshotFile#read}).
   */
  public void load() {
    file.read(ExperimentsSnapshot::decode).ifPresent(s -> {
      List<String> dropped;
      try {
        dropped = experiments.restore(s);
      } catch (IllegalArgumentException e) { // decode checks the same, so this is a bug, not a bad file
        throw new IllegalStateException("restoring experiments from " + file.path() + ": " + e.getMessage(), e);
      }
      for (String id : dropped) {
        LOG.info("experiment '{}' in {} is no longer configured: dropped its {} impressions", id, file.path(),
            s.get(id).size());
      }
      s.forEach((id, list) -> {
        if (!dropped.contains(id)) {
          LOG.info("restored experiment '{}' from {}: {} impressions{}", id, file.path(),
              Math.min(list.size(), experiments.capacity()), list.size() > experiments.capacity()
                  ? " (the most recent; " + (list.size() - experiments.capacity()) + " older ones over the capacity dropped)"
                  : "");
        }
      });
    });
  }

  @Override
  public String name() {
    return "interleaving experiments";
  }

  @Override
  public long changes() {
    return experiments.changes();
  }

  @Override
  public long save() throws IOException {
    Experiments.State s = experiments.export();
    file.write(out -> encode(s.byExperiment(), out));
    return s.changes();
  }

  static void encode(Map<String, List<Experiments.Impression>> byExperiment, OutputStream out) throws IOException {
    SnapshotJson.write(out, VERSION, g -> {
      g.writeObjectFieldStart("experiments");
      for (Map.Entry<String, List<Experiments.Impression>> e : byExperiment.entrySet()) {
        g.writeArrayFieldStart(e.getKey());
        for (Experiments.Impression i : e.getValue()) {
          writeImpression(g, i);
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    });
  }

  private static void writeImpression(JsonGenerator g, Experiments.Impression i) throws IOException {
    InterleavedList l = i.list();
    g.writeStartObject();
    g.writeStringField("impressionId", i.impressionId());
    writeStrings(g, "docs", l.docs());
    g.writeArrayFieldStart("teams");
    for (InterleavedList.Team t : l.teams()) {
      g.writeString(t.name());
    }
    g.writeEndArray();
    writeStrings(g, "a", l.a());
    writeStrings(g, "b", l.b());
    g.writeArrayFieldStart("clicked");
    for (int p : i.clickedPositions()) {
      g.writeNumber(p);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void writeStrings(JsonGenerator g, String field, List<String> values) throws IOException {
    g.writeArrayFieldStart(field);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  /** Parses and checks a version-1 file: per experiment id, its impressions oldest first. */
  static Map<String, List<Experiments.Impression>> decode(InputStream in) throws IOException {
    Map<String, List<Experiments.Impression>> out = new LinkedHashMap<>();
    SnapshotJson.read(in, VERSION, Map.of("experiments", p -> {
      Map<String, List<ImpressionJson>> raw =
          SnapshotJson.MAPPER.readValue(p, new TypeReference<LinkedHashMap<String, List<ImpressionJson>>>() {});
      for (Map.Entry<String, List<ImpressionJson>> e : raw.entrySet()) {
        out.put(e.getKey(), impressions(e.getKey(), e.getValue()));
      }
    }));
    return out;
  }

  private static List<Experiments.Impression> impressions(String id, List<ImpressionJson> raw)
      throws SnapshotFormatException {
    if (raw == null) {
      throw new SnapshotFormatException("experiments." + id + ": null instead of a list of impressions");
    }
    List<Experiments.Impression> out = new ArrayList<>(raw.size());
    Set<String> ids = new HashSet<>();
    for (int k = 0; k < raw.size(); k++) {
      ImpressionJson j = raw.get(k);
      String at = "experiments." + id + "[" + k + "]";
      if (j == null) {
        throw new SnapshotFormatException(at + ": null impression");
      }
      if (!ids.add(j.impressionId())) {
        throw new SnapshotFormatException(at + ": impression " + j.impressionId() + " appears twice");
      }
      InterleavedList list;
      try {
        list = new InterleavedList(j.docs(), j.teams(), j.a(), j.b());
      } catch (RuntimeException e) { // null entries, or as many teams as documents not given
        throw new SnapshotFormatException(at + ": not an interleaved list: " + e.getMessage());
      }
      int previous = 0;
      for (Integer c : j.clicked()) {
        if (c == null || c <= previous || c > list.size()) {
          throw new SnapshotFormatException(at + ".clicked: " + j.clicked() + " must be ascending positions in [1, "
              + list.size() + "]");
        }
        previous = c;
      }
      out.add(new Experiments.Impression(j.impressionId(), list, j.clicked()));
    }
    return out;
  }
}
