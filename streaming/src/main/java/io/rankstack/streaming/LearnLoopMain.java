package io.rankstack.streaming;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Runs the learn loop until killed: {@code java -cp … io.rankstack.streaming.LearnLoopMain
 * [key=value …]} with the {@code rankstack.*} keys of {@link StreamingConfig}. With no
 * {@code rankstack.kafka.bootstrap-servers} it starts the embedded broker under
 * {@code <data-dir>/kafka}. Prints {@code RUNNING} on a line of its own each time processing
 * (re)starts, which tests and the benchmark wait for.
 */
public final class LearnLoopMain {
  private LearnLoopMain() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> m = new LinkedHashMap<>();
    for (String a : args) {
      int eq = a.indexOf('=');
      if (eq <= 0) {
        System.err.println("usage: LearnLoopMain [rankstack.key=value ...]; bad argument: " + a);
        System.exit(2);
      }
      m.put(a.substring(0, eq), a.substring(eq + 1));
    }
    StreamingConfig config;
    try {
      config = StreamingConfig.fromMap(m);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    LearnLoop loop = LearnLoop.start(config, List.of(), (now, before) -> {
      if (now == KafkaStreams.State.RUNNING) {
        System.out.println("RUNNING");
        System.out.flush();
      }
      if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
        stopped.countDown();
      }
    });
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      loop.close();
      stopped.countDown();
    }));
    System.out.println("bootstrap=" + loop.bootstrapServers());
    System.out.flush();
    stopped.await();
    loop.close();
    System.exit(loop.streams().state() == KafkaStreams.State.ERROR ? 1 : 0);
  }
}
