package io.rankstack.eval.ltr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankstack.eval.RankstackEval;
import io.rankstack.ltr.LetorDataset;
import io.rankstack.ltr.LetorFormat;
import io.rankstack.ltr.LetorRow;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI end to end on a tiny collection: index → features → LETOR, and ltr train → evaluate. */
class LtrCommandsTest {
  @TempDir Path dir;

  private String run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int rc = RankstackEval.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    assertEquals(0, rc, () -> "exit " + rc + ": " + out + err);
    return out.toString();
  }

  @Test
  void featuresWritesLetorWithNamedFeatures() throws Exception {
    Path corpus = dir.resolve("corpus.jsonl");
    Files.writeString(corpus, """
        {"_id": "d1", "title": "red cat", "text": "cat bird dog"}
        {"_id": "d2", "title": "fish", "text": "cat cat fish bird"}
        {"_id": "d3", "title": "bird fish", "text": "fish bird bird dog fish bird"}
        """);
    Path queries = dir.resolve("queries.tsv");
    Files.writeString(queries, "q1\tcat bird\nq2\tfish\nq3\tunjudged query\n");
    Path qrels = dir.resolve("qrels.txt");
    Files.writeString(qrels, "q1 0 d2 2\nq1 0 d3 0\nq2 0 d3 1\n");
    Path index = dir.resolve("index");
    run("index", "--format", "beir", "--input", corpus.toString(), "--index", index.toString());
    Path letor = dir.resolve("out.letor");
    String out = run("features", "--index", index.toString(), "--queries", queries.toString(), "--qrels", qrels.toString(),
        "--top", "100", "--out", letor.toString());
    assertTrue(out.contains("2 queries, 5 rows, 60 features (contents,title,text)"), out);
    LetorDataset d = LetorFormat.readSvmlight(letor);
    assertEquals(List.of("q1", "q2"), d.queryIds());
    assertEquals(60, d.featureCount());
    LetorRow d2 = d.rows().stream().filter(r -> r.queryId().equals("q1") && r.docId().equals("d2")).findFirst().orElseThrow();
    assertEquals(2, d2.grade());
    assertTrue(Files.readString(letor).startsWith("# rankstack-features v1: 60 features"));
    List<String> names = LtrSupport.featureNames(letor);
    assertEquals(60, names.size());
    assertEquals("contents.bm25", names.get(9));
    Path bare = dir.resolve("bare.letor");
    run("features", "--index", index.toString(), "--queries", queries.toString(), "--qrels", qrels.toString(),
        "--out", bare.toString(), "--no-header");
    assertTrue(Files.readString(bare).matches("(?s)[0-9] qid:q1 .*"), Files.readString(bare));
    assertEquals(d.rows(), LetorFormat.readSvmlight(bare).rows());
  }

  @Test
  void trainThenEvaluateThroughTheCli() throws Exception {
    SplittableRandom rng = new SplittableRandom(5);
    List<LetorRow> rows = new ArrayList<>();
    for (int q = 0; q < 30; q++) {
      for (int i = 0; i < 8; i++) {
        float a = (float) rng.nextDouble();
        rows.add(new LetorRow("q" + q, a > 0.7 ? 2 : a > 0.4 ? 1 : 0, new float[] {a, (float) rng.nextDouble()}, "d" + i));
      }
    }
    Path train = dir.resolve("train.letor");
    LetorFormat.writeSvmlight(new LetorDataset("t", 2, rows), train);
    Path model = dir.resolve("model");
    String out = run("ltr", "train", "--train", train.toString(), "--model", model.toString(), "--rounds", "20",
        "--early-stopping", "5", "--seed", "3");
    assertTrue(out.contains("trained on 24 queries"), out);
    assertTrue(Files.exists(model.resolve("model.json")) && Files.exists(model.resolve("booster.ubj")));
    Path runFile = dir.resolve("lm.run");
    out = run("ltr", "evaluate", "--model", model.toString(), "--test", train.toString(), "--run", runFile.toString());
    // feature 1 determines the grade, so the learned ranking is (nearly) ideal on these queries
    String row = out.lines().filter(l -> l.startsWith("| LambdaMART")).findFirst().orElseThrow();
    double ndcg10 = Double.parseDouble(row.split("\\|")[5].strip());
    assertTrue(ndcg10 > 0.95, out);
    assertTrue(Files.readString(runFile).contains("lambdamart"));

    // --scores: one score per data row, in row order, consistent with the ranking
    Path scores = dir.resolve("lm.scores");
    run("ltr", "evaluate", "--model", model.toString(), "--test", train.toString(), "--scores", scores.toString());
    List<String> lines = Files.readAllLines(scores);
    long dataLines = Files.readAllLines(train).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).count();
    assertEquals(dataLines, lines.size());
    lines.forEach(l -> assertTrue(Double.isFinite(Double.parseDouble(l)), l));
  }
}
