package io.rankstack.server.config;

import io.rankstack.server.events.ClickStats;
import io.rankstack.server.events.ClickStatsSnapshot;
import io.rankstack.server.experiment.Experiments;
import io.rankstack.server.experiment.ExperimentsSnapshot;
import io.rankstack.server.state.SnapshotFile;
import io.rankstack.server.state.SnapshotScheduler;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The server's own in-memory state and its durability: the click signals of recommendations and the
 * interleaving experiments' impressions, each restored from its snapshot under
 * {@code data-dir/server/} when its bean is made (before the web server takes requests), saved every
 * {@code server.snapshot-interval-ms} when it changed, and saved once more at shutdown.
 */
@Configuration(proxyBeanMethods = false)
public class StateConfiguration {
  /** Users remembered by {@link ClickStats}, and recent documents per user. */
  static final int CLICK_USERS = 100_000;
  static final int CLICKS_PER_USER = 20;
  /** Impressions remembered per experiment. */
  static final int EXPERIMENT_CAPACITY = 100_000;
  /** The snapshot files' names under {@link #stateDir}. */
  public static final String CLICK_STATS_FILE = "click-stats.json";
  public static final String EXPERIMENTS_FILE = "experiments.json";

  @Bean
  ClickStats clickStats(RankstackProperties props) {
    ClickStats stats = new ClickStats(CLICK_USERS, CLICKS_PER_USER);
    new ClickStatsSnapshot(file(props, CLICK_STATS_FILE), stats).load();
    return stats;
  }

  @Bean
  Experiments experiments(RankstackProperties props) {
    Experiments experiments = new Experiments(props.experiments(), EXPERIMENT_CAPACITY);
    new ExperimentsSnapshot(file(props, EXPERIMENTS_FILE), experiments).load();
    return experiments;
  }

  /** Saves both on one daemon thread; destroyed (final save) before the two states go away. */
  @Bean(destroyMethod = "close")
  SnapshotScheduler stateSnapshots(RankstackProperties props, ClickStats clickStats, Experiments experiments) {
    return new SnapshotScheduler(List.of(new ClickStatsSnapshot(file(props, CLICK_STATS_FILE), clickStats),
        new ExperimentsSnapshot(file(props, EXPERIMENTS_FILE), experiments)),
        Duration.ofMillis(props.server().snapshotIntervalMs()));
  }

  private static SnapshotFile file(RankstackProperties props, String name) {
    return new SnapshotFile(stateDir(props).resolve(name), Clock.systemUTC());
  }

  /** {@code data-dir/server}: where the server's own snapshots live. */
  public static Path stateDir(RankstackProperties props) {
    return props.dataDir().resolve("server");
  }
}
