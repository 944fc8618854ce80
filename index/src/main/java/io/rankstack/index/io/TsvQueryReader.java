package io.rankstack.index.io;

import io.rankstack.core.Query;
import io.rankstack.core.io.InputFormatException;
import io.rankstack.core.io.LineSource;
import java.io.BufferedReader;
import java.nio.file.Path;

/**
 * Queries as tab-separated {@code id<TAB>text} lines (the MS MARCO topic format). The text is
 * everything after the first tab, so it may itself contain tabs; blank lines are skipped. Errors: no
 * tab ({@code text}), a blank or repeated id ({@code id}).
 */
public final class TsvQueryReader extends RecordReader<Query> implements QueryReader {

  public TsvQueryReader(BufferedReader lines, String source) {
    super(new LineSource(lines, source));
  }

  /** Reads {@code file} (UTF-8, optionally gzip-compressed when its name ends in {@code .gz}). */
  public TsvQueryReader(Path file) {
    super(LineSource.open(file));
  }

  @Override
  protected Query readNext() {
    String line = lines.readNonBlankLine();
    if (line == null) {
      return null;
    }
    long n = lines.lineNumber();
    int tab = line.indexOf('\t');
    if (tab < 0) {
      throw new InputFormatException(source(), n, "text", "expected 'id<TAB>text', found no tab");
    }
    String id = line.substring(0, tab).strip();
    if (id.isEmpty()) {
      throw new InputFormatException(source(), n, "id", "query id is blank");
    }
    checkUnique(id, n, "id");
    return new Query(id, line.substring(tab + 1).strip());
  }
}
