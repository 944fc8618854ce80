package io.rankstack.streaming.topology;

import io.rankstack.streaming.event.ClickEvent;
import io.rankstack.streaming.event.DeadLetterReason;
import io.rankstack.streaming.event.EventFormatException;
import io.rankstack.streaming.event.EventJson;
import io.rankstack.streaming.event.ImpressionEvent;
import io.rankstack.streaming.event.ImpressionItem;
import io.rankstack.streaming.topology.PendingImpression.SourcedClick;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Decodes, validates and joins impressions with their clicks; emits a {@link JoinedImpression}
 * when an impression's window closes and dead-letters what cannot be used. See
 * {@link LearnLoopTopology} for the rules.
 */
final class JoinProcessor implements Processor<String, byte[], String, Object> {
  private final String impressionsTopic;
  private final String clicksTopic;
  private final long windowMs;
  private final long graceMs;
  private final long maxInputSkewMs;
  private final long quietInputMs;
  /** How far the join time may run ahead of {@link #floor} before the floor is written again. */
  private final long floorStepMs;
  /**
   * The largest timestamp read from each input topic of this task since it started (-1: none
   * yet), and the wall-clock time of that topic's last record (the start when none). Kept per
   * topic rather than Kafka Streams' one stream time per task, so that reading one topic ahead of
   * the other (a fetch that returned only impressions, a burst of clicks) cannot close windows
   * whose clicks are still unread: see {@link #advanceJoinTime}. Not persisted; see {@link #floor}.
   * The walls start at the first record this processor reads.
   */
  private long impressionsClock = -1;
  private long clicksClock = -1;
  private long impressionsWall;
  private long clicksWall;
  /** The join time: never goes back while this processor lives, and starts at {@link #floor}. */
  private long now = -1;
  /**
   * The join time as last written to the join store (key {@link #FLOOR_KEY}), in the same
   * transactions as the decisions it covers. After a restart the topic clocks start from scratch,
   * and the join time starts here instead of at -1: at most {@link #floorStepMs} below where it
   * was at the last commit. So a duplicate of an impression whose entry was purged (the purge
   * happens {@code window + grace} after its window closed, more than the step) is still a
   * {@code late-impression}, not learned twice, and a copy of an event dead-lettered before the
   * restart is dead-lettered again unless it was decided in the last step before the crash. Never
   * above the join time, so it closes nothing early. Costs one store write per step of event time.
   */
  private long floor = -1;
  /**
   * Expiry index of the join state: (deadline, impression id), earliest first. Derived data, not a
   * store: {@link #init} rebuilds it from the join store (already restored from its changelog by
   * then), so it needs no changelog of its own and costs no store write per event. It may hold
   * superseded entries (an id whose deadline moved); {@link #expire} skips those.
   */
  private final TreeSet<Due> index = new TreeSet<>();

  private ProcessorContext<String, Object> context;
  private KeyValueStore<String, PendingImpression> join;
  private final Map<DeadLetterReason, Sensor> deadLetterSensors = new EnumMap<>(DeadLetterReason.class);
  private Sensor duplicateImpressions;
  private Sensor duplicateClicks;
  private Sensor joined;

  JoinProcessor(String impressionsTopic, String clicksTopic, JoinSettings settings) {
    this.impressionsTopic = impressionsTopic;
    this.clicksTopic = clicksTopic;
    this.windowMs = settings.window().toMillis();
    this.graceMs = settings.grace().toMillis();
    this.maxInputSkewMs = settings.maxInputSkew().toMillis();
    this.quietInputMs = settings.quietInput().toMillis();
    this.floorStepMs = Math.min(1000, windowMs + graceMs);
  }

  /** The join-store key of {@link #floor}: impression ids are non-empty and free of NUL. */
  static final String FLOOR_KEY = "\u0000join-time-floor";

  /**
   * Moves the join time for the record just read. It is the slower input topic's clock, so a
   * window closes only once both topics have been read past its deadline, however far one lags
   * while it is still being read. Once the slower topic has been quiet for {@code quietInput} of
   * wall-clock time (no clicks on a partition for a while, or none yet since the start), the join
   * time may run up to {@code maxInputSkew} behind the faster clock, so a quiet topic delays
   * closings by at most that much instead of forever. Never goes back; never below {@link #floor}.
   * With no skew and no quiet time this is Kafka Streams' stream time.
   */
  private void advanceJoinTime() {
    long lo = Math.min(impressionsClock, clicksClock);
    long hi = Math.max(impressionsClock, clicksClock);
    long t = lo;
    if (hi - lo > maxInputSkewMs) {
      long slowerLastRead = impressionsClock < clicksClock ? impressionsWall : clicksWall;
      if (context.currentSystemTimeMs() - slowerLastRead >= quietInputMs) {
        t = hi - maxInputSkewMs;
      }
    }
    now = Math.max(now, t);
    if (now - floorStepMs >= floor) { // not now - floor: that overflows for a timestamp near Long.MAX_VALUE
      floor = now;
      join.put(FLOOR_KEY, new PendingImpression("", null, List.of(), floor, true));
    }
  }

  /** {@code a + b} for b ≥ 0, saturating at {@link Long#MAX_VALUE}: timestamps are only checked to be ≥ 0. */
  private static long plus(long a, long b) {
    long r = a + b;
    return r < a ? Long.MAX_VALUE : r;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    this.join = context.getStateStore(LearnLoopTopology.JOIN_STORE);
    index.clear();
    impressionsClock = -1;
    clicksClock = -1;
    // The processing context's wall clock is set only once records are processed: the walls start
    // with the first record (see process).
    impressionsWall = Long.MIN_VALUE;
    clicksWall = Long.MIN_VALUE;
    floor = -1;
    try (KeyValueIterator<String, PendingImpression> it = join.all()) {
      while (it.hasNext()) {
        KeyValue<String, PendingImpression> kv = it.next();
        if (kv.key.equals(FLOOR_KEY)) {
          floor = kv.value.deadline();
        } else {
          index.add(new Due(kv.value.deadline(), kv.key));
        }
      }
    }
    now = floor;
    String entity = "task-" + context.taskId();
    for (DeadLetterReason r : DeadLetterReason.values()) {
      deadLetterSensors.put(r, context.metrics().addRateTotalSensor(LearnLoopTopology.METRICS_SCOPE, entity,
          LearnLoopTopology.DEAD_LETTER_METRIC_PREFIX + r.label(), Sensor.RecordingLevel.INFO));
    }
    duplicateImpressions = context.metrics().addRateTotalSensor(LearnLoopTopology.METRICS_SCOPE, entity,
        "duplicate-impressions", Sensor.RecordingLevel.INFO);
    duplicateClicks = context.metrics().addRateTotalSensor(LearnLoopTopology.METRICS_SCOPE, entity,
        "duplicate-clicks", Sensor.RecordingLevel.INFO);
    joined = context.metrics().addRateTotalSensor(LearnLoopTopology.METRICS_SCOPE, entity,
        "joined-impressions", Sensor.RecordingLevel.INFO);
  }

  @Override
  public void process(Record<String, byte[]> record) {
    RecordMetadata meta = context.recordMetadata().orElseThrow();
    boolean impression = meta.topic().equals(impressionsTopic);
    long ts = record.timestamp();
    long wall = context.currentSystemTimeMs();
    if (impressionsWall == Long.MIN_VALUE) { // the first record: both topics count as read now
      impressionsWall = wall;
      clicksWall = wall;
    }
    if (impression) {
      impressionsClock = Math.max(impressionsClock, ts);
      impressionsWall = wall;
    } else {
      clicksClock = Math.max(clicksClock, ts);
      clicksWall = wall;
    }
    advanceJoinTime();
    if (!index.isEmpty() && index.first().deadline() <= now) {
      expire(now);
    }
    if (impression) {
      onImpression(record, meta);
    } else {
      onClick(record, meta);
    }
  }

  private void onImpression(Record<String, byte[]> record, RecordMetadata meta) {
    ImpressionEvent imp;
    try {
      imp = EventJson.readImpression(record.value(), record.key());
    } catch (EventFormatException e) {
      deadLetter(record.key(), record.value(), e.reason(), e.field(), e.getMessage(), meta.topic(), meta.partition(),
          meta.offset());
      return;
    }
    PendingImpression p = join.get(imp.impressionId());
    if (p != null && (p.closed() || p.impression() != null)) {
      duplicateImpressions.record();
      return;
    }
    long deadline = plus(imp.timestamp(), windowMs + graceMs);
    // Late by the join time, or by its own topic alone: more than window + grace behind the latest
    // impression read is out of order beyond the grace, whatever the clicks topic's clock says (it
    // may not have been read yet, just after a start).
    if (deadline <= now || deadline <= impressionsClock) {
      deadLetter(record.key(), record.value(), DeadLetterReason.LATE_IMPRESSION, "timestamp",
          "join window closed at " + deadline + " (join time " + now + ", impressions read up to "
              + impressionsClock + ")", meta.topic(), meta.partition(), meta.offset());
      return;
    }
    List<SourcedClick> accepted = new ArrayList<>();
    if (p != null) {
      for (SourcedClick c : p.clicks()) {
        DeadLetterReason bad = check(imp, c.click());
        if (bad != null) {
          deadLetterClick(c, bad);
        } else if (seen(accepted, c.click())) {
          duplicateClicks.record();
        } else {
          accepted.add(c);
        }
      }
    }
    join.put(imp.impressionId(), new PendingImpression(imp.contextKey(), imp, accepted, deadline, false));
    addDeadline(deadline, imp.impressionId());
  }

  /** Why the click cannot join this impression, or null when it can. */
  private DeadLetterReason check(ImpressionEvent imp, ClickEvent c) {
    ImpressionItem item = imp.itemAt(c.position());
    if (item == null || !item.docId().equals(c.docId()) || !imp.contextKey().equals(c.contextKey())) {
      return DeadLetterReason.CLICK_MISMATCH;
    }
    if (c.timestamp() > plus(imp.timestamp(), windowMs)) {
      return DeadLetterReason.LATE_CLICK;
    }
    return null;
  }

  /** Whether a joined click at the same position exists (for valid clicks: the same document too). */
  private static boolean seen(List<SourcedClick> accepted, ClickEvent c) {
    for (SourcedClick a : accepted) {
      if (a.click().position() == c.position()) {
        return true;
      }
    }
    return false;
  }

  private void onClick(Record<String, byte[]> record, RecordMetadata meta) {
    ClickEvent c;
    try {
      c = EventJson.readClick(record.value(), record.key());
    } catch (EventFormatException e) {
      deadLetter(record.key(), record.value(), e.reason(), e.field(), e.getMessage(), meta.topic(), meta.partition(),
          meta.offset());
      return;
    }
    SourcedClick sc = new SourcedClick(c, meta.partition(), meta.offset());
    PendingImpression p = join.get(c.impressionId());
    if (p == null) {
      long deadline = plus(c.timestamp(), windowMs + graceMs);
      if (deadline <= now) {
        deadLetter(record.key(), record.value(), DeadLetterReason.LATE_CLICK, "timestamp",
            "arrived after its join window closed at " + deadline + " (join time " + now + ")", meta.topic(),
            meta.partition(), meta.offset());
        return;
      }
      join.put(c.impressionId(), new PendingImpression(c.contextKey(), null, List.of(sc), deadline, false));
      addDeadline(deadline, c.impressionId());
      return;
    }
    if (p.closed() || now >= p.deadline()) {
      deadLetter(record.key(), record.value(), DeadLetterReason.LATE_CLICK, "timestamp",
          "arrived after its impression's join window closed", meta.topic(), meta.partition(), meta.offset());
      return;
    }
    if (p.impression() == null) {
      for (SourcedClick a : p.clicks()) {
        if (a.click().position() == c.position() && a.click().docId().equals(c.docId())) {
          duplicateClicks.record();
          return;
        }
      }
      join.put(c.impressionId(), p.withClick(sc));
      return;
    }
    DeadLetterReason bad = check(p.impression(), c);
    if (bad != null) {
      deadLetter(record.key(), record.value(), bad, "position", bad == DeadLetterReason.LATE_CLICK
          ? "click later than the join window after its impression"
          : "no item (" + c.position() + ", " + c.docId() + ") in impression " + c.impressionId(),
          meta.topic(), meta.partition(), meta.offset());
      return;
    }
    if (seen(p.clicks(), c)) {
      duplicateClicks.record();
      return;
    }
    join.put(c.impressionId(), p.withClick(sc));
  }

  /**
   * Closes every window whose deadline is at most {@code now}, in deadline order: emits the joined
   * impressions and dead-letters the orphans. Runs before the record that moved the join time
   * there, so decisions depend on event timestamps and the order records are read in, never on
   * wall-clock time or a punctuation schedule.
   */
  private void expire(long now) {
    while (!index.isEmpty() && index.first().deadline() <= now) {
      Due due = index.pollFirst();
      String id = due.id();
      long deadline = due.deadline();
      PendingImpression p = join.get(id);
      if (p == null || p.deadline() != deadline) {
        continue; // superseded entry
      }
      if (p.closed()) {
        join.delete(id);
      } else if (p.impression() == null) {
        for (SourcedClick c : p.clicks()) {
          deadLetterClick(c, DeadLetterReason.ORPHAN_CLICK);
        }
        join.delete(id);
      } else {
        int[] clicked = p.clicks().stream().mapToInt(c -> c.click().position()).toArray();
        JoinedImpression j = new JoinedImpression(p.impression(), clicked, deadline);
        context.forward(new Record<String, Object>(p.contextKey(), j, deadline), LearnLoopTopology.LEARN_PROCESSOR);
        joined.record();
        long purge = plus(deadline, windowMs + graceMs);
        if (purge <= now) {
          join.delete(id); // the join time already jumped past the dedupe period
        } else {
          join.put(id, new PendingImpression(p.contextKey(), null, List.of(), purge, true));
          addDeadline(purge, id);
        }
      }
    }
  }

  private void addDeadline(long deadline, String id) {
    index.add(new Due(deadline, id));
  }

  private void deadLetterClick(SourcedClick c, DeadLetterReason reason) {
    String detail = switch (reason) {
      case ORPHAN_CLICK -> "impression " + c.click().impressionId() + " did not arrive within the join window";
      case LATE_CLICK -> "click later than the join window after its impression";
      default -> "no item (" + c.click().position() + ", " + c.click().docId() + ") in impression "
          + c.click().impressionId();
    };
    deadLetter(c.click().contextKey(), EventJson.write(c.click()), reason, reason == DeadLetterReason.ORPHAN_CLICK
        ? "impressionId" : "position", detail, clicksTopic, c.partition(), c.offset());
  }

  private void deadLetter(String key, byte[] value, DeadLetterReason reason, String field, String detail,
      String topic, int partition, long offset) {
    RecordHeaders h = new RecordHeaders();
    h.add(DeadLetters.REASON, utf8(reason.label()));
    h.add(DeadLetters.DETAIL, utf8(detail));
    if (field != null) {
      h.add(DeadLetters.FIELD, utf8(field));
    }
    h.add(DeadLetters.SOURCE_TOPIC, utf8(topic));
    h.add(DeadLetters.SOURCE_PARTITION, utf8(Integer.toString(partition)));
    h.add(DeadLetters.SOURCE_OFFSET, utf8(Long.toString(offset)));
    context.forward(new Record<String, Object>(key, value, Math.max(0, now), h), LearnLoopTopology.DLQ_SINK);
    deadLetterSensors.get(reason).record();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** An entry of the expiry index; ties in deadline are broken by id, so the order is deterministic. */
  record Due(long deadline, String id) implements Comparable<Due> {
    @Override
    public int compareTo(Due o) {
      int c = Long.compare(deadline, o.deadline);
      return c != 0 ? c : id.compareTo(o.id);
    }
  }

  @Override
  public void close() {
    for (Sensor s : deadLetterSensors.values()) {
      context.metrics().removeSensor(s);
    }
    deadLetterSensors.clear();
    if (duplicateImpressions != null) {
      context.metrics().removeSensor(duplicateImpressions);
      context.metrics().removeSensor(duplicateClicks);
      context.metrics().removeSensor(joined);
    }
  }
}
