package io.rankstack.eval.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rankstack.core.Judgments;
import io.rankstack.core.Run;
import io.rankstack.core.io.TrecFormats;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The compare engine gives trec_eval's own per-query numbers (fixture out.test.aqc, made with -c). */
class TrecEvalScoresTest {
  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(TrecEvalScoresTest.class.getResource("/trec_eval/" + name).toURI());
  }

  @Test
  void perQueryMapEqualsTrecEvalWithC() throws Exception {
    Judgments qrels = TrecFormats.readQrels(fixture("qrels.test"));
    Run run = TrecFormats.readRun(fixture("results.trunc"));
    Map<String, Double> map = new TrecEvalScores().scores(qrels, run, "map");
    // out.test.aqc: map 301 0.0324, 302 0.0000 (absent from results.trunc), 303 0.2723
    assertEquals(0.0324, map.get("301"), 0.00005);
    assertEquals(0.0, map.get("302"), 0.0);
    assertEquals(0.2723, map.get("303"), 0.00005);
    assertEquals(3, map.size());
  }

  @Test
  void rejectsSuitesAndMultiValueMeasures() {
    TrecEvalScores engine = new TrecEvalScores();
    assertThrows(IllegalArgumentException.class, () -> engine.checkMeasure("all_trec"));
    assertThrows(IllegalArgumentException.class, () -> engine.checkMeasure("no_such_measure"));
  }
}
