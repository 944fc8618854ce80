package io.rankstack.server.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.rankstack.streaming.Topics;
import io.rankstack.streaming.event.ClickEvent;
import io.rankstack.streaming.event.EventJson;
import io.rankstack.streaming.event.ImpressionEvent;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends impressions and clicks to Kafka without ever blocking a request: events go into a bounded
 * queue that one sender thread drains into the producer. While Kafka is unreachable the sender
 * keeps the head of the queue and retries; the queue fills up to its capacity, impressions beyond
 * it are dropped and counted, clicks beyond it are refused (the caller answers 503) so that nothing
 * accepted is lost silently. {@link #lastError()} and the counters report the state.
 */
public final class EventLog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EventLog.class);
  /** {@link #lastError()} while events are held until the topics exist. */
  public static final String HELD = "held until the learn loop has created the topics";

  private final Topics topics;
  private final Producer<String, byte[]> producer;
  private final LinkedBlockingDeque<ProducerRecord<String, byte[]>> queue;
  private final Thread sender;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong droppedImpressions = new AtomicLong();
  private final AtomicLong refusedClicks = new AtomicLong();
  private final AtomicLong sendFailures = new AtomicLong();
  private final AtomicReference<String> lastError = new AtomicReference<>();
  private final BooleanSupplier ready;
  private volatile boolean closed;

  /**
   * @param bootstrapServers the cluster
   * @param topics           topic names
   * @param capacity         events held at most
   * @param registry         where the counters go ({@code rankstack.events.*})
   */
  public EventLog(String bootstrapServers, Topics topics, int capacity, MeterRegistry registry) {
    this(bootstrapServers, topics, capacity, registry, () -> true);
  }

  /**
   * As {@link #EventLog(String, Topics, int, MeterRegistry)}, holding every event in the queue until
   * {@code ready} answers true (the learn loop has created the topics: a send before could create
   * one with the broker's default partition count, which the join cannot use).
   */
  public EventLog(String bootstrapServers, Topics topics, int capacity, MeterRegistry registry, BooleanSupplier ready) {
    this.topics = topics;
    this.ready = ready;
    this.queue = new LinkedBlockingDeque<>(capacity);
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    // send() waits at most this long for metadata when the cluster is down; the sender then retries.
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000);
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
    this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    Gauge.builder("rankstack.events.queued", queue, LinkedBlockingDeque::size).register(registry);
    Gauge.builder("rankstack.events.sent", sent, AtomicLong::get).register(registry);
    Gauge.builder("rankstack.events.impressions.dropped", droppedImpressions, AtomicLong::get).register(registry);
    Gauge.builder("rankstack.events.clicks.refused", refusedClicks, AtomicLong::get).register(registry);
    Gauge.builder("rankstack.events.send.failures", sendFailures, AtomicLong::get).register(registry);
    this.sender = new Thread(this::drain, "rankstack-event-sender");
    sender.setDaemon(true);
    sender.start();
  }

  /** Queues an impression; false (and counted) when the queue is full. Never blocks. */
  public boolean impression(ImpressionEvent e) {
    boolean ok = queue.offerLast(new ProducerRecord<>(topics.impressions(), e.contextKey(), EventJson.write(e)));
    if (!ok) {
      droppedImpressions.incrementAndGet();
    }
    return ok;
  }

  /** Queues a click; false (and counted) when the queue is full: the caller must refuse it. Never blocks. */
  public boolean click(ClickEvent c) {
    boolean ok = queue.offerLast(new ProducerRecord<>(topics.clicks(), c.contextKey(), EventJson.write(c)));
    if (!ok) {
      refusedClicks.incrementAndGet();
    }
    return ok;
  }

  /** Room for {@code n} more events now. */
  public boolean hasRoom(int n) {
    return queue.remainingCapacity() >= n;
  }

  private void drain() {
    while (!closed || !queue.isEmpty()) {
      if (!ready.getAsBoolean()) {
        if (closed) {
          return;
        }
        if (lastError.compareAndSet(null, HELD)) {
          LOG.warn("event logging to Kafka waits for the learn loop to create the topics; events are queued");
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          // closed: checked above
        }
        continue;
      }
      ProducerRecord<String, byte[]> r;
      try {
        r = queue.pollFirst(200, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        if (closed) {
          return;
        }
        continue;
      }
      if (r == null) {
        continue;
      }
      try {
        producer.send(r, (md, ex) -> {
          if (ex == null) {
            sent.incrementAndGet();
            lastError.set(null);
          } else {
            failed(ex);
            if (!queue.offerLast(r)) { // after the delivery timeout: back into the queue if there is room
              droppedImpressions.incrementAndGet();
            }
          }
        });
      } catch (RuntimeException ex) { // metadata timeout: the cluster is unreachable; keep the event, retry
        failed(ex);
        if (!queue.offerFirst(r)) {
          droppedImpressions.incrementAndGet();
        }
        if (closed) {
          return;
        }
        try {
          Thread.sleep(500);
        } catch (InterruptedException ie) {
          if (closed) {
            return;
          }
        }
      }
    }
  }

  private void failed(Exception ex) {
    sendFailures.incrementAndGet();
    String msg = ex.getClass().getSimpleName() + ": " + ex.getMessage();
    String before = lastError.getAndSet(msg);
    if (before == null || before.equals(HELD)) {
      LOG.warn("event logging to Kafka is failing, events are queued ({} now): {}", queue.size(), msg);
    }
  }

  public int queued() {
    return queue.size();
  }

  public long sent() {
    return sent.get();
  }

  public long droppedImpressions() {
    return droppedImpressions.get();
  }

  public long refusedClicks() {
    return refusedClicks.get();
  }

  /** The last send error while it persists, else null. */
  public String lastError() {
    return lastError.get();
  }

  /** Waits until every queued event was handed to the producer and flushed, at most {@code timeout}. */
  public boolean flush(Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!queue.isEmpty() && System.nanoTime() < end) {
      Thread.sleep(10);
    }
    producer.flush();
    return queue.isEmpty();
  }

  @Override
  public void close() {
    closed = true;
    try {
      sender.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sender.interrupt();
    producer.close(Duration.ofSeconds(5));
  }
}
