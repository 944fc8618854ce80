package io.rankstack.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * An external cluster that is down at start: the service comes up at once, says why the learn loop
 * does not run, refuses bandit reads with a clear error, and close() ends the start attempts.
 */
class LearnLoopServiceTest {
  @TempDir
  Path data;

  /** A port nothing listens on (chosen free, then released). */
  static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  private RankstackProperties props(String bootstrap) {
    return new Binder(new MapConfigurationPropertySource(Map.of("rankstack.data-dir", data.toString(),
        "rankstack.kafka.bootstrap-servers", bootstrap, "rankstack.kafka.retry-max-ms", "1000")))
        .bindOrCreate("rankstack", RankstackProperties.class);
  }

  @Test
  void anUnreachableExternalClusterDoesNotBlockTheStart() throws Exception {
    String bootstrap = "127.0.0.1:" + closedPort();
    long t0 = System.nanoTime();
    LearnLoopService s = new LearnLoopService(props(bootstrap));
    try {
      // returns before a single attempt could have timed out
      assertTrue(System.nanoTime() - t0 < LearnLoopService.PROBE_TIMEOUT.toNanos(), "the constructor waited");
      assertFalse(s.isRunning());
      assertEquals(bootstrap, s.bootstrapServers());
      assertTrue(s.notRunningReason().contains(bootstrap), s.notRunningReason());
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.bandit("ctx"));
      assertTrue(e.getMessage().startsWith("the learn loop is not running yet"), e.getMessage());
      assertThrows(IllegalStateException.class, s::loop);
      AtomicBoolean called = new AtomicBoolean();
      s.whenRunning(l -> called.set(true));
      // the first attempt fails within the probe timeout and is reported
      long end = System.nanoTime() + 2 * LearnLoopService.PROBE_TIMEOUT.toNanos();
      while (!s.notRunningReason().contains("attempt 1") && System.nanoTime() < end) {
        Thread.sleep(50);
      }
      assertTrue(s.notRunningReason().contains("not reachable (attempt 1)"), s.notRunningReason());
      assertFalse(called.get());
    } finally {
      long c0 = System.nanoTime();
      s.close();
      assertTrue(System.nanoTime() - c0 < 3_000_000_000L, "close() took " + (System.nanoTime() - c0) / 1_000_000 + " ms");
    }
    assertFalse(s.isRunning());
    assertEquals("closed", s.notRunningReason());
    assertTrue(Thread.getAllStackTraces().keySet().stream()
        .noneMatch(t -> t.getName().equals("rankstack-learn-loop-start") && t.isAlive()), "the start thread still runs");
  }

  @Test
  void oneLineNamesTheRootCause() {
    String s = LearnLoopService.oneLine(new IllegalStateException("creating topics failed",
        new RuntimeException("wrapped", new java.util.concurrent.TimeoutException("timed out"))));
    assertEquals("IllegalStateException: creating topics failed (cause TimeoutException: timed out)", s);
    assertNotNull(LearnLoopService.oneLine(new IllegalStateException("plain")));
    assertEquals("IllegalStateException: plain", LearnLoopService.oneLine(new IllegalStateException("plain")));
  }
}
