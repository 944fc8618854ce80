package io.rankstack.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rankstack.server.config.RankstackProperties;
import io.rankstack.server.config.StateConfiguration;
import io.rankstack.server.events.ClickStats;
import io.rankstack.server.events.ClickStatsSnapshot;
import io.rankstack.server.experiment.Experiments;
import io.rankstack.server.experiment.ExperimentsSnapshot;
import io.rankstack.server.state.SnapshotFile;
import io.rankstack.server.state.SnapshotScheduler;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The real server's snapshots: a search in the experiment and a click through the API reach the
 * files, and state loaded from those files (as a restarted server loads it) answers as the running
 * server does. {@link RestartTest} restarts a server of its own; this one checks the file's content
 * against what the shared server showed.
 */
class StateSnapshotTest extends ServerTestBase {
  @Autowired
  SnapshotScheduler snapshots;
  @Autowired
  RankstackProperties props;
  @Autowired
  ClickStats clickStats;

  @Test
  void anInterleavedClickReachesTheSnapshotsAndLoadsBackToTheSameSummaryAndPopularity() throws IOException {
    JsonNode r = json(get("/v1/search?q=" + enc("slip flow over a flat plate") + "&k=5&experiment=ltr-vs-bm25"));
    assertEquals(202, click(r, 1));
    assertTrue(snapshots.saveChanged() >= 1, "the click changed the state, so a snapshot is written");

    Path dir = StateConfiguration.stateDir(props);
    JsonNode file = JSON.readTree(dir.resolve(StateConfiguration.EXPERIMENTS_FILE).toFile());
    assertEquals(1, file.get("version").asInt());
    JsonNode saved = null;
    for (JsonNode i : file.get("experiments").get("ltr-vs-bm25")) {
      if (i.get("impressionId").asText().equals(r.get("impressionId").asText())) {
        saved = i;
      }
    }
    assertTrue(saved != null, "the impression is in the snapshot");
    List<String> docs = new ArrayList<>();
    List<String> teams = new ArrayList<>();
    r.get("items").forEach(i -> {
      docs.add(i.get("docId").asText());
      teams.add(i.get("team").asText());
    });
    assertEquals(docs, JSON.convertValue(saved.get("docs"), List.class));
    assertEquals(teams, JSON.convertValue(saved.get("teams"), List.class));
    assertEquals(List.of(1), JSON.convertValue(saved.get("clicked"), List.class));

    Experiments reloaded = new Experiments(props.experiments(), 100_000);
    new ExperimentsSnapshot(new SnapshotFile(dir.resolve(StateConfiguration.EXPERIMENTS_FILE), Clock.systemUTC()),
        reloaded).load();
    Experiments.Summary s = reloaded.summary("ltr-vs-bm25");
    JsonNode live = json(get("/v1/experiments/ltr-vs-bm25"));
    assertEquals(live.get("impressions").asLong(), s.impressions());
    assertEquals(live.get("wins").asLong(), s.wins());
    assertEquals(live.get("ties").asLong(), s.ties());
    assertEquals(live.get("losses").asLong(), s.losses());
    assertEquals(live.get("pValue").asDouble(), s.pValue(), 0);

    ClickStats reloadedClicks = new ClickStats(100_000, 20);
    new ClickStatsSnapshot(new SnapshotFile(dir.resolve(StateConfiguration.CLICK_STATS_FILE), Clock.systemUTC()),
        reloadedClicks).load();
    assertEquals(clickStats.popular(50), reloadedClicks.popular(50));
    assertTrue(reloadedClicks.popular(1_000).stream().anyMatch(e -> e.getKey().equals(docs.get(0))));
  }
}
