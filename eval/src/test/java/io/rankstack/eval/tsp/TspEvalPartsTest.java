package io.rankstack.eval.tsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankstack.core.io.InputFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TspEvalPartsTest {
  @TempDir
  Path dir;

  @Test
  void readsLightGbmRankingFiles() throws IOException {
    Files.writeString(dir.resolve("d"), "2 1:0.5 3:1\n0 2:0.25\n1 1:1 # comment\n");
    Files.writeString(dir.resolve("d.query"), "2\n1\n");
    List<LetorQueries.Query> qs = LetorQueries.read(dir.resolve("d"), 3);
    assertEquals(2, qs.size());
    assertArrayEquals(new int[] {2, 0}, qs.get(0).grades());
    assertArrayEquals(new float[] {0.5f, 0f, 1f}, qs.get(0).features()[0]);
    assertArrayEquals(new float[] {0f, 0.25f, 0f}, qs.get(0).features()[1]);
    assertArrayEquals(new String[] {"L3"}, qs.get(1).docIds());
  }

  @Test
  void namesFileAndLineOnBadInput() throws IOException {
    Files.writeString(dir.resolve("d"), "2 1:0.5\nx 2:0.25\n");
    Files.writeString(dir.resolve("d.query"), "2\n");
    InputFormatException e = assertThrows(InputFormatException.class, () -> LetorQueries.read(dir.resolve("d"), 3));
    assertTrue(e.getMessage().contains(":2"), e.getMessage());
    Files.writeString(dir.resolve("d"), "2 4:0.5\n1 1:1\n");
    assertThrows(InputFormatException.class, () -> LetorQueries.read(dir.resolve("d"), 3));
    Files.writeString(dir.resolve("d"), "2 1:0.5\n");
    assertThrows(InputFormatException.class, () -> LetorQueries.read(dir.resolve("d"), 3));
  }

  @Test
  void ndcgVariantsByHand() {
    // Ranking a(0) b(2) c(1); judged {a:0, b:2, c:1}.
    // Linear: DCG@3 = 0 + 2/log2(3) + 1/2 = 1.761860; ideal = 2 + 1/log2(3) = 2.630930; ratio 0.669667.
    // Exponential: DCG@3 = 0 + 3/log2(3) + 1/2 = 2.392789; ideal = 3 + 1/log2(3) = 3.630930; ratio 0.659003.
    // @1: both 0 (a has grade 0).
    List<String> r = List.of("a", "b", "c");
    Map<String, Integer> g = Map.of("a", 0, "b", 2, "c", 1);
    double l3 = 1 / Math.log(3) * Math.log(2);
    assertEquals((2 * l3 + 0.5) / (2 + l3), GradedNdcg.LINEAR.at(r, g, 3), 1e-12);
    assertEquals((3 * l3 + 0.5) / (3 + l3), GradedNdcg.EXPONENTIAL.at(r, g, 3), 1e-12);
    assertEquals(0.0, GradedNdcg.EXPONENTIAL.at(r, g, 1), 0.0);
    assertEquals(0.0, GradedNdcg.EXPONENTIAL.at(r, Map.of("a", 0), 3), 0.0);
  }

  @Test
  void choleskySolvesByHand() {
    // [[4,2],[2,3]] x = [2,1]: det 8, x = [(2*3-2*1)/8, (4*1-2*2)/8] = [0.5, 0].
    assertArrayEquals(new double[] {0.5, 0}, FirstStage.cholSolve(new double[][] {{4, 2}, {2, 3}}, new double[] {2, 1}), 1e-12);
  }

  @Test
  void firstStageOrderBreaksTiesByInputOrder() {
    assertArrayEquals(new int[] {1, 0, 2}, TspRankExperiment.firstStageOrder(new double[] {1, 2, 1}));
  }

  @Test
  void benchmarkReferenceIsExactAndHeuristicIsNot() {
    List<DecoderBenchmark.Result> rs = DecoderBenchmark.run(DecoderBenchmark.Kind.BILINEAR, 7, 5, 0, 1,
        new io.rankstack.ltr.tsp.CpSatPathDecoder());
    assertEquals(List.of("held-karp", "cp-sat", "heuristic"), rs.stream().map(DecoderBenchmark.Result::decoder).toList());
    assertEquals(5, rs.get(0).exactLabelled());
    assertEquals(5, rs.get(1).optimal()); // CP-SAT agrees with Held–Karp
    assertEquals(0, rs.get(2).exactLabelled());
  }
}
