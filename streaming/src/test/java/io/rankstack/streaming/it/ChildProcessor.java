package io.rankstack.streaming.it;

import io.rankstack.streaming.LearnLoopMain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The learn loop in a child JVM ({@link LearnLoopMain} on this test classpath), to be SIGKILLed. */
final class ChildProcessor {
  final Process process;
  private final CountDownLatch running = new CountDownLatch(1);

  private ChildProcessor(Process process, Path log) {
    this.process = process;
    Thread pump = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
          Writer w = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
              StandardOpenOption.APPEND)) {
        String line;
        while ((line = r.readLine()) != null) {
          if (line.equals("RUNNING")) {
            running.countDown();
          }
          w.write(line);
          w.write('\n');
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, "child-log");
    pump.setDaemon(true);
    pump.start();
  }

  static ChildProcessor start(Map<String, String> settings, Path log) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx384m");
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=" + System.getProperty("rankstack.child.log-level", "warn"));
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(LearnLoopMain.class.getName());
    settings.forEach((k, v) -> cmd.add(k + "=" + v));
    return new ChildProcessor(new ProcessBuilder(cmd).redirectErrorStream(true).start(), log);
  }

  /** Waits until the child printed RUNNING (processing started); false on timeout. */
  boolean awaitRunning(Duration timeout) throws InterruptedException {
    return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** SIGKILL (Process.destroyForcibly sends SIGKILL on Linux) and wait for the process to go. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** SIGTERM: a clean shutdown. */
  void stop() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }
}
