package io.rankstack.streaming.topology;

import io.rankstack.streaming.event.EventJson;
import io.rankstack.streaming.event.ImpressionEvent;
import io.rankstack.streaming.event.ImpressionItem;
import io.rankstack.streaming.event.Surface;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compact binary form of an already validated {@link ImpressionEvent} inside the join state. JSON
 * is the wire format at the topic boundary only: re-parsing and re-validating the impression's
 * JSON on every click and window close was the largest single cost of the stream thread (profiled,
 * see docs/benchmarks.md "Streaming"). Strings are length-prefixed UTF-8 (length -1 for null),
 * doubles their raw IEEE bits, so a round trip is exact (NaN propensity included). The layout is
 * the one {@code DataOutputStream} wrote in join-state codec version 2, so that version is still read.
 */
final class ImpressionBinary {
  private ImpressionBinary() {}

  static void write(BinaryWriter o, ImpressionEvent e) {
    o.writeString(e.impressionId());
    o.writeLong(e.timestamp());
    o.writeString(e.surface().wire());
    o.writeString(e.contextKey());
    o.writeString(e.query());
    o.writeString(e.userId());
    o.writeString(e.sessionId());
    o.writeString(e.domain());
    o.writeInt(e.items().size());
    for (ImpressionItem it : e.items()) {
      o.writeString(it.docId());
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
      o.writeString(m.getKey());
      o.writeString(m.getValue());
    }
    if (e.experiment() == null) {
      o.writeInt(-1);
    } else {
      o.writeInt(e.experiment().teams().size());
      o.writeString(e.experiment().id());
      for (String t : e.experiment().teams()) {
        o.writeString(t);
      }
    }
  }

  static ImpressionEvent read(ByteBuffer in) {
    String impressionId = BinaryWriter.readString(in);
    long ts = in.getLong();
    String surfaceWire = BinaryWriter.readString(in);
    Surface surface = Surface.fromWire(surfaceWire);
    if (surface == null) {
      throw new IllegalStateException("join state holds an unknown surface '" + surfaceWire + "'");
    }
    String contextKey = BinaryWriter.readString(in);
    String query = BinaryWriter.readString(in);
    String userId = BinaryWriter.readString(in);
    String sessionId = BinaryWriter.readString(in);
    String domain = BinaryWriter.readString(in);
    int n = in.getInt();
    List<ImpressionItem> items = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String docId = BinaryWriter.readString(in);
      int pos = in.getInt();
      double score = in.getDouble();
      double[] f = new double[in.getInt()];
      for (int k = 0; k < f.length; k++) {
        f[k] = in.getDouble();
      }
      items.add(new ImpressionItem(docId, pos, score, f, in.getDouble()));
    }
    int m = in.getInt();
    Map<String, String> models = new LinkedHashMap<>();
    for (int i = 0; i < m; i++) {
      models.put(BinaryWriter.readString(in), BinaryWriter.readString(in));
    }
    int teams = in.getInt();
    ImpressionEvent.Experiment experiment = null;
    if (teams >= 0) {
      String id = BinaryWriter.readString(in);
      List<String> t = new ArrayList<>(teams);
      for (int i = 0; i < teams; i++) {
        t.add(BinaryWriter.readString(in));
      }
      experiment = new ImpressionEvent.Experiment(id, t);
    }
    return new ImpressionEvent(EventJson.SCHEMA_VERSION, impressionId, ts, surface, contextKey, query, userId,
        sessionId, domain, items, models, experiment);
  }
}
