package io.rankstack.streaming.topology;

import static io.rankstack.streaming.TestEvents.click;
import static io.rankstack.streaming.TestEvents.impression;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankstack.streaming.Topics;
import io.rankstack.streaming.event.ClickEvent;
import io.rankstack.streaming.event.EventJson;
import io.rankstack.streaming.event.ImpressionEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The join, each learner update and each dead-letter reason, with explicit timestamps and no broker. */
class LearnLoopTopologyTest {
  static final Duration WINDOW = Duration.ofMinutes(30);
  static final Duration GRACE = Duration.ofMinutes(1);
  static final long CLOSE = WINDOW.plus(GRACE).toMillis();
  static final Topics T = Topics.DEFAULT;

  @TempDir
  Path dir;
  TopologyTestDriver driver;
  TestInputTopic<String, byte[]> impressions;
  TestInputTopic<String, byte[]> clicks;
  TestOutputTopic<String, byte[]> dlq;
  TestOutputTopic<String, byte[]> examples;

  /** A second pluggable learner: impressions per context, to show the interface is enough. */
  static final class ImpressionCounter implements ContextLearner<Long> {
    @Override
    public String name() {
      return "impression-count";
    }

    @Override
    public Serde<Long> stateSerde() {
      return Serdes.Long();
    }

    @Override
    public Long initial(String contextKey) {
      return 0L;
    }

    @Override
    public Long update(Long state, JoinedImpression outcome) {
      return state + 1;
    }
  }

  /**
   * Most tests here state a join rule on one merged sequence of records, so they run with
   * {@link JoinSettings#streamTime}, where one tick moves the join time; the per-topic clocks are
   * tested at the end with {@link #PER_TOPIC}.
   */
  @BeforeEach
  void setUp() {
    build(JoinSettings.streamTime(WINDOW, GRACE));
  }

  static final Duration SKEW = Duration.ofMinutes(5);
  static final Duration QUIET = Duration.ofSeconds(10);
  static final JoinSettings PER_TOPIC = new JoinSettings(WINDOW, GRACE, SKEW, QUIET);

  void build(JoinSettings settings) {
    if (driver != null) {
      driver.close();
    }
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "test");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    p.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
    driver = new TopologyTestDriver(LearnLoopTopology.build(T, settings,
        List.of(new PositionCountsLearner(), new ImpressionCounter())), p);
    impressions = driver.createInputTopic(T.impressions(), new StringSerializer(), new ByteArraySerializer());
    clicks = driver.createInputTopic(T.clicks(), new StringSerializer(), new ByteArraySerializer());
    dlq = driver.createOutputTopic(T.dlq(), new StringDeserializer(), new ByteArrayDeserializer());
    examples = driver.createOutputTopic(T.trainingExamples(), new StringDeserializer(), new ByteArrayDeserializer());
  }

  @AfterEach
  void tearDown() {
    driver.close();
  }

  void send(ImpressionEvent e) {
    impressions.pipeInput(e.contextKey(), EventJson.write(e), e.timestamp());
  }

  void send(ClickEvent c) {
    clicks.pipeInput(c.contextKey(), EventJson.write(c), c.timestamp());
  }

  /** Moves stream time to {@code t} with an impression of an unrelated context. */
  void advanceTo(long t) {
    send(impression("tick-" + t, "zz-tick", t, "x"));
  }

  PositionCounts positions(String ctx) {
    KeyValueStore<String, PositionCounts> s = driver.getKeyValueStore(LearnLoopTopology.learnerStore("positions"));
    return s.get(ctx);
  }

  DocCounts doc(String ctx, String doc) {
    KeyValueStore<String, DocCounts> s = driver.getKeyValueStore(LearnLoopTopology.DOC_COUNTS_STORE);
    return s.get(DocCounts.key(ctx, doc));
  }

  Map<String, Long> deadLetters() {
    return DeadLetters.counts(driver.metrics());
  }

  @Test
  void joinMarksClickedAndCascadeExaminedPositions() {
    send(impression("i1", "q", 1_000, "a", "b", "c", "d", "e"));
    send(click("i1", "q", "b", 2, 5_000));
    send(click("i1", "q", "d", 4, 9_000));
    assertNull(positions("q"), "nothing is learned before the window closes");
    advanceTo(1_000 + CLOSE);
    PositionCounts pc = positions("q");
    assertEquals(1, pc.impressions());
    assertArrayEquals(new long[] {0, 1, 0, 1}, pc.clicks());
    assertArrayEquals(new long[] {1, 1, 1, 1}, pc.examinations(), "examined down to the last click");
    assertEquals(new DocCounts(1, 1, 1), doc("q", "b"));
    assertEquals(new DocCounts(1, 1, 0), doc("q", "c"));
    assertEquals(new DocCounts(1, 0, 0), doc("q", "e"), "shown below the last click: not examined");
    List<TrainingExample> ex = examples.readValuesToList().stream().map(TrainingExample::fromJson).toList();
    assertEquals(List.of("a:0", "b:1", "c:0", "d:1"),
        ex.stream().map(e -> e.docId() + ":" + e.label()).collect(Collectors.toList()));
    assertEquals(0.5, ex.get(1).propensity());
    assertArrayEquals(new double[] {1, 0.5}, ex.get(1).features());
    KeyValueStore<String, Long> counter = driver.getKeyValueStore(LearnLoopTopology.learnerStore("impression-count"));
    assertEquals(1L, counter.get("q"));
    assertTrue(dlq.isEmpty());
    assertEquals(1, DeadLetters.total(driver.metrics(), "joined-impressions"));
  }

  @Test
  void noClickMeansTheWholeListWasExamined() {
    send(impression("i1", "q", 0, "a", "b", "c"));
    advanceTo(CLOSE);
    assertArrayEquals(new long[] {1, 1, 1}, positions("q").examinations());
    assertArrayEquals(new long[] {0, 0, 0}, positions("q").clicks());
    assertEquals(3, examples.readValuesToList().size());
  }

  @Test
  void clickBeforeItsImpressionStillJoins() {
    send(click("i1", "q", "b", 2, 2_000));
    send(impression("i1", "q", 1_000, "a", "b", "c"));
    advanceTo(1_000 + CLOSE);
    assertArrayEquals(new long[] {0, 1}, positions("q").clicks());
    assertTrue(dlq.isEmpty());
  }

  @Test
  void windowClosesOnlyAtImpressionTimePlusWindowPlusGrace() {
    send(impression("i1", "q", 1_000, "a", "b"));
    advanceTo(1_000 + CLOSE - 1);
    assertNull(positions("q"));
    send(click("i1", "q", "a", 1, 1_000 + WINDOW.toMillis()));
    advanceTo(1_000 + CLOSE);
    assertArrayEquals(new long[] {1}, positions("q").clicks(), "a click exactly at the window edge joins");
  }

  @Test
  void duplicatesCountOnce() {
    ImpressionEvent imp = impression("i1", "q", 0, "a", "b", "c");
    send(imp);
    send(imp);
    send(click("i1", "q", "b", 2, 10));
    send(click("i1", "q", "b", 2, 10));
    send(click("i1", "q", "b", 2, 20));
    advanceTo(CLOSE);
    send(imp); // after close, still remembered
    advanceTo(3 * CLOSE);
    assertEquals(1, positions("q").impressions());
    assertArrayEquals(new long[] {0, 1}, positions("q").clicks());
    assertEquals(new DocCounts(1, 1, 1), doc("q", "b"));
    assertEquals(2, DeadLetters.total(driver.metrics(), "duplicate-impressions"));
    assertEquals(2, DeadLetters.total(driver.metrics(), "duplicate-clicks"));
    assertTrue(dlq.isEmpty());
  }

  @Test
  void duplicateClicksBeforeTheImpressionCountOnce() {
    send(click("i1", "q", "a", 1, 10));
    send(click("i1", "q", "a", 1, 10));
    send(impression("i1", "q", 0, "a", "b"));
    advanceTo(CLOSE);
    assertArrayEquals(new long[] {1}, positions("q").clicks());
  }

  @Test
  void contextsAreKeptApart() {
    send(impression("i1", "q1", 0, "a", "b"));
    send(impression("i2", "q2", 0, "a", "b"));
    send(click("i2", "q2", "b", 2, 5));
    advanceTo(CLOSE);
    assertArrayEquals(new long[] {0, 0}, positions("q1").clicks());
    assertArrayEquals(new long[] {0, 1}, positions("q2").clicks());
    assertEquals(new DocCounts(1, 1, 0), doc("q1", "b"));
    assertEquals(new DocCounts(1, 1, 1), doc("q2", "b"));
  }

  // ------------------------------------------------------------ dead letters, one per reason

  TestRecord<String, byte[]> onlyDeadLetter(String reason) {
    List<TestRecord<String, byte[]>> l = dlq.readRecordsToList();
    assertEquals(1, l.size(), "dead letters: " + l);
    TestRecord<String, byte[]> r = l.get(0);
    assertEquals(reason, DeadLetters.header(r.headers(), DeadLetters.REASON));
    assertEquals(1L, deadLetters().get(reason));
    return r;
  }

  @Test
  void malformedJsonIsDeadLetteredWithOffset() {
    send(impression("i0", "q", 0, "a"));
    impressions.pipeInput("q", "{oops".getBytes(StandardCharsets.UTF_8), 5);
    TestRecord<String, byte[]> r = onlyDeadLetter("malformed-json");
    assertEquals("{oops", new String(r.value(), StandardCharsets.UTF_8));
    assertEquals(T.impressions(), DeadLetters.header(r.headers(), DeadLetters.SOURCE_TOPIC));
    assertEquals("1", DeadLetters.header(r.headers(), DeadLetters.SOURCE_OFFSET));
    assertEquals("0", DeadLetters.header(r.headers(), DeadLetters.SOURCE_PARTITION));
    advanceTo(CLOSE);
    assertEquals(1, positions("q").impressions(), "processing continued");
  }

  @Test
  void unknownVersionIsDeadLettered() {
    clicks.pipeInput("q",
        "{\"v\":2,\"impressionId\":\"i\",\"contextKey\":\"q\",\"docId\":\"d\",\"position\":1,\"timestamp\":5}"
            .getBytes(StandardCharsets.UTF_8), 5);
    TestRecord<String, byte[]> r = onlyDeadLetter("unknown-version");
    assertEquals("v", DeadLetters.header(r.headers(), DeadLetters.FIELD));
  }

  @Test
  void failedValidationIsDeadLetteredWithField() {
    clicks.pipeInput("q",
        "{\"v\":1,\"impressionId\":\"i\",\"contextKey\":\"q\",\"docId\":\"d\",\"position\":0,\"timestamp\":5}"
            .getBytes(StandardCharsets.UTF_8), 5);
    TestRecord<String, byte[]> r = onlyDeadLetter("invalid");
    assertEquals("position", DeadLetters.header(r.headers(), DeadLetters.FIELD));
    assertEquals(T.clicks(), DeadLetters.header(r.headers(), DeadLetters.SOURCE_TOPIC));
  }

  @Test
  void clickWithoutImpressionBecomesOrphanWhenItsWindowCloses() {
    send(click("nope", "q", "a", 1, 100));
    advanceTo(100 + CLOSE - 1);
    assertTrue(dlq.isEmpty());
    advanceTo(100 + CLOSE);
    TestRecord<String, byte[]> r = onlyDeadLetter("orphan-click");
    assertEquals("0", DeadLetters.header(r.headers(), DeadLetters.SOURCE_OFFSET));
    assertEquals("nope", EventJson.readClick(r.value(), "q").impressionId());
  }

  @Test
  void clickLaterThanTheWindowIsDeadLettered() {
    send(impression("i1", "q", 0, "a", "b"));
    send(click("i1", "q", "a", 1, WINDOW.toMillis() + 1));
    onlyDeadLetter("late-click");
    advanceTo(CLOSE);
    assertArrayEquals(new long[] {0, 0}, positions("q").clicks());
  }

  @Test
  void clickArrivingAfterTheWindowClosedIsDeadLettered() {
    send(impression("i1", "q", 0, "a", "b"));
    advanceTo(CLOSE);
    send(click("i1", "q", "a", 1, 10));
    onlyDeadLetter("late-click");
    assertArrayEquals(new long[] {0, 0}, positions("q").clicks(), "learned state unchanged");
  }

  @Test
  void clickOnAnItemNotShownIsDeadLettered() {
    send(impression("i1", "q", 0, "a", "b"));
    send(click("i1", "q", "zzz", 2, 10));
    onlyDeadLetter("click-mismatch");
  }

  @Test
  void impressionAfterItsWindowIsDeadLettered() {
    advanceTo(10 * CLOSE);
    dlq.readRecordsToList();
    send(impression("old", "q", 0, "a"));
    onlyDeadLetter("late-impression");
  }

  @Test
  void impressionsReadAheadOfClicksDoNotCloseWindowsWhoseClicksAreUnread() {
    build(PER_TOPIC);
    send(click("c0", "zz", "x", 1, 0)); // the clicks topic's clock starts at 0
    send(impression("i1", "q", 1_000, "a", "b"));
    // One fetch returned a minute of impressions beyond i1's deadline before any of its clicks:
    // with one stream time this closed i1, and its click below went to the DLQ as late.
    advanceTo(1_000 + CLOSE + 60_000);
    assertNull(positions("q"), "the clicks topic has not been read past i1's deadline");
    send(click("i1", "q", "b", 2, 5_000));
    send(click("t1", "zz", "x", 1, 1_000 + CLOSE)); // the clicks topic catches up
    assertArrayEquals(new long[] {0, 1}, positions("q").clicks(), "the click that was still unread joined");
    assertEquals(0, deadLetters().getOrDefault("late-click", 0L));
  }

  @Test
  void aSlowerTopicStillBeingReadHoldsWindowsOpenHoweverFarItLags() {
    build(PER_TOPIC);
    send(impression("i1", "q", 1_000, "a", "b"));
    advanceTo(1_000 + CLOSE + 10 * SKEW.toMillis()); // no click read yet, but the wall clock has not moved
    assertNull(positions("q"), "the clicks topic may still be on its way (a fetch, a restart catching up)");
  }

  @Test
  void aQuietClicksTopicHoldsWindowsOpenAtMostTheMaxSkew() {
    build(PER_TOPIC);
    send(impression("i1", "q", 1_000, "a", "b"));
    driver.advanceWallClockTime(QUIET); // no click for QUIET of wall-clock time: the clicks topic is quiet
    advanceTo(1_000 + CLOSE + SKEW.toMillis() - 1);
    assertNull(positions("q"), "the join time is the impressions' clock minus the skew");
    advanceTo(1_000 + CLOSE + SKEW.toMillis());
    assertArrayEquals(new long[] {1, 1}, positions("q").examinations(), "closed once the skew is used up");
    // The clicks topic wakes up far behind: the join time stays where it was rather than going
    // back, so an impression whose window it had already passed is still late.
    send(click("c-old", "zz", "x", 1, 5_000));
    send(impression("old", "q", 500, "a"));
    assertEquals(1, deadLetters().get("late-impression"));
  }

  @Test
  void clicksReadAheadOfImpressionsDoNotOrphanClicksWhoseImpressionIsUnread() {
    build(PER_TOPIC);
    send(impression("i0", "zz", 0, "x")); // the impressions topic's clock starts at 0
    send(click("i1", "q", "a", 1, 2_000));
    send(click("t1", "zz", "x", 1, 2_000 + CLOSE + 60_000)); // clicks read a minute past the click's deadline
    send(impression("i1", "q", 1_000, "a", "b"));
    advanceTo(1_000 + CLOSE + 60_000);
    assertArrayEquals(new long[] {1}, positions("q").clicks(), "the click waited for its impression");
    assertEquals(0, deadLetters().getOrDefault("orphan-click", 0L));
  }

  @Test
  void skewZeroIsStreamTime() {
    send(click("c0", "zz", "x", 1, 0));
    send(impression("i1", "q", 1_000, "a", "b"));
    advanceTo(1_000 + CLOSE);
    assertArrayEquals(new long[] {1, 1}, positions("q").examinations(), "one topic's clock alone closed it");
    send(click("i1", "q", "b", 2, 5_000));
    assertEquals(1, deadLetters().get("late-click"));
  }

  @Test
  void anImpressionFarBehindItsOwnTopicIsLateBeforeAnyClickIsRead() {
    build(PER_TOPIC);
    send(impression("now", "q", 10 * CLOSE, "a")); // no click read yet: the join time is still at the start
    send(impression("stale", "q", 10 * CLOSE - CLOSE, "a"));
    assertEquals(1, deadLetters().get("late-impression"), "more than window + grace behind its own topic");
    send(impression("recent", "q", 10 * CLOSE - CLOSE + 1, "a"));
    assertEquals(1, deadLetters().get("late-impression"), "within window + grace: it waits for its clicks");
  }
}
