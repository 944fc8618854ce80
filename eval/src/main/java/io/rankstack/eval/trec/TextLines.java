package io.rankstack.eval.trec;

import io.rankstack.core.io.InputFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads text the way trec_eval does: lines end at {@code '\n'} only (a {@code '\r'} is ordinary
 * white space inside a line), and a last line without a newline still counts. Bytes are decoded as
 * UTF-8; malformed bytes become U+FFFD rather than stopping the read.
 */
final class TextLines {
  /** Receives each line with its 1-based number. */
  @FunctionalInterface
  interface Handler {
    void line(String text, long number);
  }

  private TextLines() {}

  /** Reads every line of {@code file}, naming the file in any I/O error. */
  static void read(Path file, Handler handler) {
    try (InputStream in = Files.newInputStream(file)) {
      read(new InputStreamReader(in, StandardCharsets.UTF_8), handler);
    } catch (IOException e) {
      throw InputFormatException.io(file.toString(), e);
    }
  }

  /** Reads every line of {@code reader}; does not close it. */
  static void read(Reader reader, Handler handler) throws IOException {
    char[] buf = new char[1 << 16];
    StringBuilder line = new StringBuilder(128);
    long number = 0;
    boolean pending = false;
    int n;
    while ((n = reader.read(buf)) > 0) {
      int start = 0;
      for (int i = 0; i < n; i++) {
        if (buf[i] == '\n') {
          line.append(buf, start, i - start);
          handler.line(line.toString(), ++number);
          line.setLength(0);
          start = i + 1;
          pending = false;
        }
      }
      if (start < n) {
        line.append(buf, start, n - start);
        pending = true;
      }
    }
    if (pending) {
      handler.line(line.toString(), ++number);
    }
  }
}
