package io.rankstack.index.io;

import io.rankstack.core.Query;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The query (topic) formats the index reads, each as a streaming {@link QueryReader}. */
public enum QueryFormat {
  /** BEIR {@code queries.jsonl}: {@code {"_id", "text"}} per line. */
  BEIR,
  /** TREC topics: {@code <top><num>…<title>…</top>} blocks, or CACM's {@code <DOC><DOCNO>…} blocks. */
  TREC,
  /** Tab-separated {@code id<TAB>text} lines. */
  TSV;

  /** Opens a reader over {@code file} (UTF-8; gzip when the name ends in {@code .gz}). */
  public QueryReader open(Path file) {
    return switch (this) {
      case BEIR -> new JsonLinesQueryReader(file);
      case TREC -> new TrecTopicReader(file);
      case TSV -> new TsvQueryReader(file);
    };
  }

  /** All queries of {@code file}, in file order. */
  public List<Query> readAll(Path file) {
    return open(file).readAll();
  }

  /** The format named {@code name}, case-insensitively. */
  public static QueryFormat parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown query format '" + name + "'; expected one of " + List.of(values()), e);
    }
  }
}
