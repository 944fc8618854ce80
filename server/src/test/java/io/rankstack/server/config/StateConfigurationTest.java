package io.rankstack.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankstack.core.interleaving.InterleavedList;
import io.rankstack.core.interleaving.InterleavedList.Team;
import io.rankstack.server.events.ClickStats;
import io.rankstack.server.experiment.Experiments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The server's state beans across a restart: a Spring context with the real {@link StateConfiguration}
 * and bound {@link RankstackProperties}, closed (its shutdown writes the snapshots) and a new one
 * started on the same data directory, in about a second ({@code it.RestartTest} restarts the whole
 * server, in about 15 s).
 */
class StateConfigurationTest {
  @TempDir
  Path data;

  /** Binds the properties as the server does (not a {@code @Configuration}, so the server's scan skips it). */
  @EnableConfigurationProperties(RankstackProperties.class)
  static class Props {}

  private ApplicationContextRunner server(String... experiments) {
    List<String> props = new java.util.ArrayList<>(List.of("rankstack.data-dir=" + data,
        "rankstack.server.snapshot-interval-ms=3600000")); // only the shutdown writes, within this test
    for (int i = 0; i < experiments.length; i++) {
      props.add("rankstack.experiments[" + i + "].id=" + experiments[i]);
      props.add("rankstack.experiments[" + i + "].ranker-a=ltr");
      props.add("rankstack.experiments[" + i + "].ranker-b=bm25");
    }
    return new ApplicationContextRunner().withUserConfiguration(Props.class, StateConfiguration.class)
        .withPropertyValues(props.toArray(String[]::new));
  }

  @Test
  void popularityRecentClicksAndExperimentResultsSurviveARestart() {
    AtomicReference<Experiments.Summary> before = new AtomicReference<>();
    server("ltr-vs-bm25", "old").run(ctx -> {
      ClickStats clicks = ctx.getBean(ClickStats.class);
      Experiments ex = ctx.getBean(Experiments.class);
      assertEquals(List.of(), clicks.popular(3));
      clicks.click("d1", "alice");
      clicks.click("d2", "alice");
      clicks.click("d2", "bob");
      InterleavedList il = new InterleavedList(List.of("d1", "d2"), List.of(Team.A, Team.B), List.of("d1"), List.of("d2"));
      ex.shown("ltr-vs-bm25", "i1", il);
      ex.click("ltr-vs-bm25", "i1", 1);
      ex.shown("ltr-vs-bm25", "i2", il);
      ex.click("ltr-vs-bm25", "i2", 1);
      ex.shown("ltr-vs-bm25", "i3", il);
      ex.click("ltr-vs-bm25", "i3", 2);
      ex.shown("old", "j1", il);
      before.set(ex.summary("ltr-vs-bm25"));
      assertFalse(Files.exists(data.resolve("server")), "nothing is written before the interval or shutdown");
    });
    assertTrue(Files.isRegularFile(data.resolve("server/click-stats.json")));
    assertTrue(Files.isRegularFile(data.resolve("server/experiments.json")));
    assertEquals(new Experiments.Summary("ltr-vs-bm25", "ltr", "bm25", 0.1, 3, 2, 0, 1, 1.0), before.get());

    server("ltr-vs-bm25").run(ctx -> { // "old" is no longer configured
      ClickStats clicks = ctx.getBean(ClickStats.class);
      Experiments ex = ctx.getBean(Experiments.class);
      assertEquals(List.of(Map.entry("d2", 2L), Map.entry("d1", 1L)), clicks.popular(3));
      assertEquals(List.of("d2", "d1"), clicks.recent("alice"));
      assertEquals(before.get(), ex.summary("ltr-vs-bm25"));
      assertFalse(ex.exists("old"));
      assertTrue(ex.click("ltr-vs-bm25", "i3", 1)); // impressions from before the restart still take clicks
    });
    server("ltr-vs-bm25").run(ctx ->
        assertEquals(new Experiments.Summary("ltr-vs-bm25", "ltr", "bm25", 0.1, 3, 2, 1, 0, 0.5),
            ctx.getBean(Experiments.class).summary("ltr-vs-bm25")));
  }

  @Test
  void aCorruptSnapshotDoesNotStopTheStartAndIsKeptAside() throws Exception {
    Files.createDirectories(data.resolve("server"));
    Files.writeString(data.resolve("server/experiments.json"), "{\"version\":1,");
    server("ltr-vs-bm25").run(ctx -> {
      Experiments ex = ctx.getBean(Experiments.class);
      assertEquals(0, ex.summary("ltr-vs-bm25").impressions());
      ex.shown("ltr-vs-bm25", "i1", new InterleavedList(List.of("d1"), List.of(Team.A), List.of("d1"), List.of()));
    });
    try (var files = Files.list(data.resolve("server"))) {
      List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
      assertEquals(2, names.size(), names.toString()); // the unchanged click signals were not written
      assertEquals("experiments.json", names.get(0)); // the new impression, written at shutdown ...
      assertTrue(names.get(1).startsWith("experiments.json.corrupt-"), names.toString()); // ... beside the evidence
      assertEquals("{\"version\":1,", Files.readString(data.resolve("server").resolve(names.get(1))));
    }
  }
}
