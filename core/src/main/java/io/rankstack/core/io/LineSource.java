package io.rankstack.core.io;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Lines of a UTF-8 text source with their 1-based numbers. A leading byte-order mark is dropped;
 * files whose name ends in {@code .gz} are decompressed on the fly. Malformed UTF-8 is an error, not
 * silently replaced.
 */
public final class LineSource implements Closeable {
  private final BufferedReader reader;
  private final String name;
  private long lineNumber;

  /** Lines of {@code reader}; {@code name} is the source named in error messages. */
  public LineSource(BufferedReader reader, String name) {
    this.reader = reader;
    this.name = name;
  }

  /** Opens {@code file} (gzip when its name ends in {@code .gz}); an I/O failure is an {@link InputFormatException}. */
  public static LineSource open(Path file) {
    try {
      InputStream in = Files.newInputStream(file);
      if (file.getFileName() != null && file.getFileName().toString().endsWith(".gz")) {
        in = new GZIPInputStream(in, 1 << 16);
      }
      var decoder = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
      return new LineSource(new BufferedReader(new InputStreamReader(in, decoder), 1 << 16), file.toString());
    } catch (IOException e) {
      throw InputFormatException.io(file.toString(), e);
    }
  }

  /** The next line without its terminator, or null at the end. */
  public String readLine() {
    try {
      String line = reader.readLine();
      if (line == null) {
        return null;
      }
      lineNumber++;
      if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
        line = line.substring(1);
      }
      return line;
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new InputFormatException(name, lineNumber + 1, null, "not valid UTF-8: " + e.getMessage());
    } catch (IOException e) {
      throw InputFormatException.io(name, e);
    }
  }

  /** The next line that is not blank, or null at the end (blank lines are skipped by every reader). */
  public String readNonBlankLine() {
    String line;
    do {
      line = readLine();
    } while (line != null && line.isBlank());
    return line;
  }

  /**
   * Reads the first line and checks it is {@code expected} (surrounding blanks ignored).
   *
   * @throws InputFormatException at line 1 when the source is empty or starts with another header
   */
  public void requireHeader(String expected) {
    String header = readLine();
    if (header == null || !header.trim().equals(expected)) {
      throw new InputFormatException(name, 1, null, "expected the header '" + expected + "'");
    }
  }

  /** 1-based number of the line last returned; 0 before the first. */
  public long lineNumber() {
    return lineNumber;
  }

  /** The source named in error messages. */
  public String name() {
    return name;
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      throw InputFormatException.io(name, e);
    }
  }
}
