package io.rankstack.server.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankstack.core.interleaving.InterleavedList;
import io.rankstack.core.interleaving.InterleavedList.Team;
import io.rankstack.server.config.RankstackProperties;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Experiments through their snapshot: hand-built impressions with known team-draft credit, the exact
 * file, identical summaries after a reload, capacity, and experiments no longer configured.
 */
class ExperimentsSnapshotTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);
  private static final RankstackProperties.Experiment E1 = new RankstackProperties.Experiment("e1", "ltr", "bm25", 0.5);
  private static final RankstackProperties.Experiment E2 = new RankstackProperties.Experiment("e2", "full", "bm25", 0.1);

  @TempDir
  Path dir;

  private static InterleavedList list(List<String> docs, List<Team> teams) {
    return new InterleavedList(docs, teams, List.of("x", "y", "z", "w", "v"), List.of("z", "x", "q", "y"));
  }

  /**
   * Seven impressions of e1: four won by A, one lost, one tie, one without clicks; one impression of e2.
   * Team-draft credit counts clicked documents per team.
   */
  private static Experiments sample(int capacity) {
    Experiments ex = new Experiments(List.of(E1, E2), capacity);
    List<Team> abab = List.of(Team.A, Team.B, Team.A, Team.B);
    List<String> docs = List.of("x", "z", "y", "q");
    ex.shown("e1", "i1", list(docs, abab));
    ex.click("e1", "i1", 1); // A 1 : B 0, win
    ex.shown("e1", "i2", list(docs, abab));
    ex.click("e1", "i2", 2); // A 0 : B 1, loss
    ex.shown("e1", "i3", list(docs, abab));
    ex.click("e1", "i3", 1);
    ex.click("e1", "i3", 2); // 1 : 1, tie
    ex.shown("e1", "i4", list(docs, abab));
    ex.click("e1", "i4", 3); // win
    ex.shown("e1", "i5", list(docs, abab)); // no clicks
    ex.shown("e1", "i6", list(List.of("z", "x"), List.of(Team.B, Team.A)));
    ex.click("e1", "i6", 2); // win
    ex.shown("e1", "i7", list(docs, abab));
    ex.click("e1", "i7", 1);
    ex.click("e1", "i7", 3);
    ex.click("e1", "i7", 2); // 2 : 1, win
    ex.shown("e2", "j1", list(List.of("x"), List.of(Team.NONE)));
    return ex;
  }

  private static String encode(Experiments ex) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ExperimentsSnapshot.encode(ex.export().byExperiment(), out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static Map<String, List<Experiments.Impression>> decode(String json) throws IOException {
    return ExperimentsSnapshot.decode(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theSampleHasTheHandCountedSummary() {
    assertSummary(new Experiments.Summary("e1", "ltr", "bm25", 0.5, 7, 4, 1, 1, 2 * (1 + 5) / 32.0),
        sample(100).summary("e1"));
  }

  @Test
  void summariesAndImpressionsAreIdenticalAfterAReload() throws IOException {
    Experiments live = sample(100);
    Experiments r = new Experiments(List.of(E1, E2), 100);
    assertEquals(List.of(), r.restore(decode(encode(live))));
    assertEquals(0, r.changes());
    assertEquals(live.summary("e1"), r.summary("e1"));
    assertEquals(live.summary("e2"), r.summary("e2"));
    assertEquals(live.export().byExperiment(), r.export().byExperiment()); // docs, teams, a, b and clicks, in order
    // a click after the reload is credited as it would have been without the restart
    for (Experiments ex : List.of(live, r)) {
      assertTrue(ex.click("e1", "i5", 2));
    }
    assertSummary(new Experiments.Summary("e1", "ltr", "bm25", 0.5, 7, 4, 1, 2, 2 * (1 + 6 + 15) / 64.0), r.summary("e1"));
    assertEquals(live.summary("e1"), r.summary("e1"));
  }

  @Test
  void theFileIsTheKnownVersionOneDocument() throws IOException {
    Experiments ex = new Experiments(List.of(E1), 10);
    ex.shown("e1", "i1", new InterleavedList(List.of("x", "z"), List.of(Team.A, Team.B), List.of("x", "y"), List.of("z")));
    ex.click("e1", "i1", 2);
    assertEquals("{\"version\":1,\"experiments\":{\"e1\":[{\"impressionId\":\"i1\",\"docs\":[\"x\",\"z\"],"
        + "\"teams\":[\"A\",\"B\"],\"a\":[\"x\",\"y\"],\"b\":[\"z\"],\"clicked\":[2]}]}}", encode(ex));
  }

  @Test
  void aReloadKeepsTheMostRecentImpressionsUpToTheCapacity() throws IOException {
    Experiments r = new Experiments(List.of(E1, E2), 3);
    r.restore(decode(encode(sample(100))));
    // i5 (no clicks), i6 (win), i7 (win) remain
    assertSummary(new Experiments.Summary("e1", "ltr", "bm25", 0.5, 3, 2, 0, 0, 0.5), r.summary("e1"));
    assertEquals(List.of("i5", "i6", "i7"), r.export().byExperiment().get("e1").stream()
        .map(Experiments.Impression::impressionId).toList());
    // the next impression evicts the oldest, i5, as it would have without the restart
    r.shown("e1", "i8", list(List.of("x"), List.of(Team.B)));
    assertFalse(r.click("e1", "i5", 1));
    assertTrue(r.click("e1", "i8", 1));
    assertSummary(new Experiments.Summary("e1", "ltr", "bm25", 0.5, 3, 2, 0, 1, 1.0), r.summary("e1"));
  }

  @Test
  void anExperimentNoLongerConfiguredIsDroppedAndTheOthersKept() throws IOException {
    SnapshotFile f = new SnapshotFile(dir.resolve("experiments.json"), CLOCK);
    Experiments live = sample(100);
    ExperimentsSnapshot snap = new ExperimentsSnapshot(f, live);
    assertEquals(live.changes(), snap.save());
    Experiments r = new Experiments(List.of(E1), 100);
    new ExperimentsSnapshot(f, r).load();
    assertEquals(live.summary("e1"), r.summary("e1"));
    assertEquals(List.of("e1"), List.copyOf(r.export().byExperiment().keySet()));
    assertEquals(List.of("e2"), new Experiments(List.of(E1), 100).restore(decode(encode(live))));
  }

  @Test
  void aCorruptFileIsMovedAsideAndTheExperimentsStartEmpty() throws IOException {
    Path p = dir.resolve("experiments.json");
    String bad = "{\"version\":1,\"experiments\":{\"e1\":[{\"impressionId\":\"i1\",\"docs\":[\"x\"],\"teams\":[\"A\"],"
        + "\"a\":[\"x\"],\"b\":[],\"clicked\":[2]}]}}";
    Files.writeString(p, bad);
    Experiments r = new Experiments(List.of(E1), 100);
    new ExperimentsSnapshot(new SnapshotFile(p, CLOCK), r).load();
    assertEquals(0, r.summary("e1").impressions());
    assertFalse(Files.exists(p));
    assertEquals(bad, Files.readString(dir.resolve("experiments.json.corrupt-20261129T120000000Z")));
  }

  @Test
  void decodingNamesWhatIsWrong() {
    String head = "{\"version\":1,\"experiments\":{\"e1\":[";
    String ok = "{\"impressionId\":\"i1\",\"docs\":[\"x\",\"y\"],\"teams\":[\"A\",\"B\"],\"a\":[\"x\"],\"b\":[\"y\"],\"clicked\":[1]}";
    assertMessage("version 7, but this server reads version 1", "{\"version\":7,\"experiments\":{}}");
    assertMessage("experiments.e1[1]: impression i1 appears twice", head + ok + "," + ok + "]}}");
    assertMessage("experiments.e1[0].clicked: [2, 1] must be ascending positions in [1, 2]",
        head + ok.replace("[1]", "[2,1]") + "]}}");
    assertMessage("experiments.e1[0].clicked: [3] must be ascending", head + ok.replace("[1]", "[3]") + "]}}");
    assertMessage("experiments.e1[0]: not an interleaved list: 2 documents but 1 team labels",
        head + ok.replace("[\"A\",\"B\"]", "[\"A\"]") + "]}}");
    assertThrows(IOException.class, () -> decode(head + ok.replace("\"B\"", "\"C\"") + "]}}")); // no team C
    assertThrows(IOException.class, () -> decode(head + ok.replace(",\"clicked\":[1]", "") + "]}}")); // missing
  }

  /** Counts exactly; the p-value (computed in log space) to 1e-12 of the hand-computed fraction. */
  private static void assertSummary(Experiments.Summary expected, Experiments.Summary actual) {
    assertEquals(expected.pValue(), actual.pValue(), 1e-12);
    assertEquals(expected, new Experiments.Summary(actual.id(), actual.rankerA(), actual.rankerB(), actual.trafficShare(),
        actual.impressions(), actual.wins(), actual.ties(), actual.losses(), expected.pValue()));
  }

  private static void assertMessage(String part, String json) {
    SnapshotFormatException e = assertThrows(SnapshotFormatException.class, () -> decode(json));
    assertTrue(e.getMessage().contains(part), e.getMessage());
  }

  @Test
  void onlyTheShownPartOfEachRankingIsRemembered() {
    Experiments ex = new Experiments(List.of(E1), 10);
    List<String> a = java.util.stream.IntStream.range(0, 1000).mapToObj(i -> "a" + i).toList();
    List<String> b = java.util.stream.IntStream.range(0, 1000).mapToObj(i -> "b" + i).toList();
    ex.shown("e1", "i1", new InterleavedList(List.of("a0", "b0", "a1"), List.of(Team.A, Team.B, Team.A), a, b));
    ex.click("e1", "i1", 3);
    InterleavedList kept = ex.export().byExperiment().get("e1").get(0).list();
    assertEquals(List.of("a0", "a1", "a2"), kept.a(), "cut to the three shown");
    assertEquals(List.of("b0", "b1", "b2"), kept.b());
    assertEquals(1, ex.summary("e1").wins(), "the click on an A document still credits A");
  }
}
