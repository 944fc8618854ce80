package io.rankstack.eval.demo;

import io.rankstack.core.Candidate;
import io.rankstack.core.Query;
import io.rankstack.core.RankedList;
import io.rankstack.core.Run;
import io.rankstack.core.io.TrecFormats;
import io.rankstack.eval.retrieval.ExperimentIndex;
import io.rankstack.eval.trec.TrecEvalFormatter;
import io.rankstack.eval.trec.TrecEvalOptions;
import io.rankstack.eval.trec.TrecEvalResult;
import io.rankstack.eval.trec.TrecEvaluator;
import io.rankstack.index.Bm25Parameters;
import io.rankstack.index.Bm25Searcher;
import io.rankstack.index.CollectionIndexer;
import io.rankstack.index.IndexConfig;
import io.rankstack.index.IndexReport;
import io.rankstack.index.ProgressListener;
import io.rankstack.index.io.DocumentFormat;
import io.rankstack.index.io.DocumentReader;
import io.rankstack.index.io.QueryFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rankstack-eval demo}: the engine's main job end to end on the bundled sample, a BEIR
 * collection: index it (once; an index that already holds documents is reused), search every query,
 * write the run, evaluate it with the trec_eval-exact engine, and show one query's top results.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Index, search and evaluate the bundled Cranfield sample (or another BEIR folder).")
public final class DemoCommand implements Callable<Integer> {
  /** The measures the demo reports. */
  static final String[] MEASURES = {"num_q", "map", "ndcg_cut.10", "P.10", "recall.100"};

  @Spec CommandSpec spec;

  @Option(names = "--sample", description = "BEIR folder with corpus.jsonl, queries.jsonl and qrels/test.tsv "
      + "(default: samples/cranfield under RANKSTACK_HOME, else under the working directory).")
  Path sample;

  @Option(names = "--data-dir", defaultValue = "data", description = "Where the index and the run go (default ${DEFAULT-VALUE}).")
  Path dataDir;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Path beir = sample != null ? sample : defaultSample();
    Path corpus = beir.resolve("corpus.jsonl");
    Path queriesFile = beir.resolve("queries.jsonl");
    Path qrels = beir.resolve("qrels").resolve("test.tsv");
    for (Path p : List.of(corpus, queriesFile, qrels)) {
      if (!Files.isRegularFile(p)) {
        throw new IllegalArgumentException("sample file missing: " + p + " (give --sample DIR, a BEIR folder)");
      }
    }
    String name = beir.toAbsolutePath().normalize().getFileName().toString();
    Path index = dataDir.resolve("index").resolve(name);
    out.printf(Locale.ROOT, "Rankstack demo on %s%n", beir);

    if (documentsIn(index) > 0) {
      out.printf(Locale.ROOT, "1. index: reusing %s (%d documents)%n", index, documentsIn(index));
    } else {
      try (DocumentReader docs = DocumentFormat.BEIR.open(corpus)) {
        IndexReport r = new CollectionIndexer(IndexConfig.forFormat(DocumentFormat.BEIR)).index(index, docs, ProgressListener.NONE);
        out.printf(Locale.ROOT, "1. index: %d documents into %s in %.2f s%n", r.documentsIndexed(), index, r.elapsed().toNanos() / 1e9);
      }
    }

    List<Query> queries = QueryFormat.BEIR.readAll(queriesFile);
    Path runFile = dataDir.resolve("runs").resolve(name + "-bm25.txt");
    Files.createDirectories(runFile.getParent());
    List<RankedList> lists = new ArrayList<>();
    try (Bm25Searcher searcher = Bm25Searcher.open(index, Bm25Parameters.DEFAULT)) {
      long t0 = System.nanoTime();
      for (Query q : queries) {
        lists.add(searcher.search(q, 1000));
      }
      double s = (System.nanoTime() - t0) / 1e9;
      TrecFormats.writeRun(Run.of("rankstack-bm25", lists), runFile);
      out.printf(Locale.ROOT, "2. search: %d queries, BM25 k1=%.1f b=%.1f, top 1000, in %.2f s; run in %s%n",
          queries.size(), Bm25Parameters.DEFAULT.k1(), Bm25Parameters.DEFAULT.b(), s, runFile);

      TrecEvalResult result = TrecEvaluator.evaluate(qrels, runFile, TrecEvalOptions.defaults().withMeasures(MEASURES));
      out.println("3. evaluate (trec_eval 10.0 semantics):");
      out.print(new TrecEvalFormatter(false, true).format(result));

      Query first = queries.get(0);
      out.printf(Locale.ROOT, "4. query %s: \"%s\"%n", first.id(), first.text());
      RankedList top = lists.get(0).top(3);
      for (int rank = 1; rank <= top.size(); rank++) {
        Candidate c = top.atRank(rank);
        String title = searcher.document(c.docId()).map(d -> d.field("title")).orElse("");
        out.printf(Locale.ROOT, "   %d. [%s] %.3f  %s%n", rank, c.docId(), c.score(), abbreviate(title, 70));
      }
    }
    return 0;
  }

  private static Path defaultSample() {
    String home = System.getenv("RANKSTACK_HOME");
    Path base = home == null || home.isBlank() ? Path.of("") : Path.of(home);
    return base.resolve("samples").resolve("cranfield");
  }

  private static int documentsIn(Path index) throws IOException {
    if (!ExperimentIndex.committed(index)) {
      return 0;
    }
    try (FSDirectory dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
      return reader.numDocs();
    }
  }

  private static String abbreviate(String s, int max) {
    String t = s.strip();
    return t.length() <= max ? t : t.substring(0, max - 1) + "…";
  }
}
