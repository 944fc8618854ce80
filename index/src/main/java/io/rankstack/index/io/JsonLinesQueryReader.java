package io.rankstack.index.io;

import io.rankstack.core.Query;
import io.rankstack.core.io.InputFormatException;
import io.rankstack.core.io.LineSource;
import java.io.BufferedReader;
import java.nio.file.Path;

/**
 * Queries from BEIR {@code queries.jsonl}: one JSON object per line with string members {@code _id}
 * and {@code text}; other members (such as {@code metadata}) are ignored, blank lines skipped.
 * Errors name the member: bad JSON, a missing or blank {@code _id}, a missing {@code text}, a
 * repeated {@code _id}.
 */
public final class JsonLinesQueryReader extends RecordReader<Query> implements QueryReader {
  private static final String ID = "_id";
  private static final String TEXT = "text";

  public JsonLinesQueryReader(BufferedReader lines, String source) {
    super(new LineSource(lines, source));
  }

  /** Reads {@code file} (UTF-8, optionally gzip-compressed when its name ends in {@code .gz}). */
  public JsonLinesQueryReader(Path file) {
    super(LineSource.open(file));
  }

  @Override
  protected Query readNext() {
    String line = lines.readNonBlankLine();
    if (line == null) {
      return null;
    }
    long n = lines.lineNumber();
    JsonLines.Members m = JsonLines.parse(line, source(), n);
    String id = m.strings().get(ID);
    if (id == null || id.isBlank()) {
      throw new InputFormatException(source(), n, ID, id == null ? "missing query id (a JSON string)" : "query id is blank");
    }
    String text = m.strings().get(TEXT);
    if (text == null) {
      throw new InputFormatException(source(), n, TEXT, "missing query text (a JSON string)");
    }
    checkUnique(id, n, ID);
    return new Query(id, text);
  }
}
