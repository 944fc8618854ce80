package io.rankstack.online.ctr;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs an {@link OnlineCtrLearner} as a process: {@code key=value} arguments, printing
 * {@code RUNNING} once it is positioned and {@code CHECKPOINT <version> <trained> <offsets>} after each
 * checkpoint. With {@code until=caught-up} it trains what the topic holds, checkpoints and exits;
 * otherwise it runs until killed (crash tests SIGKILL it).
 *
 * <p>Keys: {@code bootstrap.servers}, {@code topic}, {@code state.dir} (required); {@code batch.size} (256),
 * {@code checkpoint.batches} (20), {@code checkpoint.ms} (5000), {@code idle.flush.ms} (0), {@code dense} (0),
 * {@code clusters} (4), {@code seed} (1), {@code buckets} (32768), {@code embedding} (8), {@code hidden} (32,16),
 * {@code lr} (0.003), {@code until} (forever).
 */
public final class OnlineCtrLearnerMain {
  private OnlineCtrLearnerMain() {}

  public static void main(String[] args) {
    Map<String, String> a = new HashMap<>();
    for (String s : args) {
      int eq = s.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("expected key=value, got " + s);
      }
      a.put(s.substring(0, eq), s.substring(eq + 1));
    }
    OnlineCtrSettings settings = new OnlineCtrSettings(required(a, "bootstrap.servers"), required(a, "topic"),
        Path.of(required(a, "state.dir")), Integer.parseInt(a.getOrDefault("batch.size", "256")),
        Integer.parseInt(a.getOrDefault("checkpoint.batches", "20")),
        Duration.ofMillis(Long.parseLong(a.getOrDefault("checkpoint.ms", "5000"))),
        Duration.ofMillis(Long.parseLong(a.getOrDefault("idle.flush.ms", "0"))),
        Integer.parseInt(a.getOrDefault("shuffle.window", "0")), Long.parseLong(a.getOrDefault("shuffle.seed", "0")));
    int dense = Integer.parseInt(a.getOrDefault("dense", "0"));
    String[] hs = a.getOrDefault("hidden", "32,16").split(",");
    int[] hidden = new int[hs.length];
    for (int i = 0; i < hs.length; i++) {
      hidden[i] = Integer.parseInt(hs[i].trim());
    }
    CtrConfig config = new CtrConfig(TrainingExampleFeatures.CATEGORICAL_FIELDS, dense,
        Integer.parseInt(a.getOrDefault("buckets", "32768")), Integer.parseInt(a.getOrDefault("embedding", "8")),
        Integer.parseInt(a.getOrDefault("clusters", "4")), CtrConfig.DEFAULT_BETA, CtrConfig.DEFAULT_ITERATIONS, hidden,
        Double.parseDouble(a.getOrDefault("lr", "0.003")), Long.parseLong(a.getOrDefault("seed", "1")), true,
        RoutingMode.LEARNED, RouterUpdate.parse(a.getOrDefault("router.update", "default")));
    try (OnlineCtrLearner learner = new OnlineCtrLearner(settings, config, new TrainingExampleFeatures(dense),
        new CtrModelHolder(), Clock.systemUTC())) {
      learner.onCheckpoint(v -> System.out.println("CHECKPOINT " + v.version() + " " + v.trained() + " " + v.offsets()));
      System.out.println("RUNNING");
      if ("caught-up".equals(a.get("until"))) {
        learner.runUntilCaughtUp(Duration.ofMinutes(10));
      } else {
        learner.run(() -> false);
      }
    }
  }

  private static String required(Map<String, String> a, String key) {
    String v = a.get(key);
    if (v == null) {
      throw new IllegalArgumentException("missing " + key + "=...");
    }
    return v;
  }
}
