package io.rankstack.eval.ltr;

import io.rankstack.core.Judgments;
import io.rankstack.core.Query;
import io.rankstack.core.io.TrecFormats;
import io.rankstack.eval.retrieval.CollectionInputs;
import io.rankstack.index.Bm25Parameters;
import io.rankstack.index.Bm25Searcher;
import io.rankstack.index.features.FeatureExtractor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rankstack-eval features}: BM25 top-N per query, feature vectors, LETOR file. */
@Command(name = "features", mixinStandardHelpOptions = true,
    description = {"Retrieve the top N candidates of every judged query with BM25, compute their feature vectors"
        + " (io.rankstack.index.features.FeatureExtractor, the code serving uses) and write LETOR/SVMlight:",
        "  grade qid:Q 1:v 2:v ... # docid",
        "Grades come from the qrels (unjudged = 0). Feature names and definitions go in '#' header lines and in OUT.features.tsv."})
public final class FeaturesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--index", required = true, description = "Index folder made by 'index'.")
  Path index;

  @Option(names = "--queries", required = true, description = "Query file (BEIR, TREC or TSV).")
  Path queries;

  @Option(names = "--query-format", description = "beir, trec or tsv (default: from the file name).")
  String queryFormat;

  @Option(names = "--qrels", required = true, description = "Judgments (TREC or BEIR TSV): grades, and the queries to use (those judged).")
  Path qrels;

  @Option(names = "--top", defaultValue = "100", description = "Candidates per query (default ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--fields", defaultValue = "auto",
      description = "Fields of the per-field features, comma-separated; 'auto' = contents, title, text where indexed (default ${DEFAULT-VALUE}).")
  String fields;

  @Option(names = "--k1", defaultValue = "0.9", description = "First-stage BM25 k1 (default ${DEFAULT-VALUE}).")
  float k1;

  @Option(names = "--b", defaultValue = "0.4", description = "First-stage BM25 b (default ${DEFAULT-VALUE}).")
  float b;

  @Option(names = "--out", required = true, description = "Output LETOR file.")
  Path out;

  @Option(names = "--no-header", negatable = false,
      description = "Write no '#' header lines (for tools that reject comment lines); names stay in OUT.features.tsv.")
  boolean noHeader;

  @Override
  public Integer call() {
    if (top < 1) {
      throw new IllegalArgumentException("--top must be at least 1: " + top);
    }
    List<Query> qs = CollectionInputs.queries(queries, queryFormat, qrels);
    Judgments judgments = TrecFormats.readAnyQrels(qrels);
    PrintWriter pw = spec.commandLine().getOut();
    try (Bm25Searcher searcher = Bm25Searcher.open(index, new Bm25Parameters(k1, b))) {
      FeatureExtractor fx = FeatureExtractor.of(searcher, LtrSupport.fields(searcher, fields));
      LtrSupport.Extraction e = LtrSupport.extract(searcher, fx, qs, judgments, top, out.getFileName().toString());
      LtrSupport.writeLetor(e, out, noHeader, String.format(Locale.ROOT, "index %s, queries %s, qrels %s, BM25 k1=%s b=%s top %d",
          index, queries, qrels, k1, b, top));
      pw.printf(Locale.ROOT, "%d queries, %d rows, %d features (%s) in %.2f s; written to %s and %s.features.tsv%n",
          qs.size(), e.data().size(), fx.size(), String.join(",", fx.fields()), e.seconds(), out, out.getFileName());
    } catch (java.io.IOException ex) {
      throw new java.io.UncheckedIOException(ex);
    }
    return 0;
  }
}
