package io.rankstack.ltr.lambdamart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankstack.core.Candidate;
import io.rankstack.core.RankedList;
import io.rankstack.ltr.LetorDataset;
import io.rankstack.ltr.LetorRow;
import io.rankstack.ltr.SyntheticLetor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LambdaMartTest {
  static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-11-29T10:00:00Z"));
  static LetorDataset train;
  static LetorDataset valid;
  static final LambdaMartConfig CONFIG = LambdaMartConfig.defaults().withRounds(60, 10)
      .withTrees(0.3, 3, 1, 0.8, 0.8).withSeed(7);

  @TempDir Path dir;

  @BeforeAll
  static void data() {
    train = SyntheticLetor.make("train", 40, 10, 1);
    valid = SyntheticLetor.make("valid", 10, 10, 2);
  }

  @Test
  void sameSeedSameModelDifferentSeedDifferentModel() {
    LetorDataset test = SyntheticLetor.make("test", 5, 10, 3);
    float[] x = test.denseMatrix();
    try (LambdaMartModel a = new LambdaMartTrainer(CONFIG, CLOCK).train(train, valid, null);
         LambdaMartModel b = new LambdaMartTrainer(CONFIG, CLOCK).train(train, valid, null);
         LambdaMartModel c = new LambdaMartTrainer(CONFIG.withSeed(8), CLOCK).train(train, valid, null)) {
      assertArrayEquals(a.score(x, test.size()), b.score(x, test.size()));
      assertEquals(a.info(), b.info());
      // subsample/colsample 0.8 draw with the seed: another seed gives other trees.
      assertNotEquals(java.util.Arrays.toString(a.score(x, test.size())), java.util.Arrays.toString(c.score(x, test.size())));
    }
  }

  @Test
  void earlyStoppingKeepsTheBestRoundAndRecordsProvenance() {
    try (LambdaMartModel m = new LambdaMartTrainer(CONFIG, CLOCK).train(train, valid, List.of("a", "b", "noise"))) {
      ModelInfo info = m.info();
      assertEquals(LambdaMartModel.KIND, info.kind());
      assertEquals(List.of("a", "b", "noise"), info.features());
      assertEquals("train", info.trainingData());
      assertEquals("valid", info.validationData());
      assertEquals(7, info.config().seed());
      assertEquals(Instant.parse("2026-11-29T10:00:00Z"), info.created());
      assertTrue(info.trees() >= 1 && info.trees() <= 60, "trees " + info.trees());
      assertTrue(info.metrics().get("rounds_run") >= info.trees());
      assertTrue(info.metrics().get("validation_ndcg@10") > 0.7, info.metrics().toString());
    }
  }

  @Test
  void saveLoadGivesTheSamePredictionsAndMetadata() throws Exception {
    LetorDataset test = SyntheticLetor.make("test", 5, 10, 3);
    float[] x = test.denseMatrix();
    try (LambdaMartModel m = new LambdaMartTrainer(CONFIG, CLOCK).train(train, valid, null)) {
      LambdaMartCodec.save(m, dir.resolve("model"));
      assertTrue(Files.size(dir.resolve("model").resolve(LambdaMartCodec.BOOSTER_FILE)) > 0);
      assertTrue(Files.readString(dir.resolve("model").resolve(LambdaMartCodec.METADATA_FILE)).contains("\"trainingData\" : \"train\""));
      try (LambdaMartModel back = LambdaMartCodec.load(dir.resolve("model"))) {
        assertArrayEquals(m.score(x, test.size()), back.score(x, test.size()));
        assertEquals(m.info(), back.info());
      }
    }
    assertThrows(IllegalArgumentException.class, () -> LambdaMartCodec.load(dir.resolve("nothing")));
    // metadata that disagrees with the booster, or is not ours, is rejected with the file named
    Path meta = dir.resolve("model").resolve(LambdaMartCodec.METADATA_FILE);
    String json = Files.readString(meta);
    Files.writeString(meta, json.replace("\"f3\"", "\"f3\", \"f4\""));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LambdaMartCodec.load(dir.resolve("model")));
    assertTrue(e.getMessage().contains("expects 3 features") && e.getMessage().contains("lists 4"), e.getMessage());
    Files.writeString(meta, json.replace("\"formatVersion\" : 1", "\"formatVersion\" : 9"));
    e = assertThrows(IllegalArgumentException.class, () -> LambdaMartCodec.load(dir.resolve("model")));
    assertTrue(e.getMessage().contains("formatVersion 9"), e.getMessage());
  }

  @Test
  void rerankOrdersARankedListByModelScore() {
    try (LambdaMartModel m = new LambdaMartTrainer(CONFIG, CLOCK).train(train, valid, null)) {
      List<Candidate> cands = new ArrayList<>();
      // best document last in the input: high a, b above 0.5
      cands.add(new Candidate("low", 9, new float[] {0.05f, 0.1f, 0.5f}));
      cands.add(new Candidate("mid", 8, new float[] {0.6f, 0.2f, 0.5f}));
      cands.add(new Candidate("high", 7, new float[] {0.95f, 0.9f, 0.5f}));
      RankedList out = m.rerank(new RankedList("q", cands));
      assertEquals(List.of("high", "mid", "low"), out.docIds());
      assertArrayEquals(new float[] {0.95f, 0.9f, 0.5f}, out.atRank(1).features());
      assertThrows(IllegalArgumentException.class,
          () -> m.rerank(new RankedList("q", List.of(new Candidate("x", 1, new float[] {1f})))));
    }
  }

  @Test
  void configIsValidated() {
    assertThrows(IllegalArgumentException.class, () -> LambdaMartConfig.defaults().withRounds(0, 0));
    assertThrows(IllegalArgumentException.class, () -> LambdaMartConfig.defaults().withTrees(0, 6, 1, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> LambdaMartConfig.defaults().withTrees(0.1, 6, 1, 1.5, 1));
    LetorDataset one = new LetorDataset("one", 3, List.of(new LetorRow("q", 1, new float[3], "")));
    assertThrows(IllegalArgumentException.class, () -> new LambdaMartTrainer(CONFIG, CLOCK).train(one, null, null));
  }
}
