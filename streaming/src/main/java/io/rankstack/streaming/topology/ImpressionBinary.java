package io.rankstack.streaming.topology;

import io.rankstack.streaming.event.EventJson;
import io.rankstack.streaming.event.ImpressionEvent;
import io.rankstack.streaming.event.ImpressionItem;
import io.rankstack.streaming.event.Surface;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compact binary form of an already validated {@link ImpressionEvent} inside the join state. JSON
 * is the wire format at the topic boundary only: re-parsing and re-validating the impression's
 * JSON on every click and window close was the largest single cost of the stream thread (profiled,
 * see docs/benchmarks.md "Streaming"). Strings are length-prefixed UTF-8 (length -1 for null),
 * doubles their raw IEEE bits, so a round trip is exact (NaN propensity included).
 */
final class ImpressionBinary {
  private ImpressionBinary() {}

  static void write(DataOutputStream o, ImpressionEvent e) throws IOException {
    string(o, e.impressionId());
    o.writeLong(e.timestamp());
    string(o, e.surface().wire());
    string(o, e.contextKey());
    string(o, e.query());
    string(o, e.userId());
    string(o, e.sessionId());
    string(o, e.domain());
    o.writeInt(e.items().size());
    for (ImpressionItem it : e.items()) {
      string(o, it.docId());
      o.writeInt(it.position());
      o.writeDouble(it.score());
      o.writeInt(it.featureCount());
      for (int i = 0; i < it.featureCount(); i++) {
        o.writeDouble(it.feature(i));
      }
      o.writeDouble(it.propensity());
    }
    o.writeInt(e.modelVersions().size());
    for (Map.Entry<String, String> m : e.modelVersions().entrySet()) {
      string(o, m.getKey());
      string(o, m.getValue());
    }
    if (e.experiment() == null) {
      o.writeInt(-1);
    } else {
      o.writeInt(e.experiment().teams().size());
      string(o, e.experiment().id());
      for (String t : e.experiment().teams()) {
        string(o, t);
      }
    }
  }

  static ImpressionEvent read(DataInputStream in) throws IOException {
    String impressionId = string(in);
    long ts = in.readLong();
    String surfaceWire = string(in);
    Surface surface = Surface.fromWire(surfaceWire);
    if (surface == null) {
      throw new IllegalStateException("join state holds an unknown surface '" + surfaceWire + "'");
    }
    String contextKey = string(in);
    String query = string(in);
    String userId = string(in);
    String sessionId = string(in);
    String domain = string(in);
    int n = in.readInt();
    List<ImpressionItem> items = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String docId = string(in);
      int pos = in.readInt();
      double score = in.readDouble();
      double[] f = new double[in.readInt()];
      for (int k = 0; k < f.length; k++) {
        f[k] = in.readDouble();
      }
      items.add(new ImpressionItem(docId, pos, score, f, in.readDouble()));
    }
    int m = in.readInt();
    Map<String, String> models = new LinkedHashMap<>();
    for (int i = 0; i < m; i++) {
      models.put(string(in), string(in));
    }
    int teams = in.readInt();
    ImpressionEvent.Experiment experiment = null;
    if (teams >= 0) {
      String id = string(in);
      List<String> t = new ArrayList<>(teams);
      for (int i = 0; i < teams; i++) {
        t.add(string(in));
      }
      experiment = new ImpressionEvent.Experiment(id, t);
    }
    return new ImpressionEvent(EventJson.SCHEMA_VERSION, impressionId, ts, surface, contextKey, query, userId,
        sessionId, domain, items, models, experiment);
  }

  static void string(DataOutputStream o, String s) throws IOException {
    if (s == null) {
      o.writeInt(-1);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    o.writeInt(b.length);
    o.write(b);
  }

  static String string(DataInputStream in) throws IOException {
    int len = in.readInt();
    return len < 0 ? null : new String(in.readNBytes(len), StandardCharsets.UTF_8);
  }
}
