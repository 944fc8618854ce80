package io.rankstack.core.io;

import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Input that does not follow its format. The message names the source (usually a file), the
 * 1-based line, and the field at fault, so a person can open the file and fix it.
 */
public final class InputFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final long line;
  private final String field;

  /**
   * @param source the file (or other source) being read
   * @param line   1-based line number, or 0 when the fault is not on one line
   * @param field  the field at fault (for example {@code docid} or {@code _id}), or null
   * @param detail what is wrong, in words
   */
  public InputFormatException(String source, long line, String field, String detail) {
    super(format(source, line, field, detail));
    this.source = Objects.requireNonNull(source, "source");
    this.line = line;
    this.field = field;
  }

  private static String format(String source, long line, String field, String detail) {
    StringBuilder sb = new StringBuilder(source);
    if (line > 0) {
      sb.append(':').append(line);
    }
    sb.append(": ");
    if (field != null) {
      sb.append("field '").append(field).append("': ");
    }
    return sb.append(detail).toString();
  }

  /** The file or other source being read. */
  public String source() {
    return source;
  }

  /** 1-based line number, or 0 when the fault is not on one line. */
  public long line() {
    return line;
  }

  /** The field at fault, or null. */
  public String field() {
    return field;
  }

  /** Wraps an I/O failure while reading {@code source}. */
  public static UncheckedIOException io(String source, java.io.IOException e) {
    return new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
  }
}
