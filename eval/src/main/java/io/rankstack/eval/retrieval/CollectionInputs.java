package io.rankstack.eval.retrieval;

import io.rankstack.core.Judgments;
import io.rankstack.core.Query;
import io.rankstack.core.io.TrecFormats;
import io.rankstack.index.io.DocumentFormat;
import io.rankstack.index.io.QueryFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Resolves the inputs the CLI accepts into typed values: format names with their aliases, a BEIR
 * dataset folder in place of its {@code corpus.jsonl}, a query format guessed from the file name,
 * and the restriction of queries to those a qrels file judges.
 */
public final class CollectionInputs {
  private CollectionInputs() {}

  /**
   * The document format for a CLI name: {@code beir}, {@code trec}, {@code jsonl} (Anserini's
   * {@code {"id","contents"}} lines, also {@code anserini-json}) or {@code json} (plain JSON documents).
   */
  public static DocumentFormat documentFormat(String name) {
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "jsonl", "anserini", "anserini-json" -> DocumentFormat.ANSERINI_JSON;
      default -> DocumentFormat.parse(name);
    };
  }

  /** The corpus file: {@code input} itself, or {@code input/corpus.jsonl} when it is a BEIR folder. */
  public static Path corpusFile(Path input, DocumentFormat format) {
    if (Files.isDirectory(input)) {
      Path corpus = input.resolve("corpus.jsonl");
      if (format == DocumentFormat.BEIR && Files.isRegularFile(corpus)) {
        return corpus;
      }
      throw new IllegalArgumentException(input + " is a folder; give the collection file"
          + (format == DocumentFormat.BEIR ? " or a BEIR folder holding corpus.jsonl" : ""));
    }
    if (!Files.isRegularFile(input)) {
      throw new IllegalArgumentException("no such file: " + input);
    }
    return input;
  }

  /** The named query format, or one guessed from the file name: {@code .jsonl} BEIR, {@code .tsv} TSV, else TREC. */
  public static QueryFormat queryFormat(String name, Path file) {
    if (name != null && !name.isBlank()) {
      return QueryFormat.parse(name);
    }
    String f = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (f.endsWith(".jsonl") || f.endsWith(".jsonl.gz")) {
      return QueryFormat.BEIR;
    }
    if (f.endsWith(".tsv") || f.endsWith(".tsv.gz")) {
      return QueryFormat.TSV;
    }
    return QueryFormat.TREC;
  }

  /** Reads queries, keeping only those judged in {@code judgedBy} when it is given (for example BEIR's test split). */
  public static List<Query> queries(Path file, String formatName, Path judgedBy) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no such query file: " + file);
    }
    List<Query> all = queryFormat(formatName, file).readAll(file);
    if (judgedBy == null) {
      return all;
    }
    Judgments qrels = TrecFormats.readAnyQrels(judgedBy);
    List<Query> judged = all.stream().filter(q -> qrels.grades().containsKey(q.id())).toList();
    if (judged.isEmpty()) {
      throw new IllegalArgumentException("none of the " + all.size() + " queries of " + file + " is judged in " + judgedBy);
    }
    return judged;
  }
}
