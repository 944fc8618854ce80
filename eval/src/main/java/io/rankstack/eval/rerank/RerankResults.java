package io.rankstack.eval.rerank;

import io.rankstack.core.Judgments;
import io.rankstack.core.Run;
import io.rankstack.core.io.TrecFormats;
import io.rankstack.eval.RankstackEval;
import io.rankstack.eval.ltr.LtrSupport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A reranker experiment's test runs, starting with BM25's: each is written to the work folder and
 * its row printed at once (so a long run shows progress); {@link #finish} prints the table and the
 * {@code compare} of the best run (by nDCG@10) against BM25.
 */
final class RerankResults {
  private final PrintWriter out;
  private final Judgments qrels;
  private final Path qrelsFile;
  private final Path work;
  private final Path bm25File;
  private final List<String> names = new ArrayList<>();
  private final List<Run> runs = new ArrayList<>();
  private String bestFile;
  private double bestNdcg = -1;

  RerankResults(PrintWriter out, Judgments qrels, Path qrelsFile, Path work, Run bm25) {
    this.out = out;
    this.qrels = qrels;
    this.qrelsFile = qrelsFile;
    this.work = work;
    this.bm25File = write(bm25, "bm25.run");
    names.add("BM25 (k1=0.9, b=0.4)");
    runs.add(bm25);
    printRow(names.get(0), bm25);
  }

  /** Writes {@code run} as work/{@code file} and prints its row under {@code name}. */
  void add(String file, String name, Run run) {
    names.add(name);
    runs.add(run);
    write(run, file);
    double v = printRow(name, run);
    if (v > bestNdcg) {
      bestNdcg = v;
      bestFile = file;
    }
  }

  /** The table of every run under {@code title}, then {@code compare} BM25 → the best added run. */
  void finish(String title) {
    out.println(title);
    var first = LtrSupport.metrics(qrels, runs.get(0));
    out.println(LtrSupport.tableHeader(first));
    for (int i = 0; i < runs.size(); i++) {
      out.println(LtrSupport.row(names.get(i), i == 0 ? first : LtrSupport.metrics(qrels, runs.get(i))));
    }
    if (bestFile != null) {
      Path b = work.resolve(bestFile);
      out.printf("$ rankstack-eval compare %s %s %s -m ndcg_cut.10%n", qrelsFile, bm25File, b);
      int rc = RankstackEval.run(new String[] {"compare", qrelsFile.toString(), bm25File.toString(), b.toString(),
          "-m", "ndcg_cut.10"}, out, out);
      if (rc != 0) {
        throw new IllegalStateException("compare exited with " + rc);
      }
    }
  }

  private double printRow(String name, Run run) {
    Map<String, Double> m = LtrSupport.metrics(qrels, run);
    out.println("  result: " + LtrSupport.row(name, m));
    out.flush();
    return m.get("ndcg_cut_10");
  }

  /** Rank-derived scores (see {@link LtrSupport#rankScores}), so that ties keep the list order. */
  private Path write(Run run, String name) {
    Path p = work.resolve(name);
    TrecFormats.writeRun(LtrSupport.rankScores(run), p);
    return p;
  }
}
