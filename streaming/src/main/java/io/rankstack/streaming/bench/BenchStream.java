package io.rankstack.streaming.bench;

import io.rankstack.streaming.LearnLoop;
import io.rankstack.streaming.LearnLoopMain;
import io.rankstack.streaming.StreamingConfig;
import io.rankstack.streaming.Topics;
import io.rankstack.streaming.broker.EmbeddedKafka;
import io.rankstack.streaming.event.EventJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code bench-stream}: end-to-end numbers of the learn loop on this machine, against the
 * embedded broker on loopback, exactly-once on.
 *
 * <ul>
 *   <li><b>throughput</b> for each partition count: a producer sends the synthetic stream as fast as it
 *       can while the learn loop runs; events/s is events divided by the time from the first send
 *       to the commit (the exactly-once transaction that holds the state update) of the last one.
 *       <b>Lag</b> of an event is the time from its send to the commit that covers its offset
 *       (sampled every 20 ms). Beside it, in the same run, the <b>ceiling</b>: a plain consumer that
 *       only reads and deserialises the same topics.</li>
 *   <li><b>recovery</b>: a child JVM builds a state of {@code --recovery-impressions} × 10
 *       (context, document) keys, is SIGKILLed, and restarted; the figure is the time from the
 *       restart to RUNNING (state restored from the changelogs) and to caught up.</li>
 * </ul>
 * Usage: {@code BenchStream [--events N] [--partitions 1,4] [--commit-interval-ms MS] [--rate EVENTS_PER_S]
 * [--warmup-events N] [--set rankstack.key=value]... [--recovery-impressions N|0] [--work DIR]};
 * {@code --set} passes any {@link StreamingConfig} setting to the learn loop under test. The
 * warm-up (default 100,000 events, not reported) runs the same path once first, so the JIT has
 * compiled it: at 100,000 events the C2 compiler threads alone took more CPU than the stream
 * thread, so a cold run measures compilation, not the learn loop.
 */
public final class BenchStream {
  private BenchStream() {}

  public static void main(String[] args) throws Exception {
    int events = 200_000;
    List<Integer> partitions = List.of(1, 4);
    int recoveryImpressions = 160_000;
    Path work = Path.of("target", "bench-stream");
    long commitMs = 100;
    int rate = 0;
    int warmup = 100_000;
    Map<String, String> settings = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--events" -> events = Integer.parseInt(args[++i]);
        case "--partitions" -> partitions = Stream.of(args[++i].split(",")).map(Integer::parseInt).toList();
        case "--recovery-impressions" -> recoveryImpressions = Integer.parseInt(args[++i]);
        case "--work" -> work = Path.of(args[++i]);
        case "--commit-interval-ms" -> commitMs = Long.parseLong(args[++i]);
        case "--rate" -> rate = Integer.parseInt(args[++i]);
        case "--warmup-events" -> warmup = Integer.parseInt(args[++i]);
        case "--set" -> {
          String[] kv = args[++i].split("=", 2);
          settings.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        default -> {
          System.err.println("usage: BenchStream [--events N] [--partitions 1,4] [--commit-interval-ms MS] [--rate EVENTS_PER_S] [--warmup-events N] [--set rankstack.key=value]... [--recovery-impressions N|0] [--work DIR]");
          System.exit(2);
        }
      }
    }
    deleteTree(work);
    System.out.printf("bench-stream: %d events, partitions %s, %d cores, Java %s%n", events, partitions,
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    System.out.println();
    System.out.println("| partitions | events | learn loop, exactly-once (events/s) | p50 / p99 lag (ms) "
        + "| plain consumer, deserialise only (events/s) | ratio |  (commit interval " + commitMs + " ms, "
        + (rate > 0 ? "producer paced at " + rate + " events/s" : "producer unpaced") + ")");
    System.out.println("|---|---|---|---|---|---|---|---|");
    if (warmup > 0) {
      throughput(work.resolve("warmup"), partitions.get(partitions.size() - 1), warmup, commitMs, 0, settings, false);
      deleteTree(work.resolve("warmup"));
    }
    for (int p : partitions) {
      throughput(work.resolve("p" + p), p, events, commitMs, rate, settings, true);
    }
    if (recoveryImpressions > 0) {
      recovery(work.resolve("recovery"), recoveryImpressions);
    }
  }

  private static void throughput(Path dir, int partitions, int events, long commitMs, int rate,
      Map<String, String> settings, boolean report) throws Exception {
    SyntheticClickStream.Generated g = new SyntheticClickStream((int) (events / 1.9), 1000, 50, 5, 5,
        System.currentTimeMillis() - 3_600_000, 42).generate();
    List<SyntheticClickStream.Event> evs = g.events().subList(0, Math.min(events, g.events().size()));
    try (EmbeddedKafka broker = EmbeddedKafka.start(dir.resolve("kafka"))) {
      String bootstrap = broker.bootstrapServers();
      Map<String, String> m = new HashMap<>(settings);
      m.putAll(Map.of(StreamingConfig.BOOTSTRAP_SERVERS, bootstrap,
          StreamingConfig.DATA_DIR, dir.toString(), StreamingConfig.PARTITIONS, Integer.toString(partitions),
          StreamingConfig.JOIN_WINDOW_MS, "60000", StreamingConfig.GRACE_MS, "10000",
          StreamingConfig.APPLICATION_ID, "bench", StreamingConfig.COMMIT_INTERVAL_MS, Long.toString(commitMs)));
      StreamingConfig cfg = StreamingConfig.fromMap(m);
      Map<TopicPartition, long[]> sentAt = new ConcurrentHashMap<>();
      Histogram lag = new Histogram(3_600_000_000L, 3); // microseconds, up to an hour
      long start;
      long end;
      long cpu0 = 0;
      long cpu1;
      long proc0 = 0;
      Map<String, Long> threadCpu0 = Map.of();
      Map<String, Long> nativeCpu0 = Map.of();
      long proc1;
      try (LearnLoop loop = LearnLoop.start(cfg); Admin admin = broker.admin()) {
        loop.awaitRunning(Duration.ofSeconds(120));
        Map<TopicPartition, Integer> counts = new HashMap<>();
        java.util.concurrent.atomic.AtomicBoolean producing = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread monitor = new Thread(() -> {
          try {
            while (producing.get()) {
              drainCommits(admin, sentAt, counts, lag);
              Thread.sleep(20);
            }
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }, "lag-monitor");
        try (KafkaProducer<String, byte[]> p = producer(bootstrap)) {
          start = System.nanoTime();
          cpu0 = streamThreadCpuNanos();
          threadCpu0 = threadCpuByGroup();
          nativeCpu0 = nativeThreadCpuByGroup();
          proc0 = processCpuNanos();
          monitor.start();
          int sentCount = 0;
          for (SyntheticClickStream.Event e : evs) {
            if (rate > 0 && ++sentCount % 100 == 0) {
              long wait = start + (long) (sentCount * 1e9 / rate) - System.nanoTime();
              if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
              }
            }
            String topic = e.impression() ? Topics.DEFAULT.impressions() : Topics.DEFAULT.clicks();
            long sent = System.nanoTime();
            p.send(new ProducerRecord<>(topic, null, e.timestamp(), e.key(), e.value()), (md, ex) -> {
              if (ex == null) {
                TopicPartition tp = new TopicPartition(md.topic(), md.partition());
                long[] a = sentAt.computeIfAbsent(tp, k -> new long[evs.size()]);
                a[(int) md.offset()] = sent;
              }
            });
          }
          p.flush();
        }
        producing.set(false);
        monitor.join();
        Map<TopicPartition, Long> ends = endOffsets(admin, sentAt.keySet());
        while (true) {
          drainCommits(admin, sentAt, counts, lag);
          if (caughtUp(counts, ends)) {
            break;
          }
          Thread.sleep(10);
        }
        end = System.nanoTime();
        cpu1 = streamThreadCpuNanos();
        if (report && Boolean.getBoolean("bench.threads")) {
          Map<String, Long> t1 = threadCpuByGroup();
          for (Map.Entry<String, Long> e : t1.entrySet()) {
            System.err.printf("  cpu %-60s %8.1f µs/event%n", e.getKey(),
                (e.getValue() - threadCpu0.getOrDefault(e.getKey(), 0L)) / 1e3 / evs.size());
          }
          Map<String, Long> nativeDelta = new java.util.TreeMap<>();
          for (Map.Entry<String, Long> e : nativeThreadCpuByGroup().entrySet()) {
            nativeDelta.merge(e.getKey().substring(0, e.getKey().indexOf('\0')),
                e.getValue() - nativeCpu0.getOrDefault(e.getKey(), 0L), Long::sum);
          }
          for (Map.Entry<String, Long> e : nativeDelta.entrySet()) {
            System.err.printf("  cpu [native, lower bound] %-38s %8.1f µs/event%n", e.getKey(),
                e.getValue() / 1e3 / evs.size());
          }
        }
        proc1 = processCpuNanos();
      }
      double secs = (end - start) / 1e9;
      double eps = evs.size() / secs;
      if (!report) {
        return;
      }
      double ceiling = plainConsumer(bootstrap, evs.size());
      System.out.printf("| %d | %,d | %,.0f | %d / %d | %,.0f | %.2f | %.1f | %.1f |%n", partitions, evs.size(), eps,
          lag.getValueAtPercentile(50) / 1000, lag.getValueAtPercentile(99) / 1000, ceiling,
          eps / ceiling, (cpu1 - cpu0) / 1e3 / evs.size(), (proc1 - proc0) / 1e3 / evs.size());
    }
  }

  /**
   * CPU time of the Kafka Streams threads (stream threads and their producers) so far. Unlike
   * events/s it hardly depends on what else the shared machine runs, so it compares code changes.
   */
  private static long streamThreadCpuNanos() {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (java.lang.management.ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (t != null && t.getThreadName().contains("StreamThread")) {
        sum += Math.max(0, mx.getThreadCpuTime(t.getThreadId()));
      }
    }
    return sum;
  }

  /** CPU time per thread-name group (digits and ids folded), for {@code -Dbench.threads=true}. */
  private static Map<String, Long> threadCpuByGroup() {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    Map<String, Long> out = new java.util.TreeMap<>();
    for (java.lang.management.ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (t != null) {
        String g = t.getThreadName().replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "X").replaceAll("\\d+", "N");
        out.merge(g, Math.max(0, mx.getThreadCpuTime(t.getThreadId())), Long::sum);
      }
    }
    return out;
  }

  /**
   * CPU time of the JVM's own threads that {@link #threadCpuByGroup} cannot see (JIT compiler, GC,
   * VM) and of RocksDB's native background threads, per group, from {@code /proc/self/task} (Linux;
   * empty elsewhere), keyed {@code group NUL thread id}. Clock ticks are taken as 1/100 s, the
   * Linux {@code USER_HZ}. A thread that ends between two snapshots (the JVM retires idle compiler
   * threads) drops out of the difference, so the per-group figures are lower bounds. These showed
   * that a fifth to a third of the process CPU per event here is the JIT (docs/benchmarks.md).
   */
  private static Map<String, Long> nativeThreadCpuByGroup() {
    Map<String, Long> out = new java.util.TreeMap<>();
    java.nio.file.Path tasks = java.nio.file.Path.of("/proc/self/task");
    if (!java.nio.file.Files.isDirectory(tasks)) {
      return out;
    }
    try (java.util.stream.Stream<java.nio.file.Path> ts = java.nio.file.Files.list(tasks)) {
      for (java.nio.file.Path t : (Iterable<java.nio.file.Path>) ts::iterator) {
        try {
          String comm = java.nio.file.Files.readString(t.resolve("comm")).trim();
          String group = comm.contains("CompilerThre") ? "JIT compiler threads"
              : comm.startsWith("GC Thread") || comm.equals("VM Thread") ? "GC and VM threads"
              : comm.startsWith("rocksdb") ? "RocksDB background threads" : null;
          if (group == null) {
            continue;
          }
          String stat = java.nio.file.Files.readString(t.resolve("stat"));
          // Fields after the ") " that closes the command name: state is 1, utime 12, stime 13.
          String[] f = stat.substring(stat.lastIndexOf(") ") + 2).trim().split(" ");
          long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
          out.put(group + '\0' + t.getFileName(), ticks * 10_000_000L);
        } catch (IOException | RuntimeException e) {
          // the thread ended between listing and reading: its CPU is lost to both snapshots alike
        }
      }
    } catch (IOException e) {
      return out;
    }
    return out;
  }

  /** CPU time of this whole JVM (learn loop, broker, producer) so far. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** Records the lag of every offset newly covered by a commit of group {@code bench}. */
  private static void drainCommits(Admin admin, Map<TopicPartition, long[]> sentAt,
      Map<TopicPartition, Integer> counted, Histogram lag) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets("bench").partitionsToOffsetAndMetadata().get();
    long t = System.nanoTime();
    for (Map.Entry<TopicPartition, long[]> e : sentAt.entrySet()) {
      OffsetAndMetadata c = committed.get(e.getKey());
      if (c == null) {
        continue;
      }
      int from = counted.getOrDefault(e.getKey(), 0);
      int to = (int) Math.min(c.offset(), e.getValue().length);
      for (int o = from; o < to; o++) {
        if (e.getValue()[o] > 0) {
          lag.recordValue(Math.max(0, (t - e.getValue()[o]) / 1000));
        }
      }
      counted.put(e.getKey(), Math.max(from, to));
    }
  }

  private static boolean caughtUp(Map<TopicPartition, Integer> counted, Map<TopicPartition, Long> ends) {
    for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
      if (counted.getOrDefault(e.getKey(), 0) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  private static Map<TopicPartition, Long> endOffsets(Admin admin, java.util.Set<TopicPartition> tps)
      throws Exception {
    Map<TopicPartition, Long> out = new HashMap<>();
    var r = admin.listOffsets(tps.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())));
    for (TopicPartition tp : tps) {
      out.put(tp, r.partitionResult(tp).get().offset());
    }
    return out;
  }

  /** Reads and deserialises both input topics from the start; events per second. */
  private static double plainConsumer(String bootstrap, int expected) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
    try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> tps = new ArrayList<>();
      for (String topic : List.of(Topics.DEFAULT.impressions(), Topics.DEFAULT.clicks())) {
        c.partitionsFor(topic).forEach(i -> tps.add(new TopicPartition(topic, i.partition())));
      }
      c.assign(tps);
      c.seekToBeginning(tps);
      long start = System.nanoTime();
      int n = 0;
      while (n < expected) {
        for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
          if (r.topic().equals(Topics.DEFAULT.impressions())) {
            EventJson.readImpression(r.value(), r.key());
          } else {
            EventJson.readClick(r.value(), r.key());
          }
          n++;
        }
      }
      return n / ((System.nanoTime() - start) / 1e9);
    }
  }

  private static KafkaProducer<String, byte[]> producer(String bootstrap) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
    return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }

  // ------------------------------------------------------------------ recovery

  private static void recovery(Path dir, int impressions) throws Exception {
    // One impression per context, ten documents each: impressions × 10 (context, document) keys.
    SyntheticClickStream.Generated g = new SyntheticClickStream(impressions, impressions, 10, 10, 1,
        System.currentTimeMillis() - 3_600_000, 7).generate();
    long contexts = g.impressions().stream().map(e -> e.contextKey()).distinct().count();
    long docKeys = g.impressions().stream().flatMap(e -> e.items().stream().map(i -> e.contextKey() + "\u0000" + i.docId()))
        .distinct().count();
    try (EmbeddedKafka broker = EmbeddedKafka.start(dir.resolve("kafka"))) {
      String bootstrap = broker.bootstrapServers();
      LearnLoop.createTopics(bootstrap, Topics.DEFAULT, 4);
      Map<String, String> child = Map.of(StreamingConfig.BOOTSTRAP_SERVERS, bootstrap,
          StreamingConfig.DATA_DIR, dir.resolve("child").toString(), StreamingConfig.PARTITIONS, "4",
          StreamingConfig.JOIN_WINDOW_MS, "60000", StreamingConfig.GRACE_MS, "1000",
          StreamingConfig.APPLICATION_ID, "bench-recovery", StreamingConfig.INSTANCE_ID, "bench-recovery");
      long last = 0;
      try (KafkaProducer<String, byte[]> p = producer(bootstrap)) {
        for (SyntheticClickStream.Event e : g.events()) {
          p.send(new ProducerRecord<>(e.impression() ? Topics.DEFAULT.impressions() : Topics.DEFAULT.clicks(), null,
              e.timestamp(), e.key(), e.value()));
          last = Math.max(last, e.timestamp());
        }
        tick(p, last + 600_000);
      }
      Process proc = startChild(child, dir.resolve("child.log"));
      long t0 = System.nanoTime();
      try (Admin admin = broker.admin()) {
        awaitCaughtUp(admin, "bench-recovery", Duration.ofMinutes(20));
        System.out.printf("%nrecovery: state built from %,d events in %.1f s%n", g.events().size(),
            (System.nanoTime() - t0) / 1e9);
        proc.destroyForcibly();
        proc.waitFor();
        try (KafkaProducer<String, byte[]> p = producer(bootstrap)) {
          tick(p, last + 1_200_000);
        }
        long restart = System.nanoTime();
        Process again = startChild(child, dir.resolve("child.log"));
        long running = awaitLine(again, "RUNNING", Duration.ofMinutes(20));
        awaitCaughtUp(admin, "bench-recovery", Duration.ofMinutes(20));
        long caughtUp = System.nanoTime();
        again.destroy();
        again.waitFor();
        System.out.printf("recovery after SIGKILL, %,d (context, document) keys + %,d contexts + %,d join entries: "
                + "restart to RUNNING (restored) %.1f s, restart to caught up %.1f s%n",
            docKeys, contexts, impressions, (running - restart) / 1e9, (caughtUp - restart) / 1e9);
      }
    }
  }

  private static void tick(KafkaProducer<String, byte[]> p, long ts) {
    for (int part = 0; part < 4; part++) {
      var tick = new io.rankstack.streaming.event.ImpressionEvent(1, "tick-" + ts + "-" + part, ts,
          io.rankstack.streaming.event.Surface.SEARCH, "tick", null, null, null, null,
          List.of(new io.rankstack.streaming.event.ImpressionItem("x", 1, 0, null, Double.NaN)), null, null);
      p.send(new ProducerRecord<>(Topics.DEFAULT.impressions(), part, ts, "tick", EventJson.write(tick)));
    }
    p.flush();
  }

  private static Process startChild(Map<String, String> settings, Path log) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-cp", System.getProperty("java.class.path"), LearnLoopMain.class.getName()));
    settings.forEach((k, v) -> cmd.add(k + "=" + v));
    return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
  }

  private static long awaitLine(Process p, String line, Duration timeout) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String s;
    while ((s = r.readLine()) != null) {
      if (s.equals(line)) {
        return System.nanoTime();
      }
    }
    throw new IllegalStateException("child exited before printing " + line);
  }

  private static void awaitCaughtUp(Admin admin, String group, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<TopicPartition> inputs = new ArrayList<>();
    for (int p = 0; p < 4; p++) {
      inputs.add(new TopicPartition(Topics.DEFAULT.impressions(), p));
      inputs.add(new TopicPartition(Topics.DEFAULT.clicks(), p));
    }
    while (System.nanoTime() < deadline) {
      Map<TopicPartition, OffsetAndMetadata> c = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
          .get(10, TimeUnit.SECONDS);
      Map<TopicPartition, Long> ends = endOffsets(admin, new java.util.HashSet<>(inputs));
      boolean done = true;
      for (TopicPartition tp : inputs) {
        long end = ends.get(tp);
        if (end > 0 && (c.get(tp) == null || c.get(tp).offset() < end)) {
          done = false;
        }
      }
      if (done) {
        return;
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("not caught up after " + timeout);
  }

  private static void deleteTree(Path p) throws IOException {
    if (Files.exists(p)) {
      try (Stream<Path> s = Files.walk(p)) {
        for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(x);
        }
      }
    }
  }
}
