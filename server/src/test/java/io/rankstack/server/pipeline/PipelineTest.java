package io.rankstack.server.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.rankstack.core.Candidate;
import io.rankstack.core.RankedList;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A stage that throws, returns nothing or overruns its budget is passed through and reported; the others run. */
class PipelineTest {
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private static final RankedList IN = new RankedList("q", List.of(new Candidate("a", 3), new Candidate("b", 2),
      new Candidate("c", 1)));

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  /** Reverses the list (a visible change). */
  private static Stage reverse(String name) {
    return stage(name, in -> {
      List<Candidate> c = new java.util.ArrayList<>(in.candidates());
      java.util.Collections.reverse(c);
      return new RankedList(in.queryId(), c);
    });
  }

  private static Stage stage(String name, java.util.function.Function<RankedList, RankedList> f) {
    return new Stage() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String version(RequestContext context) {
        return name + "-v1";
      }

      @Override
      public RankedList apply(RequestContext context, RankedList input) {
        return f.apply(input);
      }
    };
  }

  private Pipeline pipeline(Stage... stages) {
    return new Pipeline("test", List.of(stages), Duration.ofMillis(200), executor, new SimpleMeterRegistry());
  }

  @Test
  void stagesRunInOrder() {
    Pipeline.Result r = pipeline(reverse("r1"), stage("cut", in -> in.top(2))).run(null, IN, true);
    assertEquals(List.of("c", "b"), r.ranking().candidates().stream().map(Candidate::docId).toList());
    assertEquals(2, r.trace().size());
    assertEquals(new StageTrace("cut", r.trace().get(1).micros(), 3, 2, "cut-v1", false, null), r.trace().get(1));
    assertEquals(3.0, r.scores().get("r1").get("a"), 0);
  }

  @Test
  void aFailingStagePassesItsInputThrough() {
    Pipeline.Result r = pipeline(stage("boom", in -> {
      throw new IllegalStateException("model missing");
    }), reverse("after")).run(null, IN, false);
    assertEquals(List.of("c", "b", "a"), r.ranking().candidates().stream().map(Candidate::docId).toList());
    StageTrace t = r.trace().get(0);
    assertTrue(t.passedThrough());
    assertEquals("IllegalStateException: model missing", t.reason());
    assertEquals(3, t.outputSize());
    assertFalse(r.trace().get(1).passedThrough());
  }

  @Test
  void aStageThatReturnsNothingIsPassedThrough() {
    Pipeline.Result r = pipeline(stage("null", in -> null)).run(null, IN, false);
    assertEquals(IN, r.ranking());
    assertEquals("stage returned no list", r.trace().get(0).reason());
  }

  @Test
  void aSlowStageIsCutOffAtItsBudget() {
    Pipeline.Result r = pipeline(stage("slow", in -> {
      try {
        Thread.sleep(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return in.top(1);
    })).run(null, IN, false);
    assertEquals(IN, r.ranking());
    StageTrace t = r.trace().get(0);
    assertTrue(t.passedThrough());
    assertEquals("over its budget of 200 ms", t.reason());
    assertTrue(t.micros() >= 200_000 && t.micros() < 4_000_000, "waited about the budget: " + t.micros());
  }

  @Test
  void aStageThatChoosesToPassThroughIsReportedByItsReasonAndCounted() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    Pipeline p = new Pipeline("t", List.of(stage("idle", in -> {
      throw new StagePassThrough("no model yet");
    }), reverse("after")), Duration.ofMillis(200), executor, meters);
    p.run(null, IN, false);
    Pipeline.Result r = p.run(null, IN, false);
    assertEquals("no model yet", r.trace().get(0).reason(), "the reason without an exception class");
    assertEquals(2.0, meters.get("rankstack.stage.passed.through").tag("stage", "idle").counter().count());
    assertEquals(0.0, meters.get("rankstack.stage.passed.through").tag("stage", "after").counter().count());
  }

  @Test
  void aStageWithItsOwnBudgetIsCutOffAtThatBudget() {
    Stage slow = new Stage() {
      @Override
      public String name() {
        return "own";
      }

      @Override
      public String version(RequestContext context) {
        return "";
      }

      @Override
      public java.util.Optional<Duration> budget() {
        return java.util.Optional.of(Duration.ofMillis(50));
      }

      @Override
      public RankedList apply(RequestContext context, RankedList input) throws InterruptedException {
        Thread.sleep(5_000);
        return input;
      }
    };
    Pipeline.Result r = new Pipeline("t", List.of(slow), Duration.ofSeconds(30), executor, new SimpleMeterRegistry())
        .run(null, IN, false);
    assertEquals("over its budget of 50 ms", r.trace().get(0).reason());
  }
}
