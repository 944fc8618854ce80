package io.rankstack.eval.retrieval;

import io.rankstack.index.io.DocumentFormat;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The flags that name a collection file and its format, shared by 'index' and 'bench-index' (a picocli mixin). */
public final class CollectionOptions {
  @Option(names = "--format", required = true,
      description = "beir (corpus.jsonl: _id, title, text; title+text also go to the flat 'contents' field), "
          + "trec (<DOC><DOCNO>…), jsonl (Anserini {\"id\",\"contents\"}), json (plain JSON documents with 'id').")
  String format;

  @Option(names = "--input", required = true, description = "Collection file, or a BEIR dataset folder.")
  Path input;

  /** The parsed format. */
  public DocumentFormat format() {
    return CollectionInputs.documentFormat(format);
  }

  /** The collection file (a BEIR folder's corpus.jsonl when a folder was given). */
  public Path file() {
    return CollectionInputs.corpusFile(input, format());
  }
}
