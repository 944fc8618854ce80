package io.rankstack.eval.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankstack.core.Run;
import io.rankstack.core.io.TrecFormats;
import io.rankstack.eval.RankstackEval;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The user's path through the CLI: index a BEIR folder, search it, evaluate, benchmark; bad input exits 2. */
class RetrievalCommandsTest {
  @TempDir Path dir;
  Path beir;

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = RankstackEval.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  @BeforeEach
  void corpus() throws Exception {
    beir = dir.resolve("tiny");
    Files.createDirectories(beir.resolve("qrels"));
    Files.writeString(beir.resolve("corpus.jsonl"), String.join("\n",
        "{\"_id\":\"d1\",\"title\":\"jazz guitar\",\"text\":\"a history of jazz guitar players\",\"year\":1990}",
        "{\"_id\":\"d2\",\"title\":\"rock drums\",\"text\":\"drum kits for rock music\",\"year\":2005}",
        "{\"_id\":\"d3\",\"title\":\"jazz piano\",\"text\":\"piano trios and jazz standards\",\"year\":2010}",
        "{\"_id\":\"d4\",\"title\":\"cooking\",\"text\":\"bread and pasta recipes\",\"year\":2020}") + "\n");
    Files.writeString(beir.resolve("queries.jsonl"),
        "{\"_id\":\"q1\",\"text\":\"jazz guitar\"}\n{\"_id\":\"q2\",\"text\":\"rock music\"}\n{\"_id\":\"q3\",\"text\":\"unjudged query\"}\n");
    Files.writeString(beir.resolve("qrels").resolve("test.tsv"), "query-id\tcorpus-id\tscore\nq1\td1\t2\nq1\td3\t1\nq2\td2\t1\n");
  }

  @Test
  void indexSearchEvaluate() throws Exception {
    Path index = dir.resolve("index");
    Result idx = run("index", "--format", "beir", "--input", beir.toString(), "--index", index.toString());
    assertEquals(0, idx.code, idx.err);
    assertTrue(idx.out.contains("indexed 4 documents"), idx.out);

    Path runFile = dir.resolve("out").resolve("bm25.run");
    Result s = run("search", "--index", index.toString(), "--queries", beir.resolve("queries.jsonl").toString(),
        "--judged-by", beir.resolve("qrels/test.tsv").toString(), "--run", runFile.toString(), "--k", "10");
    assertEquals(0, s.code, s.err);
    Run r = TrecFormats.readRun(runFile);
    assertEquals(List.of("q1", "q2"), List.copyOf(r.lists().keySet()), "only judged queries are run");
    assertEquals("d1", r.of("q1").atRank(1).docId());
    assertEquals("d3", r.of("q1").atRank(2).docId());
    assertEquals(List.of("d2"), r.of("q2").docIds());

    Result t = run("trec", "-m", "map", "-m", "P.1", beir.resolve("qrels/test.tsv").toString(), runFile.toString());
    assertEquals(0, t.code, t.err);
    // q1: d1 (rel) at 1, d3 (rel) at 2 -> AP 1; q2: d2 at 1 -> AP 1
    assertTrue(t.out.contains("map                   \tall\t1.0000"), t.out);

    Result filtered = run("search", "--index", index.toString(), "--queries", beir.resolve("queries.jsonl").toString(),
        "--run", dir.resolve("f.run").toString(), "--range", "year=2000:", "--fields", "title^2,text");
    assertEquals(0, filtered.code, filtered.err);
    assertEquals(List.of("d3"), TrecFormats.readRun(dir.resolve("f.run")).of("q1").docIds());

    Result bench = run("bench-search", "--index", index.toString(), "--queries", beir.resolve("queries.jsonl").toString(),
        "--warmup-rounds", "1", "--rounds", "2", "--threads", "1,2");
    assertEquals(0, bench.code, bench.err);
    assertTrue(bench.out.contains("raw_lucene") && bench.out.contains("overhead"), bench.out);

    Result benchIndex = run("bench-index", "--format", "beir", "--input", beir.toString(), "--scratch", dir.resolve("scratch").toString(),
        "--warmup-rounds", "0", "--rounds", "1");
    assertEquals(0, benchIndex.code, benchIndex.err);
    assertTrue(benchIndex.out.contains("throughput ratio"), benchIndex.out);
  }

  @Test
  void malformedCorpusExitsTwoAndCommitsNothing() throws Exception {
    Path bad = dir.resolve("bad.jsonl");
    Files.writeString(bad, "{\"_id\":\"d1\",\"text\":\"fine\"}\n{\"_id\":\"d2\",\"text\": oops}\n");
    Path index = dir.resolve("badindex");
    Result r = run("index", "--format", "beir", "--input", bad.toString(), "--index", index.toString());
    assertEquals(RankstackEval.EXIT_BAD_INPUT, r.code);
    assertTrue(r.err.contains(bad + ":2"), r.err);
    try (var files = Files.list(index)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith("segments_")), "nothing committed");
    }
  }

  @Test
  void badFlagsExitTwo() {
    assertEquals(RankstackEval.EXIT_BAD_INPUT, run("index", "--format", "xml", "--input", beir.toString(), "--index", dir.toString()).code);
    assertEquals(RankstackEval.EXIT_BAD_INPUT, run("search", "--index", dir.toString(), "--queries", "missing.tsv", "--run", "x").code);
    assertEquals(RankstackEval.EXIT_BAD_INPUT, run("search", "--index", dir.toString(), "--queries", beir.resolve("queries.jsonl").toString(),
        "--run", "x", "--range", "year=abc").code);
  }
}
