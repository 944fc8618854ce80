package io.rankstack.index.io;

import io.rankstack.core.io.InputFormatException;
import io.rankstack.core.io.LineSource;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code <TAG> … </TAG>} blocks in SGML-like text (TREC documents and topics), one block at a
 * time, with the line each block starts on. Tags match case-insensitively; blocks may span lines or
 * share a line. Only whitespace may appear between blocks. A block opened and not closed before the
 * next opening tag or the end of the input is an error naming the line where it was opened.
 */
final class SgmlBlocks {
  private static final Pattern ANY_TAG = Pattern.compile("</?[A-Za-z][A-Za-z0-9_.-]*(?:\\s[^<>]*)?>");

  private final LineSource lines;
  private final String tag;
  private final String open;
  private final String close;
  private String rest;

  /** A block's body (the text between its tags, lines joined by '\n') and its first line. */
  record Block(String body, long startLine) {
    /** The 1-based line of character {@code offset} of the body. */
    long lineOf(int offset) {
      long line = startLine;
      for (int i = 0; i < offset && i < body.length(); i++) {
        if (body.charAt(i) == '\n') {
          line++;
        }
      }
      return line;
    }
  }

  SgmlBlocks(LineSource lines, String tag) {
    this.lines = lines;
    this.tag = tag;
    this.open = ("<" + tag + ">").toUpperCase(Locale.ROOT);
    this.close = ("</" + tag + ">").toUpperCase(Locale.ROOT);
  }

  /** Makes {@code line}, already read from the source, the next text to scan. */
  void unread(String line) {
    rest = line;
  }

  /** The next block, or null at the end of the input. */
  Block next() {
    while (true) {
      if (rest == null) {
        rest = lines.readLine();
        if (rest == null) {
          return null;
        }
      }
      int i = indexOf(rest, open);
      String before = i < 0 ? rest : rest.substring(0, i);
      if (!before.isBlank()) {
        throw new InputFormatException(lines.name(), lines.lineNumber(), tag,
            "text outside <" + tag + ">…</" + tag + ">: '" + abbreviate(before.strip()) + "'");
      }
      if (i < 0) {
        rest = null;
        continue;
      }
      long start = lines.lineNumber();
      rest = rest.substring(i + open.length());
      StringBuilder body = new StringBuilder();
      while (true) {
        int end = indexOf(rest, close);
        int reopen = indexOf(rest, open);
        if (reopen >= 0 && (end < 0 || reopen < end)) {
          throw new InputFormatException(lines.name(), start, tag,
              "unterminated <" + tag + ">: a new <" + tag + "> starts on line " + lines.lineNumber() + " before </" + tag + ">");
        }
        if (end >= 0) {
          body.append(rest, 0, end);
          rest = rest.substring(end + close.length());
          return new Block(body.toString(), start);
        }
        body.append(rest).append('\n');
        rest = lines.readLine();
        if (rest == null) {
          throw new InputFormatException(lines.name(), start, tag,
              "unterminated <" + tag + ">: end of input before </" + tag + ">");
        }
      }
    }
  }

  /**
   * The content of the single {@code <TAG>…</TAG>} element inside {@code block}, and the body
   * without that element; null when there is none.
   */
  static Element element(Block block, String tag, String source) {
    String body = block.body();
    String o = ("<" + tag + ">").toUpperCase(Locale.ROOT);
    String c = ("</" + tag + ">").toUpperCase(Locale.ROOT);
    int i = indexOf(body, o);
    if (i < 0) {
      return null;
    }
    int j = indexOf(body, c, i + o.length());
    if (j < 0) {
      throw new InputFormatException(source, block.lineOf(i), tag, "<" + tag + "> is not closed");
    }
    if (indexOf(body, o, j) >= 0) {
      throw new InputFormatException(source, block.lineOf(indexOf(body, o, j)), tag, "more than one <" + tag + ">");
    }
    return new Element(body.substring(i + o.length(), j), body.substring(0, i) + body.substring(j + c.length()), block.lineOf(i));
  }

  /** An element's content, the enclosing text without the element, and the element's line. */
  record Element(String content, String remainder, long line) {}

  /** {@code text} without SGML/HTML tags (each replaced by a space), stripped at both ends. */
  static String stripTags(String text) {
    Matcher m = ANY_TAG.matcher(text);
    return (m.find() ? m.replaceAll(" ") : text).strip();
  }

  /** Runs of whitespace collapsed to one space, stripped at both ends. */
  static String normalizeSpace(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }

  static int indexOf(String s, String upperNeedle) {
    return indexOf(s, upperNeedle, 0);
  }

  /** Case-insensitive search for an upper-case ASCII needle. */
  static int indexOf(String s, String upperNeedle, int from) {
    int n = upperNeedle.length();
    outer:
    for (int i = Math.max(0, from); i + n <= s.length(); i++) {
      for (int k = 0; k < n; k++) {
        char ch = s.charAt(i + k);
        if (ch >= 'a' && ch <= 'z') {
          ch = (char) (ch - 32);
        }
        if (ch != upperNeedle.charAt(k)) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
