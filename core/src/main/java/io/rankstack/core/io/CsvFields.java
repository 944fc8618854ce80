package io.rankstack.core.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of a delimited text file into fields, RFC 4180 style: a field may be wrapped in
 * double quotes (then it may contain the delimiter), and {@code ""} inside quotes is one literal
 * quote. A quote that opens in the middle of an unquoted field is kept as a character, which is how
 * MovieLens titles such as {@code Dr. "Strangelove"} stay intact.
 */
public final class CsvFields {
  private CsvFields() {}

  /**
   * The fields of {@code line}.
   *
   * @param source file name for the error message
   * @param lineNumber 1-based line number for the error message
   * @throws InputFormatException when a quoted field is not closed on this line
   */
  public static List<String> split(String line, char delimiter, String source, long lineNumber) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c != '"') {
          field.append(c);
        } else if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else {
          quoted = false;
        }
      } else if (c == '"' && field.length() == 0) {
        quoted = true;
      } else if (c == delimiter) {
        out.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw new InputFormatException(source, lineNumber, null, "unterminated quoted field");
    }
    out.add(field.toString());
    return out;
  }
}
