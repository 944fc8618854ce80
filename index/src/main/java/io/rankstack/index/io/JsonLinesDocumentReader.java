package io.rankstack.index.io;

import io.rankstack.core.Document;
import io.rankstack.core.io.InputFormatException;
import io.rankstack.core.io.LineSource;
import java.io.BufferedReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Documents from JSON Lines: one JSON object per line, blank lines skipped.
 *
 * <p>The member named by {@code idField} (a string) becomes {@link Document#id()}; every other
 * string member becomes a text field, every number member a numeric attribute. Nested objects,
 * arrays, booleans and nulls are ignored. Members listed as required must be present as strings.
 * The three JSON formats of {@link DocumentFormat} are instances of this reader:
 * <ul>
 *   <li>BEIR corpus: id {@code _id}, required {@code text} ({@code title} usually present);
 *   <li>Anserini JSON collection: id {@code id}, required {@code contents};
 *   <li>plain JSON documents: id {@code id}, nothing else required.
 * </ul>
 */
public final class JsonLinesDocumentReader extends RecordReader<Document> implements DocumentReader {
  private final String idField;
  private final List<String> required;

  /**
   * @param lines    the input (closed by {@link #close()})
   * @param source   name of the input for error messages
   * @param idField  the member holding the document id
   * @param required members that must be present as strings
   */
  public JsonLinesDocumentReader(BufferedReader lines, String source, String idField, List<String> required) {
    this(new LineSource(lines, source), idField, required);
  }

  /** Reads {@code file} (UTF-8, optionally gzip-compressed when its name ends in {@code .gz}). */
  public JsonLinesDocumentReader(Path file, String idField, List<String> required) {
    this(LineSource.open(file), idField, required);
  }

  private JsonLinesDocumentReader(LineSource lines, String idField, List<String> required) {
    super(lines);
    this.idField = Objects.requireNonNull(idField, "idField");
    this.required = List.copyOf(required);
  }

  @Override
  protected Document readNext() {
    String line = lines.readNonBlankLine();
    if (line == null) {
      return null;
    }
    long n = lines.lineNumber();
    JsonLines.Members m = JsonLines.parse(line, source(), n);
    Map<String, String> fields = new java.util.LinkedHashMap<>(m.strings());
    String id = fields.remove(idField);
    if (id == null) {
      String detail = m.numbers().containsKey(idField) ? "document id must be a JSON string" : "missing document id";
      throw new InputFormatException(source(), n, idField, detail);
    }
    if (id.isBlank()) {
      throw new InputFormatException(source(), n, idField, "document id is blank");
    }
    for (String r : required) {
      if (!fields.containsKey(r)) {
        throw new InputFormatException(source(), n, r, "missing required string member");
      }
    }
    checkUnique(id, n, idField);
    return new Document(id, fields, m.numbers());
  }
}
