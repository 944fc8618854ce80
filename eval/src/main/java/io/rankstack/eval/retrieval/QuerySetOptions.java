package io.rankstack.eval.retrieval;

import io.rankstack.core.Query;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The flags that choose a set of queries, shared by every command that runs queries (a picocli mixin). */
public final class QuerySetOptions {
  @Option(names = "--queries", required = true, description = "Query file: BEIR queries.jsonl, TREC topics, or id<TAB>text lines.")
  Path queries;

  @Option(names = "--query-format", description = "beir, trec or tsv (default: from the file name: .jsonl beir, .tsv tsv, else trec).")
  String queryFormat;

  @Option(names = "--judged-by", description = "Keep only the queries judged in this qrels file (e.g. BEIR qrels/test.tsv for the test split).")
  Path judgedBy;

  /** Reads the chosen queries (see {@link CollectionInputs#queries}). */
  public List<Query> read() {
    return CollectionInputs.queries(queries, queryFormat, judgedBy);
  }
}
