package io.rankstack.eval.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankstack.eval.RankstackEval;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command on the bundled Cranfield sample. The figures are pinned, as Anserini pins
 * its regressions: a change to analysis, BM25 or evaluation that moves them must say so here.
 */
class DemoCommandTest {
  @TempDir Path dataDir;

  @Test
  void runsTheBundledSampleEndToEnd() throws Exception {
    Path sample = Path.of("..", "samples", "cranfield");
    assertTrue(Files.isRegularFile(sample.resolve("corpus.jsonl")), "bundled sample present");
    String out = run(sample);
    assertTrue(out.contains("1. index: 1400 documents"), out);
    assertTrue(out.contains("num_q                 \tall\t225"), out);
    assertTrue(out.contains("map                   \tall\t0.2881"), out);
    assertTrue(out.contains("ndcg_cut_10           \tall\t0.3513"), out);
    assertTrue(out.contains("recall_100            \tall\t0.7218"), out);
    assertTrue(Files.isRegularFile(dataDir.resolve("runs/cranfield-bm25.txt")));
    // A second run reuses the index and gives the same numbers.
    String again = run(sample);
    assertTrue(again.contains("1. index: reusing"), again);
    assertTrue(again.contains("map                   \tall\t0.2881"), again);
  }

  @Test
  void missingSampleIsBadInput() {
    StringWriter err = new StringWriter();
    int code = RankstackEval.run(new String[] {"demo", "--sample", dataDir.resolve("nope").toString(), "--data-dir", dataDir.toString()},
        new PrintWriter(new StringWriter()), new PrintWriter(err, true));
    assertEquals(RankstackEval.EXIT_BAD_INPUT, code);
    assertTrue(err.toString().contains("sample file missing"), err.toString());
  }

  private String run(Path sample) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = RankstackEval.run(new String[] {"demo", "--sample", sample.toString(), "--data-dir", dataDir.toString()},
        new PrintWriter(out, true), new PrintWriter(err, true));
    assertEquals(0, code, err::toString);
    return out.toString();
  }
}
