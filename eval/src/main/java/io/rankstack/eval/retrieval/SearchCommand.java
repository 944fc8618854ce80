package io.rankstack.eval.retrieval;

import io.rankstack.core.Query;
import io.rankstack.core.RankedList;
import io.rankstack.core.Run;
import io.rankstack.core.io.TrecFormats;
import io.rankstack.index.Bm25Parameters;
import io.rankstack.index.Bm25Searcher;
import io.rankstack.index.FieldWeights;
import io.rankstack.index.Filter;
import io.rankstack.index.SearchRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rankstack-eval search}: BM25 over an index for a file of queries, written as a TREC run. */
@Command(name = "search", mixinStandardHelpOptions = true,
    description = "Run BM25 for every query of a file and write a TREC run (ties ordered by document id).")
public final class SearchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--index", required = true, description = "Index folder made by 'index'.")
  Path index;

  @Mixin QuerySetOptions querySet;

  @Option(names = "--run", required = true, description = "Output TREC run file.")
  Path run;

  @Option(names = "--k", defaultValue = "1000", description = "Documents per query (default ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--k1", defaultValue = "0.9", description = "BM25 k1 (default ${DEFAULT-VALUE}, Anserini's BEIR setting).")
  float k1;

  @Option(names = "--b", defaultValue = "0.4", description = "BM25 b (default ${DEFAULT-VALUE}).")
  float b;

  @Option(names = "--fields", defaultValue = "contents",
      description = "Fields with optional weights, e.g. 'title^2,text' (default ${DEFAULT-VALUE}, the flat field).")
  String fields;

  @Option(names = "--filter", description = "Keyword filter field=value (repeatable).")
  List<String> termFilters = List.of();

  @Option(names = "--range", description = "Numeric filter field=min:max, either end may be empty (repeatable).")
  List<String> rangeFilters = List.of();

  @Option(names = "--tag", defaultValue = "rankstack-bm25", description = "Run tag (default ${DEFAULT-VALUE}).")
  String tag;

  @Override
  public Integer call() throws Exception {
    if (k < 1) {
      throw new IllegalArgumentException("--k must be at least 1: " + k);
    }
    List<Query> qs = querySet.read();
    FieldWeights weights = FieldWeights.parse(fields);
    List<Filter> filters = parseFilters(termFilters, rangeFilters);
    long start = System.nanoTime();
    List<RankedList> lists = new ArrayList<>(qs.size());
    try (Bm25Searcher searcher = Bm25Searcher.open(index, new Bm25Parameters(k1, b))) {
      for (Query q : qs) {
        SearchRequest request = SearchRequest.of(q, k).withFields(weights).withFilters(filters.toArray(Filter[]::new));
        lists.add(searcher.search(request).ranking());
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (run.toAbsolutePath().getParent() != null) {
      Files.createDirectories(run.toAbsolutePath().getParent());
    }
    TrecFormats.writeRun(Run.of(tag, lists), run);
    spec.commandLine().getOut().printf(Locale.ROOT, "searched %d queries in %.2f s (%.1f queries/s); run written to %s%n",
        qs.size(), seconds, qs.size() / Math.max(seconds, 1e-9), run);
    return 0;
  }

  /** Parses {@code field=value} and {@code field=min:max} filter flags. */
  static List<Filter> parseFilters(List<String> terms, List<String> ranges) {
    List<Filter> out = new ArrayList<>();
    for (String t : terms) {
      int eq = t.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("--filter expects field=value, got '" + t + "'");
      }
      out.add(Filter.term(t.substring(0, eq), t.substring(eq + 1)));
    }
    for (String r : ranges) {
      int eq = r.indexOf('=');
      int colon = r.indexOf(':', eq + 1);
      if (eq <= 0 || colon < 0) {
        throw new IllegalArgumentException("--range expects field=min:max, got '" + r + "'");
      }
      String field = r.substring(0, eq);
      double min = bound(r.substring(eq + 1, colon), Double.NEGATIVE_INFINITY, r);
      double max = bound(r.substring(colon + 1), Double.POSITIVE_INFINITY, r);
      out.add(Filter.range(field, min, max));
    }
    return out;
  }

  private static double bound(String s, double open, String flag) {
    if (s.isBlank()) {
      return open;
    }
    try {
      return Double.parseDouble(s.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--range bound '" + s + "' in '" + flag + "' is not a number");
    }
  }
}
