package io.rankstack.online.bandit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.rankstack.bandits.BanditState;
import io.rankstack.streaming.Topics;
import io.rankstack.streaming.event.ClickEvent;
import io.rankstack.streaming.event.EventJson;
import io.rankstack.streaming.event.ImpressionEvent;
import io.rankstack.streaming.event.ImpressionItem;
import io.rankstack.streaming.event.Surface;
import io.rankstack.streaming.topology.JoinSettings;
import io.rankstack.streaming.topology.LearnLoopTopology;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bandit learner inside the learn loop's topology: one state per context, cascade feedback, in its store. */
class ContextBanditLearnLoopTest {
  static final Duration WINDOW = Duration.ofMinutes(30);
  static final Duration GRACE = Duration.ofMinutes(1);
  static final long CLOSE = WINDOW.plus(GRACE).toMillis();

  @TempDir Path dir;
  TopologyTestDriver driver;
  TestInputTopic<String, byte[]> impressions;
  TestInputTopic<String, byte[]> clicks;

  @BeforeEach
  void setUp() {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "online-test");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    p.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
    driver = new TopologyTestDriver(LearnLoopTopology.build(Topics.DEFAULT, JoinSettings.streamTime(WINDOW, GRACE),
        List.of(new ContextBanditLearner())), p);
    impressions = driver.createInputTopic(Topics.DEFAULT.impressions(), new StringSerializer(), new ByteArraySerializer());
    clicks = driver.createInputTopic(Topics.DEFAULT.clicks(), new StringSerializer(), new ByteArraySerializer());
  }

  @AfterEach
  void tearDown() {
    driver.close();
  }

  static ImpressionEvent impression(String id, String ctx, long ts, String... docs) {
    List<ImpressionItem> items = new ArrayList<>();
    for (int i = 0; i < docs.length; i++) {
      items.add(new ImpressionItem(docs[i], i + 1, 1.0 / (i + 1), new double[0], 1.0));
    }
    return new ImpressionEvent(EventJson.SCHEMA_VERSION, id, ts, Surface.SEARCH, ctx, ctx, "u", "s", "web", items, Map.of(), null);
  }

  void send(ImpressionEvent e) {
    impressions.pipeInput(e.contextKey(), EventJson.write(e), e.timestamp());
  }

  void click(String impression, String ctx, String doc, int position, long ts) {
    ClickEvent c = new ClickEvent(EventJson.SCHEMA_VERSION, impression, ctx, doc, position, ts, 0);
    clicks.pipeInput(ctx, EventJson.write(c), ts);
  }

  ContextBandit state(String ctx) {
    KeyValueStore<String, ContextBandit> s = driver.getKeyValueStore(LearnLoopTopology.learnerStore(ContextBanditLearner.NAME));
    return s.get(ctx);
  }

  @Test
  void learnsCascadeFeedbackPerContext() {
    send(impression("i1", "jazz", 1_000, "a", "b", "c"));
    click("i1", "jazz", "b", 2, 2_000);
    click("i1", "jazz", "c", 3, 3_000); // a second click: outside the cascade model, ignored
    send(impression("i2", "rock", 1_500, "x", "y"));
    send(impression("i1", "jazz", 1_000, "a", "b", "c")); // a duplicate impression counts once
    assertNull(state("jazz"), "nothing is learned before the window closes");
    send(impression("tick", "zz", 1_500 + CLOSE + 2_000, "t"));
    ContextBandit jazz = state("jazz");
    assertEquals(BanditState.Algorithm.KL_UCB, jazz.algorithm());
    assertEquals(List.of("a", "b", "c"), jazz.docIds());
    assertArrayEquals(new long[] {1, 1, 0}, jazz.pulls());
    assertArrayEquals(new long[] {0, 1, 0}, jazz.clicks());
    ContextBandit rock = state("rock");
    assertArrayEquals(new long[] {1, 1}, rock.pulls(), "no click: every shown item observed unattractive");
    assertArrayEquals(new long[] {0, 0}, rock.clicks());
    assertEquals(1, jazz.round());
  }
}
