package io.rankstack.eval.rerank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankstack.core.RankedList;
import io.rankstack.core.Run;
import io.rankstack.core.io.TrecFormats;
import io.rankstack.eval.RankstackEval;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rerank cranfield} end to end on the bundled Cranfield (2 folds, a 1-layer width-16 model, 1
 * epoch): every query is reranked exactly once by a model that did not train on it, and the pooled
 * runs are permutations of BM25's lists.
 */
class CranfieldRerankCommandTest {
  @TempDir Path work;

  @Test
  void twoFoldCvPoolsHeldOutRerankingsOfEveryQuery() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int rc = RankstackEval.run(new String[] {"rerank", "cranfield", "--data", "../samples", "--work", work.toString(),
        "--folds", "2", "--layers", "1", "--hidden", "16", "--heads", "2", "--max-length", "48", "--sft-epochs", "1",
        "--rl-epochs", "1", "--top", "20", "--docs-per-query", "8", "--configs", "graded-rl", "--ltr-features"},
        new PrintWriter(out, true), new PrintWriter(err, true));
    String text = out.toString();
    assertEquals(0, rc, () -> text + err);
    assertTrue(text.contains("Cranfield, 2-fold CV over 225 queries (held-out rankings pooled), reranking BM25 top 20:"), text);
    // one model per fold, each trained on the other fold only (225 = 113 + 112 queries)
    assertTrue(text.contains("-- graded-rl, fold 1/2: 112 train, 113 test queries")
        || text.contains("-- graded-rl, fold 1/2: 113 train, 112 test queries"), text);
    assertTrue(text.contains("-- graded-rl, fold 2/2"), text);
    // targets come from the grade table only: 0, 4, 6, 8, 10
    Matcher m = Pattern.compile("target histogram 0\\.\\.10 \\[(.*?)]").matcher(text);
    int lists = 0;
    while (m.find()) {
      String[] h = m.group(1).split(", ");
      for (int i : new int[] {1, 2, 3, 5, 7, 9}) {
        assertEquals("0", h[i], m.group());
      }
      assertTrue(Integer.parseInt(h[10]) > 0, m.group());
      lists++;
    }
    assertEquals(2, lists);
    assertTrue(text.contains("$ rankstack-eval compare"), text);
    assertTrue(text.contains("summary over 225 queries"), text);
    Run bm25 = TrecFormats.readRun(work.resolve("bm25.run"));
    for (String name : new String[] {"graded-rl.run", "graded-rl-hybrid.run"}) {
      Run r = TrecFormats.readRun(work.resolve(name));
      assertEquals(225, r.lists().size(), name);
      for (RankedList l : r.lists().values()) {
        assertEquals(new HashSet<>(bm25.of(l.queryId()).docIds()), new HashSet<>(l.docIds()), name + " " + l.queryId());
      }
    }
  }
}
