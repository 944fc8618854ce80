package io.rankstack.streaming.it;

import io.rankstack.streaming.LearnLoopMain;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The learn loop in a child JVM ({@link LearnLoopMain} on this test classpath), to be SIGKILLed. */
final class ChildProcessor {
  private ChildProcessor() {}

  static Process start(Map<String, String> settings, Path log) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx384m");
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=" + System.getProperty("rankstack.child.log-level", "warn"));
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(LearnLoopMain.class.getName());
    settings.forEach((k, v) -> cmd.add(k + "=" + v));
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
  }

  /** SIGKILL (Process.destroyForcibly sends SIGKILL on Linux) and wait for the process to go. */
  static void kill(Process p) throws InterruptedException {
    p.destroyForcibly();
    p.waitFor();
  }
}
