package io.rankstack.online.ctr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** {@link OnlineCtrLearnerMain} in a child JVM (this test classpath), to be SIGKILLed. */
final class ChildLearner {
  final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

  private ChildLearner(Process process, Path log) {
    this.process = process;
    Thread pump = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
          Writer w = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
              StandardOpenOption.APPEND)) {
        String line;
        while ((line = r.readLine()) != null) {
          lines.add(line);
          w.write(line);
          w.write('\n');
          w.flush();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, "child-log");
    pump.setDaemon(true);
    pump.start();
  }

  static ChildLearner start(Map<String, String> settings, Path log) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx256m");
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(OnlineCtrLearnerMain.class.getName());
    settings.forEach((k, v) -> cmd.add(k + "=" + v));
    return new ChildLearner(new ProcessBuilder(cmd).redirectErrorStream(true).start(), log);
  }

  /** The next line starting with {@code prefix}, or null after {@code timeoutMs}. */
  String awaitLine(String prefix, long timeoutMs) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (true) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        return null;
      }
      String l = lines.poll(Math.min(left, 200), TimeUnit.MILLISECONDS);
      if (l != null && l.startsWith(prefix)) {
        return l;
      }
      if (l == null && !process.isAlive()) {
        return null;
      }
    }
  }

  /** SIGKILL (Process.destroyForcibly sends SIGKILL on Linux) and wait for the process to go. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }
}
