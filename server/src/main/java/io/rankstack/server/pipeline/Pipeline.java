package io.rankstack.server.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.rankstack.core.Candidate;
import io.rankstack.core.RankedList;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs stages in order, each under a time budget. A stage that throws, returns nothing, or runs
 * over its budget is skipped: its input goes on to the next stage, and the trace says so. So a
 * search never fails because a later stage did (DESIGN.md).
 *
 * <p>Stages run on {@code executor} so that the caller can stop waiting at the budget; a stage that
 * overran is interrupted and its late result ignored.
 */
public final class Pipeline {
  private final String name;
  private final List<Stage> stages;
  private final Duration budget;
  private final ExecutorService executor;
  private final Map<String, Timer> timers = new LinkedHashMap<>();
  private final Map<String, Counter> passedThrough = new LinkedHashMap<>();

  /**
   * @param name     the ranker this pipeline implements ({@code bm25}, {@code ltr}, {@code full})
   * @param stages   stages in order
   * @param budget   each stage's time budget
   * @param executor where stages run
   * @param registry where per-stage latency histograms go ({@code rankstack.stage.latency})
   */
  public Pipeline(String name, List<Stage> stages, Duration budget, ExecutorService executor, MeterRegistry registry) {
    this.name = Objects.requireNonNull(name, "name");
    this.stages = List.copyOf(stages);
    this.budget = Objects.requireNonNull(budget, "budget");
    this.executor = Objects.requireNonNull(executor, "executor");
    for (Stage s : this.stages) {
      timers.put(s.name(), Timer.builder("rankstack.stage.latency").description("time of one ranking stage")
          .tag("stage", s.name()).publishPercentileHistogram().register(registry));
      passedThrough.put(s.name(), Counter.builder("rankstack.stage.passed.through")
          .description("requests on which a stage passed its input through (fault, budget, no model)")
          .tag("stage", s.name()).register(registry));
    }
  }

  public String name() {
    return name;
  }

  public List<Stage> stages() {
    return stages;
  }

  /** The list after every stage, with the trace and (when {@code explain}) each stage's scores. */
  public Result run(RequestContext context, RankedList input, boolean explain) {
    RankedList current = input;
    List<StageTrace> trace = new ArrayList<>();
    Map<String, Map<String, Double>> scores = new LinkedHashMap<>();
    for (Stage stage : stages) {
      RankedList in = current;
      long start = System.nanoTime();
      String reason = null;
      RankedList out = null;
      Duration limit = stage.budget().orElse(budget);
      Future<RankedList> f = executor.submit(() -> stage.apply(context, in));
      try {
        out = f.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        if (out == null) {
          reason = "stage returned no list";
        }
      } catch (TimeoutException e) {
        f.cancel(true);
        reason = "over its budget of " + limit.toMillis() + " ms";
      } catch (ExecutionException e) {
        Throwable c = e.getCause() == null ? e : e.getCause();
        reason = c instanceof StagePassThrough ? c.getMessage() : c.getClass().getSimpleName() + ": " + c.getMessage();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        f.cancel(true);
        reason = "interrupted";
      }
      long nanos = System.nanoTime() - start;
      timers.get(stage.name()).record(nanos, TimeUnit.NANOSECONDS);
      String version = safeVersion(stage, context);
      boolean passed = reason != null;
      if (passed) {
        passedThrough.get(stage.name()).increment();
      }
      current = passed ? in : out;
      trace.add(new StageTrace(stage.name(), nanos / 1000, in.size(), current.size(), version, passed, reason));
      if (explain) {
        Map<String, Double> s = new LinkedHashMap<>();
        for (Candidate c : current.candidates()) {
          s.put(c.docId(), c.score());
        }
        scores.put(stage.name(), s);
      }
    }
    return new Result(current, trace, scores);
  }

  private static String safeVersion(Stage stage, RequestContext context) {
    try {
      String v = stage.version(context);
      return v == null ? "" : v;
    } catch (RuntimeException e) {
      return "";
    }
  }

  /**
   * @param ranking the final list
   * @param trace   one entry per stage
   * @param scores  per stage, each candidate's score after it (only with explain)
   */
  public record Result(RankedList ranking, List<StageTrace> trace, Map<String, Map<String, Double>> scores) {}
}
