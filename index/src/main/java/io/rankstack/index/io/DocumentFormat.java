package io.rankstack.index.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The collection formats the index reads, each as a streaming {@link DocumentReader}. */
public enum DocumentFormat {
  /**
   * BEIR {@code corpus.jsonl}: {@code {"_id", "title", "text", …}}; other string members are kept as
   * text fields, numbers as numeric attributes. {@code text} is required.
   */
  BEIR,
  /** Anserini's JSON collection: {@code {"id", "contents"}} per line; {@code contents} is required. */
  ANSERINI_JSON,
  /** TREC SGML: {@code <DOC><DOCNO>id</DOCNO> text </DOC>}; the text goes to field {@code contents}. */
  TREC,
  /** Plain JSON documents: one object per line with a string {@code id} and any string/number members. */
  JSON;

  /** Opens a reader over {@code file} (UTF-8; gzip when the name ends in {@code .gz}). */
  public DocumentReader open(Path file) {
    return switch (this) {
      case BEIR -> new JsonLinesDocumentReader(file, "_id", List.of("text"));
      case ANSERINI_JSON -> new JsonLinesDocumentReader(file, "id", List.of("contents"));
      case TREC -> new TrecDocumentReader(file);
      case JSON -> new JsonLinesDocumentReader(file, "id", List.of());
    };
  }

  /** The format named {@code name}, case-insensitively, with {@code -} accepted for {@code _}. */
  public static DocumentFormat parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown document format '" + name + "'; expected one of " + List.of(values()), e);
    }
  }
}
