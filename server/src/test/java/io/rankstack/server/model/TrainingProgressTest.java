package io.rankstack.server.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The claim and the progress report every training keeps. */
class TrainingProgressTest {
  @Test
  void oneTrainingAtATimeWithItsPhasesReported() {
    TrainingProgress p = new TrainingProgress("reranker training", "reranker training");
    assertEquals(new TrainingStatus("idle", 0, "", null, null), p.status());
    assertEquals("call queue() first", assertThrows(IllegalStateException.class, p::requireQueued).getMessage());
    p.queue();
    assertTrue(p.running());
    assertEquals("queued", p.status().phase());
    assertEquals("a reranker training is running already: waiting for the training thread",
        assertThrows(IllegalStateException.class, p::queue).getMessage());
    p.requireQueued();
    List<String> lines = new ArrayList<>();
    p.step("training", 35, "1 epoch", lines::add);
    assertEquals(List.of("reranker training 35%: 1 epoch"), lines);
    assertEquals(new TrainingStatus("training", 35, "1 epoch", null, null), p.status());
    TrainingStatus saved = p.saved("version v1: 10 parameters", "v1", Map.of("ndcg@10", 0.5));
    assertEquals(saved, p.status());
    assertEquals("v1", saved.version());
    p.release();
    assertFalse(p.running());
    p.queue(); // free again
    p.failed(new IllegalArgumentException("no judged query"));
    assertEquals(new TrainingStatus("failed", 100, "IllegalArgumentException: no judged query", null, null), p.status());
  }
}
