package io.rankstack.server.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankstack.server.state.SnapshotFile;
import io.rankstack.server.state.SnapshotFormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ClickStats through its snapshot: the exact file, and behaviour after a reload identical to no restart. */
class ClickStatsSnapshotTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);

  @TempDir
  Path dir;

  private static String encode(ClickStats s) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ClickStatsSnapshot.encode(s.export(), out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static ClickStats.State decode(String json) throws IOException {
    return ClickStatsSnapshot.decode(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  private static ClickStats reloaded(ClickStats s, int users, int perUser) throws IOException {
    ClickStats r = new ClickStats(users, perUser);
    r.restore(decode(encode(s)));
    return r;
  }

  @Test
  void theFileIsTheKnownVersionOneDocument() throws IOException {
    ClickStats s = new ClickStats(10, 3);
    s.click("d2", "bob");
    s.click("d1", "alice");
    s.click("d2", "alice");
    s.click("d3", null);
    assertEquals("{\"version\":1,\"clicksByDoc\":{\"d1\":1,\"d2\":2,\"d3\":1},"
        + "\"users\":[{\"userId\":\"bob\",\"docs\":[\"d2\"]},{\"userId\":\"alice\",\"docs\":[\"d2\",\"d1\"]}]}", encode(s));
  }

  @Test
  void popularityWithTiesIsTheSameAfterAReload() throws IOException {
    ClickStats s = new ClickStats(10, 3);
    for (String d : List.of("c", "a", "b", "c", "b", "c", "d", "e", "e")) {
      s.click(d, null);
    }
    // c: 3; b, e: 2 (tie by id: b first); a, d: 1
    List<Map.Entry<String, Long>> expected = List.of(Map.entry("c", 3L), Map.entry("b", 2L), Map.entry("e", 2L),
        Map.entry("a", 1L), Map.entry("d", 1L));
    assertEquals(expected, s.popular(10));
    ClickStats r = reloaded(s, 10, 3);
    assertEquals(expected, r.popular(10));
    assertEquals(expected.subList(0, 2), r.popular(2));
    r.click("e", null); // counts continue from the saved ones: e now leads b
    assertEquals(List.of(Map.entry("c", 3L), Map.entry("e", 3L)), r.popular(2));
  }

  @Test
  void recencyAndEvictionAfterAReloadAreAsIfThereWasNoRestart() throws IOException {
    ClickStats live = new ClickStats(2, 2);
    live.click("a", "u1");
    live.click("b", "u2");
    live.click("c", "u1");
    live.click("d", "u1"); // u1: d, c (a fell off the per-user cap)
    assertEquals(List.of("b"), live.recent("u2")); // reading counts as use: u2 is now the most recent user
    ClickStats r = reloaded(live, 2, 2);
    assertEquals(0, r.changes());
    for (ClickStats s : List.of(live, r)) {
      s.click("e", "u3"); // evicts the least recent user, u1
      assertEquals(List.of(), s.recent("u1"));
      assertEquals(List.of("b"), s.recent("u2"));
      assertEquals(List.of("e"), s.recent("u3"));
      s.click("b", "u2");
      s.click("f", "u2");
      assertEquals(List.of("f", "b"), s.recent("u2"));
    }
    assertEquals(live.export().usersByRecency(), r.export().usersByRecency());
  }

  @Test
  void aReloadIntoSmallerCapsKeepsTheMostRecent() throws IOException {
    ClickStats s = new ClickStats(10, 5);
    for (String u : List.of("u1", "u2", "u3")) {
      for (String d : List.of("a", "b", "c")) {
        s.click(d, u);
      }
    }
    ClickStats r = reloaded(s, 2, 2);
    assertEquals(List.of(), r.recent("u1"));
    assertEquals(List.of("c", "b"), r.recent("u2"));
    assertEquals(List.of("c", "b"), r.recent("u3"));
  }

  @Test
  void loadRestoresAndSaveWritesThroughTheFile() throws IOException {
    SnapshotFile f = new SnapshotFile(dir.resolve("click-stats.json"), CLOCK);
    ClickStats s = new ClickStats(10, 3);
    ClickStatsSnapshot snap = new ClickStatsSnapshot(f, s);
    snap.load(); // no file yet: empty
    assertEquals(List.of(), s.popular(5));
    s.click("d1", "u");
    s.click("d1", "v");
    assertEquals(2, snap.changes());
    assertEquals(2, snap.save());
    ClickStats r = new ClickStats(10, 3);
    new ClickStatsSnapshot(f, r).load();
    assertEquals(List.of(Map.entry("d1", 2L)), r.popular(5));
    assertEquals(List.of("d1"), r.recent("v"));
  }

  @Test
  void aWrongVersionFileIsMovedAsideAndTheStatsStartEmpty() throws IOException {
    Path p = dir.resolve("click-stats.json");
    String v2 = "{\"version\":2,\"clicksByDoc\":{\"d1\":5},\"users\":[]}";
    Files.writeString(p, v2);
    ClickStats s = new ClickStats(10, 3);
    new ClickStatsSnapshot(new SnapshotFile(p, CLOCK), s).load();
    assertEquals(List.of(), s.popular(5));
    assertFalse(Files.exists(p));
    Path aside = dir.resolve("click-stats.json.corrupt-20261129T120000000Z");
    assertEquals(v2, Files.readString(aside));
  }

  @Test
  void aTruncatedFileIsMovedAsideAndTheStatsStartEmpty() throws IOException {
    Path p = dir.resolve("click-stats.json");
    Files.writeString(p, "{\"version\":1,\"clicksByDoc\":{\"d1\":5");
    ClickStats s = new ClickStats(10, 3);
    new ClickStatsSnapshot(new SnapshotFile(p, CLOCK), s).load();
    assertEquals(List.of(), s.popular(5));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of("click-stats.json.corrupt-20261129T120000000Z"),
          files.map(x -> x.getFileName().toString()).toList());
    }
  }

  @Test
  void decodingNamesWhatIsWrong() {
    assertMessage("version 2, but this server reads version 1", "{\"version\":2,\"clicksByDoc\":{},\"users\":[]}");
    assertMessage("\"version\" must be the first field", "{\"clicksByDoc\":{},\"version\":1,\"users\":[]}");
    assertMessage("missing one of the fields", "{\"version\":1,\"clicksByDoc\":{}}");
    assertMessage("unknown field \"extra\"", "{\"version\":1,\"clicksByDoc\":{},\"users\":[],\"extra\":1}");
    assertMessage("document \"d\" has 0 clicks", "{\"version\":1,\"clicksByDoc\":{\"d\":0},\"users\":[]}");
    assertMessage("user \"u\" appears twice",
        "{\"version\":1,\"clicksByDoc\":{},\"users\":[{\"userId\":\"u\",\"docs\":[]},{\"userId\":\"u\",\"docs\":[]}]}");
    assertMessage("null or repeated document",
        "{\"version\":1,\"clicksByDoc\":{},\"users\":[{\"userId\":\"u\",\"docs\":[\"a\",\"a\"]}]}");
    assertMessage("content after the snapshot object", "{\"version\":1,\"clicksByDoc\":{},\"users\":[]} {}");
    // parse errors of Jackson's own: a repeated key, a fraction as a count, a missing field
    assertThrows(IOException.class, () -> decode("{\"version\":1,\"clicksByDoc\":{\"d\":1,\"d\":2},\"users\":[]}"));
    assertThrows(IOException.class, () -> decode("{\"version\":1,\"clicksByDoc\":{\"d\":1.5},\"users\":[]}"));
    assertThrows(IOException.class, () -> decode("{\"version\":1,\"clicksByDoc\":{},\"users\":[{\"userId\":\"u\"}]}"));
  }

  private static void assertMessage(String part, String json) {
    SnapshotFormatException e = assertThrows(SnapshotFormatException.class, () -> decode(json));
    assertTrue(e.getMessage().contains(part), e.getMessage());
  }
}
