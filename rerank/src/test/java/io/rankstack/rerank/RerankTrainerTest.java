package io.rankstack.rerank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DJL tests on {@link TinyData} (CPU, seconds). */
class RerankTrainerTest {
  private final List<RerankQuery> train = TinyData.queries(12, 1, 0);
  private final List<RerankQuery> valid = TinyData.queries(4, 2, 0);
  private final Tokenizer tok = TinyData.tokenizer(train);

  @Test
  void sameSeedGivesIdenticalParametersAndProgressLines() {
    List<RerankTrainer.Progress> lines = new ArrayList<>();
    Map<String, float[]> a;
    Map<String, float[]> b;
    ArchitectureConfig arch = TinyData.arch(tok, ScoreHead.GRADED, 0);
    try (RerankModel m = new RerankTrainer(TinyData.config(7, 2, 1)).train(arch, tok, train, valid, null, lines::add)) {
      a = m.parameterValues();
    }
    try (RerankModel m = new RerankTrainer(TinyData.config(7, 2, 1)).train(arch, tok, train, valid, null, null)) {
      b = m.parameterValues();
    }
    assertEquals(a.keySet(), b.keySet());
    a.forEach((k, v) -> assertArrayEquals(v, b.get(k), k));
    assertEquals(List.of("sft 1", "sft 2", "rl 1"), lines.stream().map(p -> p.stage() + " " + p.epoch()).toList());
    for (RerankTrainer.Progress p : lines) {
      assertTrue(Double.isFinite(p.loss()), p.toString());
      assertTrue(p.validationNdcg10() >= 0 && p.validationNdcg10() <= 1, p.toString());
    }
  }

  @Test
  void sftLearnsTheTinyTask() {
    List<RerankTrainer.Progress> lines = new ArrayList<>();
    ArchitectureConfig arch = TinyData.arch(tok, ScoreHead.GRADED, 0);
    try (RerankModel m = new RerankTrainer(TinyData.config(3, 8, 0)).train(arch, tok, train, valid, null, lines::add)) {
      double first = lines.get(0).loss();
      double last = lines.get(lines.size() - 1).loss();
      assertTrue(last < first * 0.5, "loss " + first + " → " + last);
      // random order scores about 0.6 here (2 relevant of 6); the last three epochs must be well above
      double late = lines.subList(5, 8).stream().mapToDouble(RerankTrainer.Progress::validationNdcg10).average().orElseThrow();
      assertTrue(late > 0.85, lines.toString());
      assertEquals(12, m.training().get("queries"));
    }
  }

  @Test
  void binaryHeadTrainsAndRefusesGrpo() {
    ArchitectureConfig arch = TinyData.arch(tok, ScoreHead.BINARY, 0);
    try (RerankModel m = new RerankTrainer(TinyData.config(3, 1, 0)).train(arch, tok, train, valid, null, null)) {
      float[][] p = m.probabilities(List.of(m.encode("alpha beta", "alpha beta alpha")), null, 4);
      assertEquals(2, p[0].length);
      assertEquals(1.0, p[0][0] + p[0][1], 1e-5);
    }
    assertThrows(IllegalArgumentException.class,
        () -> new RerankTrainer(TinyData.config(3, 1, 1)).train(arch, tok, train, valid, null, null));
  }

  @Test
  void resumesAfterTheLastCompletedEpoch(@TempDir Path dir) throws Exception {
    ArchitectureConfig arch = TinyData.arch(tok, ScoreHead.GRADED, 0);
    RuntimeException crash = new RuntimeException("simulated crash");
    // the run dies right after SFT epoch 1 was checkpointed
    RuntimeException thrown = assertThrows(RuntimeException.class, () -> new RerankTrainer(TinyData.config(5, 2, 1))
        .train(arch, tok, train, valid, dir, p -> {
          if (p.stage().equals("sft") && p.epoch() == 1) {
            throw crash;
          }
        }));
    assertEquals(crash, thrown);
    assertTrue(Files.readString(dir.resolve("checkpoint.json")).contains("\"epoch\": 1"));
    List<String> lines = new ArrayList<>();
    Map<String, float[]> finished;
    try (RerankModel m = new RerankTrainer(TinyData.config(5, 2, 1)).train(arch, tok, train, valid, dir,
        p -> lines.add(p.stage() + " " + p.epoch()))) {
      finished = m.parameterValues();
    }
    assertEquals(List.of("sft 2", "rl 1"), lines);
    assertTrue(Files.readString(dir.resolve("checkpoint.json")).contains("\"stage\": \"rl\""));
    // a completed run resumes to nothing: the checkpoint's parameters come back unchanged
    List<String> none = new ArrayList<>();
    try (RerankModel m = new RerankTrainer(TinyData.config(5, 2, 1)).train(arch, tok, train, valid, dir,
        p -> none.add(p.toString()))) {
      assertTrue(none.isEmpty(), none.toString());
      m.parameterValues().forEach((k, v) -> assertArrayEquals(finished.get(k), v, k));
      m.save(dir.resolve("model")); // a model resumed from a checkpoint can be saved
    }
    try (RerankModel back = RerankModel.load(dir.resolve("model"), arch, ai.djl.Device.cpu())) {
      back.parameterValues().forEach((k, v) -> assertArrayEquals(finished.get(k), v, k));
      back.save(dir.resolve("again")); // and so can a loaded one
    }
    // a checkpoint of another architecture is refused with the file and field named
    ArchitectureConfig other = new ArchitectureConfig(ScoreHead.GRADED, 2, 32, 2, 16, 4, 0, tok.idCount());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new RerankTrainer(TinyData.config(5, 2, 1)).train(other, tok, train, valid, dir, null));
    assertTrue(e.getMessage().contains("checkpoint.json: field 'architecture'"), e.getMessage());
  }

  @Test
  void anSftOnlyRunOnAFolderThatWentOnToRlReturnsTheSftModel(@TempDir Path dir) {
    ArchitectureConfig arch = TinyData.arch(tok, ScoreHead.GRADED, 0);
    Map<String, float[]> sft;
    try (RerankModel m = new RerankTrainer(TinyData.config(5, 1, 0)).train(arch, tok, train, null, dir, null)) {
      sft = m.parameterValues();
    }
    List<String> lines = new ArrayList<>();
    Map<String, float[]> rl;
    try (RerankModel m = new RerankTrainer(TinyData.config(5, 1, 1)).train(arch, tok, train, null, dir, p -> lines.add(p.stage()))) {
      rl = m.parameterValues();
    }
    assertEquals(List.of("rl"), lines, "continues with stage 2 only");
    assertTrue(sft.keySet().stream().anyMatch(k -> !java.util.Arrays.equals(sft.get(k), rl.get(k))), "GRPO changed parameters");
    try (RerankModel m = new RerankTrainer(TinyData.config(5, 1, 0)).train(arch, tok, train, null, dir, null)) {
      m.parameterValues().forEach((k, v) -> assertArrayEquals(sft.get(k), v, k));
    }
  }

  @Test
  void firstStageFeaturesEnterTheHead() {
    List<RerankQuery> withF = TinyData.queries(6, 1, 3);
    ArchitectureConfig arch = TinyData.arch(tok, ScoreHead.GRADED, 3);
    try (RerankModel m = new RerankTrainer(TinyData.config(3, 1, 0)).train(arch, tok, withF, null, null, null)) {
      EncodedPair p = m.encode("alpha beta", "alpha beta");
      float[][] a = m.probabilities(List.of(p), new float[][] {{0, 0, 0}}, 4);
      float[][] b = m.probabilities(List.of(p), new float[][] {{5, -5, 5}}, 4);
      assertFalse(java.util.Arrays.equals(a[0], b[0]), "features change the output");
      assertThrows(IllegalArgumentException.class, () -> m.probabilities(List.of(p), new float[][] {{1}}, 4));
    }
  }

  @Test
  void featureNamesAreSavedWithTheModelAndCheckedAtLoad(@TempDir Path dir) {
    List<RerankQuery> withF = TinyData.queries(6, 1, 3);
    ArchitectureConfig arch = TinyData.arch(tok, ScoreHead.GRADED, 3);
    List<String> names = List.of("bm25_contents", "tf_title", "rank");
    try (RerankModel m = new RerankTrainer(TinyData.config(3, 1, 0)).train(arch, tok, withF, null, null, null)) {
      assertThrows(IllegalArgumentException.class, () -> m.withFeatureNames(List.of("only_one")));
      m.withFeatureNames(names).save(dir);
      EncodedPair p = m.encode("alpha beta", "alpha beta");
      float[][] f = {{1.5f, -0.5f, 2f}};
      try (RerankModel back = RerankModel.load(dir, arch, names, ai.djl.Device.cpu())) {
        assertEquals(names, back.featureNames());
        assertArrayEquals(m.probabilities(List.of(p), f, 4)[0], back.probabilities(List.of(p), f, 4)[0], 0f);
      }
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> RerankModel.load(dir, arch, List.of("bm25_contents", "rank", "tf_title"), ai.djl.Device.cpu()));
      assertTrue(e.getMessage().contains("model.json: field 'featureNames'"), e.getMessage());
      try (RerankModel unchecked = RerankModel.load(dir)) {
        assertEquals(names, unchecked.featureNames());
      }
    }
  }
}
