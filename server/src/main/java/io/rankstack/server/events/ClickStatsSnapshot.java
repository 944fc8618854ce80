package io.rankstack.server.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
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
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link ClickStats} in a snapshot file, version 1:
 * <pre>{"version": 1,
 *  "clicksByDoc": {"&lt;docId&gt;": clicks, ...},                       (ids in sorted order)
 *  "users": [{"userId": "&lt;id&gt;", "docs": ["most recent", ...]}, ...]}  (least recently clicking user first)</pre>
 * Restoring the users in the file's order rebuilds the same recency order, so eviction after a restart
 * picks the same user it would have picked without one.
 */
public final class ClickStatsSnapshot implements Snapshotted {
  private static final Logger LOG = LoggerFactory.getLogger(ClickStatsSnapshot.class);
  /** The file format's version. */
  public static final int VERSION = 1;

  private final SnapshotFile file;
  private final ClickStats stats;

  record UserJson(String userId, List<String> docs) {}

  /** Keeps {@code stats} in {@code file}; {@link #load()} restores it from there. */
  public ClickStatsSnapshot(SnapshotFile file, ClickStats stats) {
    this.file = file;
    this.stats = stats;
  }

  /** Restores {@code stats} from the file; a missing or unusable file leaves it as it is (see {@link SnapshotFile#read}). */
  public void load() {
    file.read(ClickStatsSnapshot::decode).ifPresent(s -> {
      stats.restore(s);
      LOG.info("restored click signals from {}: {} documents, {} users", file.path(), s.clicksByDoc().size(),
          s.usersByRecency().size());
    });
  }

  @Override
  public String name() {
    return "click signals";
  }

  @Override
  public long changes() {
    return stats.changes();
  }

  @Override
  public long save() throws IOException {
    ClickStats.State s = stats.export();
    file.write(out -> encode(s, out));
    return s.changes();
  }

  static void encode(ClickStats.State s, OutputStream out) throws IOException {
    SnapshotJson.write(out, VERSION, g -> {
      g.writeObjectFieldStart("clicksByDoc");
      for (Map.Entry<String, Long> e : new TreeMap<>(s.clicksByDoc()).entrySet()) {
        g.writeNumberField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeArrayFieldStart("users");
      for (ClickStats.UserRecent u : s.usersByRecency()) {
        writeUser(g, u);
      }
      g.writeEndArray();
    });
  }

  private static void writeUser(JsonGenerator g, ClickStats.UserRecent u) throws IOException {
    g.writeStartObject();
    g.writeStringField("userId", u.userId());
    g.writeArrayFieldStart("docs");
    for (String d : u.docs()) {
      g.writeString(d);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /** Parses and checks a version-1 file; the change counter of the result is 0. */
  static ClickStats.State decode(InputStream in) throws IOException {
    Map<String, Long> clicks = new LinkedHashMap<>();
    List<ClickStats.UserRecent> users = new ArrayList<>();
    SnapshotJson.read(in, VERSION, Map.of(
        "clicksByDoc", p -> clicks.putAll(SnapshotJson.MAPPER.readValue(p, new TypeReference<Map<String, Long>>() {})),
        "users", p -> {
          Set<String> seen = new HashSet<>();
          for (UserJson u : SnapshotJson.MAPPER.readValue(p, new TypeReference<List<UserJson>>() {})) {
            if (u == null) {
              throw new SnapshotFormatException("users: null entry");
            }
            if (!seen.add(u.userId())) {
              throw new SnapshotFormatException("users: user \"" + u.userId() + "\" appears twice");
            }
            if (u.docs().stream().anyMatch(Objects::isNull) || new HashSet<>(u.docs()).size() != u.docs().size()) {
              throw new SnapshotFormatException("users: user \"" + u.userId() + "\" has a null or repeated document");
            }
            users.add(new ClickStats.UserRecent(u.userId(), u.docs()));
          }
        }));
    for (Map.Entry<String, Long> e : clicks.entrySet()) {
      if (e.getValue() == null || e.getValue() < 1) {
        throw new SnapshotFormatException("clicksByDoc: document \"" + e.getKey() + "\" has " + e.getValue()
            + " clicks, must be >= 1");
      }
    }
    return new ClickStats.State(0, clicks, users);
  }
}
